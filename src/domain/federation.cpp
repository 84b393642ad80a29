#include "domain/federation.h"

#include <algorithm>

namespace amity::domain {

std::string_view PeerState(bool confirmed_here, bool confirmed_there, bool revoked) {
  if (revoked) return "revoked";
  return confirmed_here && confirmed_there ? "active" : "pending";
}

std::chrono::seconds SyncRetryDelay(long long failures) {
  if (failures <= 0) return std::chrono::seconds(0);
  if (failures > 9) return kSyncMaxBackoff;  // 2^9 s passes the cap
  return std::min<std::chrono::seconds>(std::chrono::seconds(1LL << (failures - 1)),
                                        kSyncMaxBackoff);
}

}  // namespace amity::domain
