#include "base/id.h"

#include <chrono>
#include <cstdint>
#include <random>

namespace amity {

std::string NewId() {
  // One generator per thread: ids are made on every server thread without locking.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  const uint64_t millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
  uint8_t bytes[16];
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<uint8_t>(millis >> (8 * (5 - i)));
  const uint64_t random_a = generator();
  const uint64_t random_b = generator();
  for (int i = 6; i < 16; ++i) {
    bytes[i] =
        static_cast<uint8_t>(i < 11 ? random_a >> (8 * (i - 6)) : random_b >> (8 * (i - 11)));
  }
  bytes[6] = static_cast<uint8_t>(0x70 | (bytes[6] & 0x0F));  // version 7
  bytes[8] = static_cast<uint8_t>(0x80 | (bytes[8] & 0x3F));  // RFC 9562 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
    text.push_back(kHex[bytes[i] >> 4]);
    text.push_back(kHex[bytes[i] & 0x0F]);
  }
  return text;
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

}  // namespace amity
