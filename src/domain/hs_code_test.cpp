#include "domain/hs_code.h"

#include <gtest/gtest.h>

#include <set>

namespace amity::domain {
namespace {

TEST(HsCodeShapeTest, SixDigitsWithTariffBookSeparatorsAreNormalised) {
  EXPECT_EQ(NormalizeTariffCode("080420", kHsDigits), "080420");
  EXPECT_EQ(NormalizeTariffCode("0804.20", kHsDigits), "080420");
  EXPECT_EQ(NormalizeTariffCode("0804 20", kHsDigits), "080420");
  EXPECT_EQ(NormalizeTariffCode("0804.20.10.00.11", kTurkishTariffDigits), "080420100011");
  EXPECT_EQ(NormalizeTariffCode("0804.2000.00", kChineseTariffDigits), "0804200000");
  EXPECT_EQ(NormalizeTariffCode("1509200000", kChineseTariffDigits), "1509200000");
}

TEST(HsCodeShapeTest, OtherShapesAreRefused) {
  for (std::string_view bad :
       {"12.34", "1234", "08.0420", "0804.2", "08042", "0804200", "0804..20", "0804.20.", ".080420",
        "0804-20", "08042O", "", "٠٨٠٤٢٠", "0804 .20", "080420 "}) {
    EXPECT_EQ(NormalizeTariffCode(bad, kHsDigits), std::nullopt) << bad;
  }
  EXPECT_EQ(NormalizeTariffCode("080420", kTurkishTariffDigits), std::nullopt);
  EXPECT_EQ(NormalizeTariffCode("0804201000", kTurkishTariffDigits), std::nullopt);
}

TEST(HsChapterTest, NinetySevenChaptersInOrderWithEveryName) {
  ASSERT_EQ(HsChapters().size(), 97u);
  int number = 1;
  for (const HsChapter& chapter : HsChapters()) {
    const std::string expected = (number < 10 ? "0" : "") + std::to_string(number);
    EXPECT_EQ(chapter.code, expected);
    EXPECT_FALSE(chapter.name.tr.empty()) << chapter.code;
    EXPECT_FALSE(chapter.name.zh.empty()) << chapter.code;
    EXPECT_FALSE(chapter.name.en.empty()) << chapter.code;
    EXPECT_EQ(chapter.reserved, number == 77);
    ++number;
  }
}

TEST(HsChapterTest, LookupByCodeAndLanguage) {
  const HsChapter* figs = FindHsChapter("080420");
  ASSERT_NE(figs, nullptr);
  EXPECT_EQ(figs->code, "08");
  EXPECT_EQ(figs->name.In("zh"), "食用水果及坚果；柑橘属水果或甜瓜的果皮");
  EXPECT_EQ(figs->name.In("fr"), figs->name.en);
  for (std::string_view missing : {"000000", "770000", "980000", "990000", "7", ""}) {
    EXPECT_EQ(FindHsChapter(missing), nullptr) << missing;
  }
  const HsHeading* heading = FindHsHeading("150920");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->name.In("tr"), "Zeytinyağı");
  EXPECT_EQ(FindHsHeading("010121"), nullptr);
}

TEST(HsHeadingTest, EveryHeadingIsUniqueAndInAnExistingChapter) {
  std::set<std::string_view> seen;
  for (const HsHeading& heading : HsHeadings()) {
    EXPECT_EQ(heading.code.size(), 4u);
    EXPECT_TRUE(seen.insert(heading.code).second) << heading.code;
    EXPECT_NE(FindHsChapter(heading.code), nullptr) << heading.code;
    EXPECT_FALSE(heading.name.tr.empty() || heading.name.zh.empty() || heading.name.en.empty());
  }
}

TEST(ProductCodesTest, NationalCodesExtendTheHsCode) {
  EXPECT_TRUE(CheckProductCodes("080420", "080420100011", "0804200000").empty());
  EXPECT_TRUE(CheckProductCodes("080420", "", "").empty());
  const Problems problems = CheckProductCodes("080420", "080620100011", "0806200000");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "hs_code_tr");
  EXPECT_EQ(problems[0].code, "not_extension_of_hs_code");
  EXPECT_EQ(problems[1].field, "hs_code_cn");
}

TEST(ProductCodesTest, ChaptersThatDoNotExistAreRefused) {
  for (std::string_view code : {"000000", "770000", "990000", "980000"}) {
    const Problems problems = CheckProductCodes(code, "", "");
    ASSERT_EQ(problems.size(), 1u) << code;
    EXPECT_EQ(problems[0].field, "hs_code");
    EXPECT_EQ(problems[0].code, "unknown_chapter");
  }
}

}  // namespace
}  // namespace amity::domain
