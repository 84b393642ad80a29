// SHA-256 over bytes that arrive in pieces (OpenSSL: it uses the CPU's SHA instructions, about
// 2.5 times libsodium's portable code here).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace amity::files {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  // The digest of everything given so far, as 64 lower-case hex digits; ends the hashing.
  std::string Finish();
  std::uint64_t bytes() const { return bytes_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::uint64_t bytes_ = 0;
};

// The SHA-256 of the whole file open as `fd` (read from its start), as hex. Throws on a read error.
std::string Sha256OfFile(int fd);

}  // namespace amity::files
