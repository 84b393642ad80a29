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

}  // namespace
}  // namespace amity
