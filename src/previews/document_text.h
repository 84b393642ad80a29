// The text inside stored documents, for the search index: PDF (poppler, page by page), Office
// Open XML and OpenDocument files (zip archives of XML, read entry by entry with libarchive and
// parsed as a stream with libxml2's reader), plain text and CSV as they are. Memory stays bounded
// whatever the file's size: nothing is read whole, and reading stops at the cap.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace amity::previews {

// The most text kept of one document: 1 MiB of UTF-8 (a 300-page report holds less).
inline constexpr size_t kMaxTextBytes = size_t{1} << 20;

// Whether ExtractText reads files of this (sniffed) media type.
bool HasText(std::string_view media_type);

// The text of the file at `path`, whose bytes are of `media_type`, as valid UTF-8 (bytes that
// are not UTF-8 become U+FFFD), paragraphs on lines of their own, cut at a character boundary
// before `max_bytes`. nullopt when the type holds no text we read or the bytes cannot be read
// (a corrupt or encrypted document). Never throws for what the file holds.
std::optional<std::string> ExtractText(const std::string& path, std::string_view media_type,
                                       size_t max_bytes = kMaxTextBytes);

// `text` made valid UTF-8 (each byte that starts no valid sequence becomes U+FFFD) and cut at a
// character boundary to at most `max_bytes` bytes.
std::string ValidUtf8Prefix(std::string_view text, size_t max_bytes);

}  // namespace amity::previews
