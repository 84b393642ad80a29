#include "domain/inquiry.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

TEST(InquiryTest, EmailAndCatalogue) {
  EXPECT_TRUE(CheckInquiry("li.wei@example.cn", {"p1"}, {"p1", "p2"}).empty());
  const Problems problems = CheckInquiry("li.wei at example", {"p2", "p9"}, {"p1", "p2"});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "email");
  EXPECT_EQ(problems[1].field, "product_ids[1]");
  EXPECT_EQ(problems[1].code, "not_in_catalogue");
  for (std::string_view bad :
       {"", "@x.cn", "a@", "a@b", "a@@b.cn", "<a@b.cn>", "a b@c.cn", "a@b.cn.", "\"a\"@b.cn"}) {
    EXPECT_FALSE(LooksLikeEmail(bad)) << bad;
  }
}

TEST(InquiryTest, TokenBucketRefillsEvenlyAndSaysWhenToRetry) {
  const RateLimit limit{.capacity = 5, .window_seconds = 600};
  const Instant t0 = Instant{std::chrono::seconds(1'800'000'000)};
  TokenBucket bucket;
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(TakeToken(bucket, limit, t0)) << i;
  // The sixth at once waits for one token: 600 / 5 = 120 s.
  EXPECT_EQ(TakeToken(bucket, limit, t0), 120);
  EXPECT_EQ(TakeToken(bucket, limit, t0 + std::chrono::seconds(100)), 20);
  EXPECT_FALSE(TakeToken(bucket, limit, t0 + std::chrono::seconds(120)));
  EXPECT_EQ(TakeToken(bucket, limit, t0 + std::chrono::seconds(120)), 120);
  EXPECT_FALSE(BucketFull(bucket, limit, t0 + std::chrono::seconds(700)));
  EXPECT_TRUE(BucketFull(bucket, limit, t0 + std::chrono::seconds(720)));
  // A clock going back takes nothing away and adds nothing.
  EXPECT_EQ(TakeToken(bucket, limit, t0), 120);
  // Capacity 0: off.
  TokenBucket off;
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(TakeToken(off, {.capacity = 0}, t0));
}

}  // namespace
}  // namespace amity::domain
