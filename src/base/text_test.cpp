#include "base/text.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace amity {
namespace {

TEST(TextTest, CountryCodesAreIsoAlpha2InUpperCase) {
  EXPECT_TRUE(IsCountryCode("TR"));
  EXPECT_TRUE(IsCountryCode("CN"));
  EXPECT_TRUE(IsCountryCode("ZW"));
  EXPECT_TRUE(IsCountryCode("AD"));
  EXPECT_FALSE(IsCountryCode("tr"));
  EXPECT_FALSE(IsCountryCode("TUR"));
  EXPECT_FALSE(IsCountryCode("XX"));
  EXPECT_FALSE(IsCountryCode("UK"));  // reserved, not assigned: the code is GB
}

TEST(TextTest, LanguagesAreTurkishChineseEnglish) {
  EXPECT_TRUE(IsLanguage("tr"));
  EXPECT_TRUE(IsLanguage("zh"));
  EXPECT_TRUE(IsLanguage("en"));
  EXPECT_FALSE(IsLanguage("de"));
  EXPECT_FALSE(IsLanguage("TR"));
}

TEST(TextTest, BlankIsOnlyWhitespace) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" \t\r\n"));
  EXPECT_FALSE(IsBlank(" x "));
}

TEST(TextTest, JsonStringsAreQuotedAndEscaped) {
  std::string out;
  AppendJsonString(out, "İzmir \"say\" a\\b\n\x01 哈尔滨");
  EXPECT_EQ(out, "\"İzmir \\\"say\\\" a\\\\b\\n\\u0001 哈尔滨\"");
}

}  // namespace
}  // namespace amity
