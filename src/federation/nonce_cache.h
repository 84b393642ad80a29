// The nonces of signed requests seen recently, so that a captured request sent again is refused.
// Bounded: entries are kept only until they expire (the signature window), and at most
// `capacity` at once; when full of unexpired entries, new nonces are refused (fail closed).
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace amity::federation {

class NonceCache {
 public:
  explicit NonceCache(size_t capacity = 100000) : capacity_(capacity) {}

  // Remembers `nonce` until Unix time `expires_at`. Returns false (and remembers nothing) when it
  // is already remembered and unexpired at `now`, or when the cache is full. Thread-safe.
  bool Remember(const std::string& nonce, long long expires_at, long long now);

  size_t size() const;

 private:
  void DropExpired(long long now);  // with mutex_ held

  size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, long long> expiry_;
  std::multimap<long long, std::string> by_expiry_;
};

}  // namespace amity::federation
