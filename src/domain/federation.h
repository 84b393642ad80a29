// Federation's rules, pure: a peer's state from what both admins did, how long invitations and
// retired keys last. No clock: callers pass now.
#pragma once

#include <chrono>
#include <string_view>

namespace amity::domain {

// An invitation may be accepted for this long after it was made.
constexpr auto kInvitationLifetime = std::chrono::hours(24);
// After a key rotation, a peer still accepts the old key for this long (requests in flight,
// a peer told late).
constexpr auto kRetiredKeyGrace = std::chrono::days(7);

// "revoked" once revoked; "active" when the admins of both sides confirmed the fingerprint;
// else "pending" (nothing but pairing messages is exchanged).
std::string_view PeerState(bool confirmed_here, bool confirmed_there, bool revoked);

// Whether an invitation expiring at `expires_at` may still be used at `now` (both instants in
// the same clock; expired the moment they are equal).
template <class Instant>
bool InvitationUsable(Instant expires_at, Instant now) {
  return now < expires_at;
}

// Sync (docs/FEDERATION.md): a pull that found nothing new is repeated after kSyncPollInterval
// (a peer's notification brings the next one sooner); after `failures` consecutive failed pulls
// (no answer within kSyncTimeout, an error status, an answer that is not a feed) the next is
// tried after 1 s × 2^(failures − 1), at most kSyncMaxBackoff apart.
constexpr auto kSyncPollInterval = std::chrono::seconds(30);
constexpr auto kSyncTimeout = std::chrono::seconds(10);
constexpr auto kSyncMaxBackoff = std::chrono::seconds(300);
std::chrono::seconds SyncRetryDelay(long long failures);

}  // namespace amity::domain
