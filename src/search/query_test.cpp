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

TEST(QueryTest, LongLatinPrefixesBecomeTheWordsTheyStart) {
  std::vector<std::string> asked;
  const WordsStartingWith words =
      [&asked](std::string_view prefix) -> std::optional<std::vector<std::string>> {
    asked.emplace_back(prefix);
    if (prefix == "konser") return std::vector<std::string>{"konser", "konserde"};
    if (prefix == "harbin") return std::vector<std::string>{"harbin"};
    if (prefix == "festival") return std::nullopt;  // too many words to list
    return std::vector<std::string>{};              // no such word
  };
  EXPECT_EQ(*MatchExpression("Konser HARBİN festival zzzz", "loose", Accents::kInsensitive, words),
            "loose : ((\"konser\" OR \"konserde\") AND \"harbin\" AND \"festival\" * AND "
            "\"zzzz\" *)");
  EXPECT_EQ(asked, (std::vector<std::string>{"konser", "harbin", "festival", "zzzz"}));
  // Up to kIndexedPrefixLength characters (not bytes: ışı is six) FTS5's prefix indexes serve,
  // and Chinese words are whole words: neither is looked up.
  asked.clear();
  EXPECT_EQ(*MatchExpression("izm ışı 冰雪", "exact", Accents::kSensitive, words),
            "exact : (\"izm\" * AND \"ışı\" * AND \"冰雪\")");
  EXPECT_TRUE(asked.empty());
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

TEST(QueryTest, SnippetsShowTheFirstMatchOfALongText) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "tarihi yapı ";  // 24 KiB before the match
  text += "Kemeraltı Çarşısı restorasyon projesi";
  for (int i = 0; i < 100; ++i) text += " sonra gelen metin";
  const auto segments =
      Snippet(text, Tokenize("KEMERALTI", Accents::kInsensitive), Accents::kInsensitive, 20, 60);
  const std::string marked = Marked(segments);
  EXPECT_EQ(marked, "…yapı tarihi yapı [Kemeraltı] Çarşısı restorasyon projesi sonra gelen …")
      << marked;
  // Chinese has no spaces to cut at: the cut falls between characters.
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "哈尔滨";
  chinese += "冰雪大世界";
  const std::string cut = Marked(
      Snippet(chinese, Tokenize("冰雪", Accents::kInsensitive), Accents::kInsensitive, 9, 30));
  EXPECT_EQ(cut, "…哈尔滨[冰雪]大世界") << cut;
  EXPECT_EQ(
      Marked(Snippet("kısa metin", Tokenize("yok", Accents::kInsensitive), Accents::kInsensitive)),
      "kısa metin");
}

}  // namespace
}  // namespace amity::search
