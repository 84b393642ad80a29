#include "files/sniff.h"

#include <magic.h>

#include <stdexcept>

namespace amity::files {
namespace {

// A libmagic handle may not be shared between threads: one per thread, loaded once (~5 ms).
class Magic {
 public:
  Magic() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS)) {
    if (cookie_ == nullptr) throw std::runtime_error("libmagic: cannot start");
    if (magic_load(cookie_, nullptr) != 0) {
      const std::string error = magic_error(cookie_) ? magic_error(cookie_) : "no database";
      magic_close(cookie_);
      throw std::runtime_error("libmagic: cannot load its database: " + error);
    }
  }
  ~Magic() { magic_close(cookie_); }
  magic_t get() const { return cookie_; }

 private:
  magic_t cookie_;
};

}  // namespace

std::string SniffMediaType(const std::string& path) {
  thread_local Magic magic;
  const char* type = magic_file(magic.get(), path.c_str());
  if (type == nullptr) {
    const char* error = magic_error(magic.get());
    throw std::runtime_error(std::string("libmagic: ") + (error ? error : "cannot read the file"));
  }
  return type;
}

}  // namespace amity::files
