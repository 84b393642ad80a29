#include "http/query.h"

#include <gtest/gtest.h>

namespace amity::http {
namespace {

TEST(QueryTest, ParsesPairsInOrderWithEscapes) {
  const auto pairs = ParseQuery("status=agreed,planned&q=%C4%B0zmir+kent&flag&&limit=5");
  ASSERT_TRUE(pairs);
  const Pairs want = {
      {"status", "agreed,planned"}, {"q", "İzmir kent"}, {"flag", ""}, {"limit", "5"}};
  EXPECT_EQ(*pairs, want);
}

TEST(QueryTest, RejectsBadEscapes) {
  EXPECT_FALSE(ParseQuery("a=%"));
  EXPECT_FALSE(ParseQuery("a=%4"));
  EXPECT_FALSE(ParseQuery("a=%zz"));
  EXPECT_FALSE(ParseQuery("a=%00"));
  EXPECT_TRUE(ParseQuery(""));
}

TEST(QueryTest, PathDecodingKeepsPlus) {
  EXPECT_EQ(*PercentDecode("/a+b%2Fc", false), "/a+b/c");
  EXPECT_EQ(*PercentDecode("a+b", true), "a b");
}

}  // namespace
}  // namespace amity::http
