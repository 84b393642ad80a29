#include "domain/federation.h"

namespace amity::domain {

std::string_view PeerState(bool confirmed_here, bool confirmed_there, bool revoked) {
  if (revoked) return "revoked";
  return confirmed_here && confirmed_there ? "active" : "pending";
}

}  // namespace amity::domain
