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

TEST(TextTest, ControlCharactersOtherThanTabAndLineBreaksAreForbidden) {
  EXPECT_FALSE(ForbiddenControlCharacter(""));
  EXPECT_FALSE(ForbiddenControlCharacter("line one\r\nline\ttwo\n İzmir 哈尔滨 \u0085"));
  EXPECT_EQ(ForbiddenControlCharacter(std::string_view("a\0b", 3)), '\0');
  EXPECT_EQ(ForbiddenControlCharacter("bell\a"), '\a');
  EXPECT_EQ(ForbiddenControlCharacter("\x1f"), '\x1f');
  EXPECT_EQ(ForbiddenControlCharacter("delete\x7f"), '\x7f');
  EXPECT_EQ(ForbiddenControlCharacter("\x1b[31m red"), '\x1b');
  EXPECT_EQ(CodePointName('\0'), "U+0000");
  EXPECT_EQ(CodePointName('\x1b'), "U+001B");
  EXPECT_EQ(CodePointName('\x7f'), "U+007F");
}

TEST(TextTest, JsonStringsAreQuotedAndEscaped) {
  std::string out;
  AppendJsonString(out, "İzmir \"say\" a\\b\n\x01 哈尔滨");
  EXPECT_EQ(out, "\"İzmir \\\"say\\\" a\\\\b\\n\\u0001 哈尔滨\"");
}

// The escaper scans eight bytes at a time: every special byte at every position of a word, next
// to multi-byte UTF-8 and high bytes, must still be escaped exactly like a byte-by-byte escaper.
TEST(TextTest, JsonEscapingMatchesAByteByByteReferenceEverywhere) {
  const auto reference = [](std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (c == '"') {
        out += "\\\"";
      } else if (c == '\\') {
        out += "\\\\";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (u < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[u >> 4];
        out += kHex[u & 0xF];
      } else {
        out += c;
      }
    }
    return out + "\"";
  };
  const std::string specials = std::string("\"\\\n\r\t\x01\x1f") + '\0';
  const std::string fillers[] = {"abcdefghijklmnopqrstuvwx", "哈尔滨冰雪大世界İzmir",
                                 "\x7f\x80\xff\xa0 ~}"};
  for (const std::string& filler : fillers) {
    for (char special : specials) {
      for (size_t at = 0; at <= filler.size(); ++at) {
        std::string text = filler;
        text.insert(at, 1, special);
        std::string out;
        AppendJsonString(out, text);
        EXPECT_EQ(out, reference(text)) << "special " << int(special) << " at " << at;
      }
    }
    std::string out;
    AppendJsonString(out, filler);
    EXPECT_EQ(out, reference(filler));
  }
}

}  // namespace

TEST(TextTest, Base64UrlRoundTripsAndRefusesWhatIsNot) {
  for (const std::string bytes :
       {std::string(), std::string("a"), std::string("ab"), std::string("abc"),
        std::string("-created_at\x1fv2026\x1f01"), std::string("\xff\xfe\x00\x01", 4)}) {
    const std::string text = EncodeBase64Url(bytes);
    EXPECT_EQ(
        text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << text;
    EXPECT_EQ(DecodeBase64Url(text), bytes) << text;
  }
  EXPECT_EQ(EncodeBase64Url("\xfb\xff"), "-_8");  // the URL-safe digits, no padding
  EXPECT_FALSE(DecodeBase64Url("a"));             // no whole byte
  EXPECT_FALSE(DecodeBase64Url("ab=c"));          // not a digit
  EXPECT_FALSE(DecodeBase64Url("a+b/"));          // the other alphabet
  EXPECT_FALSE(DecodeBase64Url("YR"));            // leftover bits set
}

}  // namespace amity
