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

TEST(FederationRulesTest, SyncBacksOffExponentiallyUpToTheCap) {
  EXPECT_EQ(SyncRetryDelay(0).count(), 0);
  EXPECT_EQ(SyncRetryDelay(1).count(), 1);
  EXPECT_EQ(SyncRetryDelay(2).count(), 2);
  EXPECT_EQ(SyncRetryDelay(5).count(), 16);
  EXPECT_EQ(SyncRetryDelay(9).count(), 256);
  EXPECT_EQ(SyncRetryDelay(10).count(), 300);
  EXPECT_EQ(SyncRetryDelay(1000).count(), 300);
}

}  // namespace
}  // namespace amity::domain
