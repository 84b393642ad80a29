#include "search/fold.h"

#include <gtest/gtest.h>

namespace amity::search {
namespace {

std::string Fold(std::string_view text, Accents accents = Accents::kInsensitive) {
  return FoldForIndex(text, accents);
}

TEST(FoldTest, TurkishCasingMeetsInAllForms) {
  EXPECT_EQ(Fold("İZMİR", Accents::kSensitive), "izmir");
  EXPECT_EQ(Fold("İzmir", Accents::kSensitive), "izmir");
  EXPECT_EQ(Fold("izmir", Accents::kSensitive), "izmir");
  // Dotless I: ISPARTA lower-cases to ısparta in Turkish, not to isparta.
  EXPECT_EQ(Fold("ISPARTA", Accents::kSensitive), "ısparta");
  EXPECT_EQ(Fold("ısparta", Accents::kSensitive), "ısparta");
  EXPECT_EQ(Fold("IĞDIR", Accents::kSensitive), "ığdır");
}

TEST(FoldTest, AccentInsensitiveFoldsTurkishLettersAndDotlessI) {
  EXPECT_EQ(Fold("Karşıyaka"), "karsiyaka");
  EXPECT_EQ(Fold("karsiyaka"), "karsiyaka");
  EXPECT_EQ(Fold("ISPARTA"), "isparta");
  EXPECT_EQ(Fold("Çanakkale Göçmen Üsküdar"), "canakkale gocmen uskudar");
  EXPECT_EQ(Fold("Café"), "cafe");
  // Accent-sensitive keeps them apart.
  EXPECT_EQ(Fold("Karşıyaka", Accents::kSensitive), "karşıyaka");
}

TEST(FoldTest, ChineseIsCutIntoWords) {
  EXPECT_EQ(Fold("哈尔滨冰雪大世界"), "哈尔滨 冰雪 大 世界");
  EXPECT_EQ(Fold("历史建筑保护"), "历史 建筑 保护");
  const auto tokens = Tokenize("哈尔滨冰雪节", Accents::kInsensitive);
  ASSERT_FALSE(tokens.empty());
  EXPECT_TRUE(tokens[0].ideographic);
}

TEST(FoldTest, TokensPointBackAtTheOriginalText) {
  const std::string text = "Büyük İZMİR'de, 哈尔滨!";
  const auto tokens = Tokenize(text, Accents::kInsensitive);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text, "buyuk");
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Büyük");
  EXPECT_EQ(tokens[1].text, "izmir");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "İZMİR");
  EXPECT_EQ(tokens[2].text, "de");
  EXPECT_EQ(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin), "哈尔滨");
}

// Each token as "[text begin-end]"; the expectations below are what the ICU-only folding (before
// ASCII was folded by hand) produced, so both paths must agree.
std::string Described(std::string_view text, Accents accents) {
  std::string out;
  for (const Token& token : Tokenize(text, accents)) {
    out += "[" + token.text + " " + std::to_string(token.begin) + "-" + std::to_string(token.end) +
           "]";
  }
  return out;
}

TEST(FoldTest, AsciiAndOtherScriptsFoldAsIcuDoes) {
  const std::string_view mixed = "IŞIK, İzmir’de: ABC123 x_y 3.5 don't";
  EXPECT_EQ(Described(mixed, Accents::kSensitive),
            "[ışık 0-5][izmir 7-13][de 16-18][abc123 20-26][x_y 27-30][3.5 31-34][don 35-38]"
            "[t 39-40]");
  EXPECT_EQ(Described(mixed, Accents::kInsensitive),
            "[isik 0-5][izmir 7-13][de 16-18][abc123 20-26][x_y 27-30][3.5 31-34][don 35-38]"
            "[t 39-40]");
  const std::string_view other = "Ωμέγα Straße ﬁne 𝔘𝔫𝔦 😀 ǅemal";
  EXPECT_EQ(Described(other, Accents::kSensitive),
            "[ωμέγα 0-10][straße 11-18][ﬁne 19-24][𝔘𝔫𝔦 25-37][ǆemal 43-49]");
  EXPECT_EQ(Described(other, Accents::kInsensitive),
            "[ωμεγα 0-10][straße 11-18][ﬁne 19-24][𝔘𝔫𝔦 25-37][ǆemal 43-49]");
}

TEST(FoldTest, SkipsInvalidUtf8AndEmptyInput) {
  EXPECT_EQ(Fold(""), "");
  EXPECT_EQ(Fold("  ,;! "), "");
  EXPECT_EQ(Fold("ab\xff"
                 "cd"),
            "abcd");
}

}  // namespace
}  // namespace amity::search
