#include "domain/translations.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

TranslatableText Text(std::string original, std::map<std::string, LanguageValue> values) {
  return {std::move(original), std::move(values)};
}

LanguageValue V(const char* text, const char* by = "", bool reviewed = false, bool given = false) {
  return {text, by, reviewed, given};
}

TEST(TranslationsTest, NewTextMarksOriginalAndHumanTranslations) {
  const auto text =
      ReconcileTranslations(Text("tr", {{"tr", V("Konser")}, {"en", V("Concert")}}), {});
  EXPECT_EQ(text.values.at("tr").by, "original");
  EXPECT_TRUE(text.values.at("tr").reviewed);
  EXPECT_EQ(text.values.at("en").by, "human");
  EXPECT_FALSE(text.values.at("en").reviewed);
}

TEST(TranslationsTest, EditingTheOriginalAsksForReviewAgain) {
  const auto stored = Text("tr", {{"tr", V("Konser", "original", true)},
                                  {"en", V("Concert", "human", true)},
                                  {"zh", V("音乐会", "machine", true)}});
  const auto text = ReconcileTranslations(
      Text("tr", {{"tr", V("Ortak konser")}, {"en", V("Concert")}, {"zh", V("音乐会")}}), stored);
  EXPECT_EQ(text.values.at("en").by, "human");
  EXPECT_FALSE(text.values.at("en").reviewed);
  EXPECT_EQ(text.values.at("zh").by, "machine");
  EXPECT_FALSE(text.values.at("zh").reviewed);
}

TEST(TranslationsTest, UnchangedTextsKeepTheirStatus) {
  const auto stored =
      Text("tr", {{"tr", V("Konser", "original", true)}, {"zh", V("音乐会", "machine", true)}});
  const auto text =
      ReconcileTranslations(Text("tr", {{"tr", V("Konser")}, {"zh", V("音乐会")}}), stored);
  EXPECT_EQ(text.values.at("zh").by, "machine");
  EXPECT_TRUE(text.values.at("zh").reviewed);
}

TEST(TranslationsTest, AReviewerSaysSoExplicitly) {
  const auto stored =
      Text("tr", {{"tr", V("Konser", "original", true)}, {"zh", V("音乐会", "machine", false)}});
  const auto text = ReconcileTranslations(
      Text("tr", {{"tr", V("Konser")}, {"zh", V("音乐会", "machine", true, true)}}), stored);
  EXPECT_TRUE(text.values.at("zh").reviewed);
  EXPECT_EQ(text.values.at("zh").by, "machine");
}

TEST(TranslationsTest, ACorrectedMachineTranslationBecomesHuman) {
  const auto stored =
      Text("tr", {{"tr", V("Konser", "original", true)}, {"zh", V("音乐", "machine", false)}});
  const auto text =
      ReconcileTranslations(Text("tr", {{"tr", V("Konser")}, {"zh", V("音乐会")}}), stored);
  EXPECT_EQ(text.values.at("zh").by, "human");
  EXPECT_FALSE(text.values.at("zh").reviewed);
}

}  // namespace
}  // namespace amity::domain
