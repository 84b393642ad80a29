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
TEST(QueryTest, PercentEncodingRoundTrips) {
  const std::string text = "Kemeraltı çarşısı & 冰雪/大世界?a=b+c%";
  const auto pairs = ParseQuery("q=" + PercentEncode(text));
  ASSERT_TRUE(pairs);
  EXPECT_EQ(pairs->at(0).second, text);
  EXPECT_EQ(PercentEncode("a-b_c.d~e f"), "a-b_c.d~e%20f");
}

}  // namespace amity::http
