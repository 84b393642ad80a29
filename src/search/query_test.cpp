#include "search/query.h"

#include <gtest/gtest.h>

namespace amity::search {
namespace {

TEST(QueryTest, LatinWordsArePrefixesChineseWordsAreWhole) {
  EXPECT_EQ(*MatchExpression("İzm harbin", "loose", Accents::kInsensitive),
            "loose : (\"izm\" * AND \"harbin\" *)");
  EXPECT_EQ(*MatchExpression("冰雪", "loose", Accents::kInsensitive), "loose : (\"冰雪\")");
  EXPECT_FALSE(MatchExpression(" ;; ", "loose", Accents::kInsensitive));
}

TEST(QueryTest, SyntaxInTheQueryIsOnlyText) {
  // FTS5 operators and quotes are punctuation to the tokenizer, never syntax.
  EXPECT_EQ(*MatchExpression("a\" OR b* NEAR(", "exact", Accents::kSensitive),
            "exact : (\"a\" * AND \"or\" * AND \"b\" * AND \"near\" *)");
}

std::string Marked(const std::vector<Segment>& segments) {
  std::string out;
  for (const Segment& segment : segments)
    out += segment.match ? "[" + segment.text + "]" : segment.text;
  return out;
}

TEST(QueryTest, HighlightsMatchesInTheOriginalSpelling) {
  EXPECT_EQ(
      Marked(Highlight("Karşıyaka ve İZMİR'de konser", "karsiyaka izmir", Accents::kInsensitive)),
      "[Karşıyaka] ve [İZMİR]'de konser");
  EXPECT_EQ(Marked(Highlight("哈尔滨冰雪大世界", "冰雪", Accents::kInsensitive)),
            "哈尔滨[冰雪]大世界");
  EXPECT_EQ(Marked(Highlight("no match here", "zzz", Accents::kInsensitive)), "no match here");
}

}  // namespace
}  // namespace amity::search
