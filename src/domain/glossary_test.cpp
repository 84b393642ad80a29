#include "domain/glossary.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

TEST(GlossaryTest, ProtectsLongestTermsFirstAndRestoresRenderings) {
  const ProtectedText text = ProtectTerms(
      "İzmir Büyükşehir Belediyesi, İzmir'de bir konser düzenleyecek.",
      {{"İzmir", "伊兹密尔"}, {"İzmir Büyükşehir Belediyesi", "伊兹密尔大都市市政府"}});
  EXPECT_EQ(text.text, "__G0__, __G1__'de bir konser düzenleyecek.");
  const std::string translated = "__G0__将在__G1__举办一场音乐会。";
  EXPECT_TRUE(AllPlaceholdersKept(translated, text));
  EXPECT_EQ(RestoreTerms(translated, text), "伊兹密尔大都市市政府将在伊兹密尔举办一场音乐会。");
}

TEST(GlossaryTest, SkipsAbsentAndIncompleteTerms) {
  const ProtectedText text =
      ProtectTerms("Konser", {{"Harbin", "哈尔滨"}, {"Konser", ""}, {"", "音乐会"}});
  EXPECT_EQ(text.text, "Konser");
  EXPECT_TRUE(text.renderings.empty());
}

TEST(GlossaryTest, NoticesLostPlaceholders) {
  const ProtectedText text = ProtectTerms("Harbin", {{"Harbin", "哈尔滨"}});
  EXPECT_FALSE(AllPlaceholdersKept("哈尔滨", text));
}

}  // namespace
}  // namespace amity::domain
