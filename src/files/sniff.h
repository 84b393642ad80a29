// The media type of a file judged from its bytes (libmagic), never from its name.
#pragma once

#include <string>

namespace amity::files {

// The media type of the file at `path` as libmagic names it ("application/pdf", "image/jpeg",
// "application/x-executable", …), "application/octet-stream" when it cannot tell. Throws when
// libmagic or its database cannot be loaded.
std::string SniffMediaType(const std::string& path);

}  // namespace amity::files
