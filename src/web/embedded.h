// The UI files compiled into the binary. The table is generated at build time by
// ui/scripts/embed.mjs from the Vite build output (see CMakeLists.txt beside this file).
#pragma once

#include <span>
#include <string_view>

namespace amity::web {

struct EmbeddedFile {
  std::string_view path;          // URL path, e.g. "/index.html", "/assets/index-3f2a9c1b.js"
  std::string_view content_type;  // e.g. "text/javascript; charset=utf-8"
  std::string_view etag;          // strong validator of the raw bytes, quoted: "\"a1b2…\""
  bool immutable;                 // content-hashed name: cache for a year
  std::string_view raw;           // the file as built
  std::string_view gzip;          // gzip of `raw`, or empty when compression does not pay
};

// Every embedded file, in a fixed order. Never empty: holds at least "/index.html".
std::span<const EmbeddedFile> EmbeddedFiles();

}  // namespace amity::web
