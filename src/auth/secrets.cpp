#include "auth/secrets.h"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

namespace amity::auth {

namespace {

void EnsureInitialized() {
  static const bool initialized = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
    return true;
  }();
  (void)initialized;
}

// Argon2id at INTERACTIVE takes 64 MiB per hash: at most two at once.
std::counting_semaphore<2>& HashSlots() {
  static std::counting_semaphore<2> slots(2);
  return slots;
}

class SlotGuard {
 public:
  SlotGuard() { HashSlots().acquire(); }
  ~SlotGuard() { HashSlots().release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;
};

std::string HashWithSlot(std::string_view password) {
  char hash[crypto_pwhash_STRBYTES];
  SlotGuard slot;
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return hash;
}

}  // namespace

std::string RandomToken(size_t bytes) {
  EnsureInitialized();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_encoded_len(bytes, variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), variant);
  encoded.resize(encoded.find('\0'));
  sodium_memzero(raw.data(), raw.size());
  return encoded;
}

std::string RandomPassword() { return RandomToken(15); }

std::string TokenDigest(std::string_view token) {
  EnsureInitialized();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string HashPassword(std::string_view password) {
  EnsureInitialized();
  return HashWithSlot(password);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureInitialized();
  const std::string terminated(hash);
  SlotGuard slot;
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void VerifyNothing(std::string_view password) {
  EnsureInitialized();
  static const std::string decoy = HashWithSlot(RandomToken());
  VerifyPassword(decoy, password);
}

Problems PasswordProblems(std::string_view password) {
  size_t characters = 0;
  for (unsigned char byte : password) characters += (byte & 0xC0) != 0x80;
  if (characters < 12) {
    return {{"password", "too_short", "a password needs at least 12 characters"}};
  }
  if (password.size() > 256) {
    return {{"password", "too_long", "a password may have at most 256 bytes"}};
  }
  if (password.find_first_not_of(password.front()) == std::string_view::npos) {
    return {{"password", "too_weak", "a password cannot repeat one character"}};
  }
  return {};
}

bool EqualSecrets(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace amity::auth
