// Pure pieces of answering a file download: which bytes a Range header asks for (RFC 9110 §14)
// and the Content-Disposition that keeps a file's name in any script (RFC 6266, RFC 8187).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace amity::http {

struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t length = 0;
};

enum class RangeKind {
  kWhole,          // no usable Range: answer 200 with every byte
  kPartial,        // answer 206 with `range` and Content-Range
  kUnsatisfiable,  // answer 416 with Content-Range: bytes */size
};

struct RangeAnswer {
  RangeKind kind = RangeKind::kWhole;
  ByteRange range;
};

// Resolves `range` (the Range header, if any) against a representation of `size` bytes. One
// range is served (`bytes=a-b`, `bytes=a-`, `bytes=-n`); a header naming several ranges, another
// unit or bad syntax is ignored (the whole answer, which RFC 9110 allows), as is one whose
// `if_range` (the If-Range header) does not name the current `etag`.
RangeAnswer ResolveRange(std::optional<std::string_view> range,
                         std::optional<std::string_view> if_range, std::string_view etag,
                         std::uint64_t size);

// The Content-Range value of an answer: "bytes first-last/size".
std::string ContentRange(const ByteRange& range, std::uint64_t size);

// `disposition` ("attachment" or "inline") with `name` (UTF-8) as filename*=UTF-8''… and a
// plain-ASCII filename="…" for old clients (other characters as '_', quotes and backslashes
// dropped).
std::string ContentDisposition(std::string_view disposition, std::string_view name);

}  // namespace amity::http
