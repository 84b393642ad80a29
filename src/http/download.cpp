#include "http/download.h"

#include <charconv>

namespace amity::http {
namespace {

std::optional<std::uint64_t> Number(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

RangeAnswer ResolveRange(std::optional<std::string_view> range,
                         std::optional<std::string_view> if_range, std::string_view etag,
                         std::uint64_t size) {
  if (!range) return {};
  if (if_range && Trim(*if_range) != etag) return {};
  std::string_view spec = Trim(*range);
  constexpr std::string_view kUnit = "bytes=";
  if (!spec.starts_with(kUnit)) return {};
  spec = Trim(spec.substr(kUnit.size()));
  if (spec.find(',') != std::string_view::npos) return {};
  const size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return {};
  const std::string_view from = Trim(spec.substr(0, dash)), to = Trim(spec.substr(dash + 1));
  if (from.empty()) {  // the last n bytes
    const auto suffix = Number(to);
    if (!suffix) return {};
    if (*suffix == 0 || size == 0) return {RangeKind::kUnsatisfiable, {}};
    const std::uint64_t length = std::min(*suffix, size);
    return {RangeKind::kPartial, {size - length, length}};
  }
  const auto first = Number(from);
  if (!first) return {};
  std::uint64_t last = size == 0 ? 0 : size - 1;
  if (!to.empty()) {
    const auto given = Number(to);
    if (!given || *given < *first) return {};
    last = std::min(last, *given);
  }
  if (*first >= size) return {RangeKind::kUnsatisfiable, {}};
  return {RangeKind::kPartial, {*first, last - *first + 1}};
}

std::string ContentRange(const ByteRange& range, std::uint64_t size) {
  return "bytes " + std::to_string(range.first) + "-" +
         std::to_string(range.first + range.length - 1) + "/" + std::to_string(size);
}

std::string ContentDisposition(std::string_view disposition, std::string_view name) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && c != '"' && c != '\\') {
      ascii += c;
    } else if (byte >= 0x80 && (byte & 0xC0) != 0x80) {
      ascii += '_';  // one '_' per non-ASCII character (its lead byte)
    }
    // RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded.
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
    if (plain) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return std::string(disposition) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace amity::http
