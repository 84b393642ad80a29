#include "domain/files.h"

#include <algorithm>

namespace amity::domain {
namespace {

// Decodes one UTF-8 code point at `text[i]`, advancing `i`; -1 when the bytes are not UTF-8
// (overlong forms, surrogates and values past U+10FFFF included).
long NextCodePoint(std::string_view text, size_t& i) {
  const auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  int extra = 0;
  long point = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    point = lead & 0x07;
  } else {
    return -1;
  }
  if (i + extra >= text.size()) return -1;
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return -1;
    point = (point << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr long kSmallest[] = {0, 0x80, 0x800, 0x10000};
  if (point < kSmallest[extra] || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) {
    return -1;
  }
  i += extra + 1;
  return point;
}

bool ChangesDirection(long point) {
  return point == 0x200E || point == 0x200F || point == 0x061C ||
         (point >= 0x202A && point <= 0x202E) || (point >= 0x2066 && point <= 0x2069);
}

}  // namespace

const std::vector<std::string>& DefaultFileTypes() {
  static const std::vector<std::string> types = {
      "application/pdf",
      "image/jpeg",
      "image/png",
      "image/gif",
      "image/webp",
      "image/tiff",
      "image/heic",
      "text/plain",
      "text/csv",
      "application/msword",
      "application/vnd.ms-excel",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/vnd.oasis.opendocument.text",
      "application/vnd.oasis.opendocument.spreadsheet",
      "application/vnd.oasis.opendocument.presentation",
      "audio/mpeg",
      "audio/mp4",
      "audio/x-m4a",
      "audio/ogg",
      "audio/x-wav",
      "audio/flac",
      "video/mp4",
      "video/quicktime",
      "video/webm",
      "video/x-matroska",
      "video/mpeg",
  };
  return types;
}

bool FileTypeAllowed(std::string_view media_type, const std::vector<std::string>& allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& entry) {
    if (entry.ends_with("/*")) {
      return media_type.starts_with(std::string_view(entry).substr(0, entry.size() - 1));
    }
    return media_type == entry;
  });
}

std::vector<std::string> ParseFileTypes(std::string_view list, Problems& problems,
                                        std::string_view field) {
  std::vector<std::string> types;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view entry = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    if (entry.empty()) continue;
    const size_t slash = entry.find('/');
    const bool valid = slash != std::string_view::npos && slash > 0 && slash + 1 < entry.size() &&
                       entry.find_first_of(" /", slash + 1) == std::string_view::npos;
    if (!valid) {
      problems.push_back({std::string(field), "invalid_media_type",
                          "\"" + std::string(entry) + "\" is not a media type such as image/png"});
      continue;
    }
    types.emplace_back(entry);
  }
  return types;
}

Problems CheckFileName(std::string_view name, std::string_view field) {
  const auto problem = [&](std::string code, std::string message) {
    return Problems{{std::string(field), std::move(code), std::move(message)}};
  };
  if (name.empty()) return problem("required", "the file needs a name");
  if (name.size() > 255) return problem("too_long", "a file name may have at most 255 bytes");
  if (name == "." || name == "..") return problem("invalid_file_name", "a file name is not a path");
  for (size_t i = 0; i < name.size();) {
    const long point = NextCodePoint(name, i);
    if (point < 0) return problem("invalid_utf8", "the file name is not valid UTF-8");
    if (point == '/' || point == '\\') {
      return problem("invalid_file_name", "a file name may not contain / or \\");
    }
    if (point < 0x20 || (point >= 0x7F && point < 0xA0)) {
      return problem("control_character", "a file name may not contain control characters");
    }
    if (ChangesDirection(point)) {
      return problem("direction_override",
                     "a file name may not contain characters that change the direction of text");
    }
  }
  return {};
}

const std::vector<std::string>& FileHolders() {
  static const std::vector<std::string> holders = {
      "partnerships",  "meetings", "commitments", "events",
      "organizations", "cases",    "products",    std::string(kApplicationFileHolder)};
  return holders;
}

bool AlwaysPersonalData(std::string_view holder) { return holder == kApplicationFileHolder; }

}  // namespace amity::domain
