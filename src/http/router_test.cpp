#include "http/router.h"

#include <gtest/gtest.h>

namespace amity::http {
namespace {

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
  Params params;
  EXPECT_TRUE(Pattern("/api/v1/commitments/{id}/transitions")
                  .Match(SplitPath("/api/v1/commitments/abc/transitions"), params));
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0].first, "id");
  EXPECT_EQ(params[0].second, "abc");
  EXPECT_FALSE(Pattern("/api/v1/commitments/{id}").Match(SplitPath("/api/v1/commitments"), params));
  EXPECT_FALSE(Pattern("/api/v1/cities").Match(SplitPath("/api/v1/events"), params));
  EXPECT_TRUE(Pattern("/api/v1/cities").Match(SplitPath("/api/v1/cities/"), params));
}

TEST(RouterTest, SplitsPaths) {
  const auto segments = SplitPath("//a/b//c/");
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_EQ(segments[2], "c");
  EXPECT_TRUE(SplitPath("/").empty());
}

}  // namespace
}  // namespace amity::http
