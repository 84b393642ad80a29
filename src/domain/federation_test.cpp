#include "domain/federation.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

TEST(FederationRulesTest, ActiveOnlyWhenBothConfirmedAndNotRevoked) {
  EXPECT_EQ(PeerState(false, false, false), "pending");
  EXPECT_EQ(PeerState(true, false, false), "pending");
  EXPECT_EQ(PeerState(false, true, false), "pending");
  EXPECT_EQ(PeerState(true, true, false), "active");
  EXPECT_EQ(PeerState(true, true, true), "revoked");
  EXPECT_EQ(PeerState(false, false, true), "revoked");
}

TEST(FederationRulesTest, InvitationExpiresAtItsInstant) {
  EXPECT_TRUE(InvitationUsable(10, 9));
  EXPECT_FALSE(InvitationUsable(10, 10));
  EXPECT_FALSE(InvitationUsable(10, 11));
}

}  // namespace
}  // namespace amity::domain
