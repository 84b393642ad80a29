#include "federation/nonce_cache.h"

namespace amity::federation {

void NonceCache::DropExpired(long long now) {
  while (!by_expiry_.empty() && by_expiry_.begin()->first < now) {
    expiry_.erase(by_expiry_.begin()->second);
    by_expiry_.erase(by_expiry_.begin());
  }
}

bool NonceCache::Remember(const std::string& nonce, long long expires_at, long long now) {
  std::lock_guard lock(mutex_);
  DropExpired(now);
  if (expiry_.contains(nonce)) return false;
  if (expiry_.size() >= capacity_) return false;
  expiry_.emplace(nonce, expires_at);
  by_expiry_.emplace(expires_at, nonce);
  return true;
}

size_t NonceCache::size() const {
  std::lock_guard lock(mutex_);
  return expiry_.size();
}

}  // namespace amity::federation
