#include "base/id.h"

#include <gtest/gtest.h>

#include <set>

namespace amity {
namespace {

TEST(IdTest, NewIdIsVersion7UuidAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewId();
    EXPECT_TRUE(IsUuid(id)) << id;
    EXPECT_EQ(id[14], '7') << id;
    EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b') << id;
    EXPECT_TRUE(seen.insert(id).second) << "duplicate " << id;
  }
}

TEST(IdTest, IdsSortByCreationTimeAcrossMilliseconds) {
  const std::string first = NewId();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  EXPECT_LT(first, NewId());
}

TEST(IdTest, IsUuidRejectsMalformedText) {
  EXPECT_FALSE(IsUuid(""));
  EXPECT_FALSE(IsUuid("0191e4a0-0000-7000-8000-00000000000"));   // one short
  EXPECT_FALSE(IsUuid("0191e4a0x0000-7000-8000-000000000000"));  // wrong separator
  EXPECT_FALSE(IsUuid("0191e4a0-0000-7000-8000-00000000000g"));  // not hex
  EXPECT_TRUE(IsUuid("0191E4A0-0000-7000-8000-000000000000"));
}

}  // namespace
}  // namespace amity
