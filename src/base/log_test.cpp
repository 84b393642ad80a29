#include "base/log.h"

#include <gtest/gtest.h>

#include <regex>

namespace amity {
namespace {

TEST(LogLineTest, JsonIsOneObjectPerLine) {
  LogLine line(LogFormat::kJson, "info", "request");
  line.Add("path", "/a \"b\"\n").Add("status", 200LL).Add("ms", 1.5);
  const std::string& text = line.Finish();
  EXPECT_TRUE(
      std::regex_match(text, std::regex(R"(\{"time":"[0-9T:.Z-]+","level":"info","msg":"request",)"
                                        R"("path":"/a \\"b\\"\\n","status":200,"ms":1\.500\}\n)")))
      << text;
}

TEST(LogLineTest, PlainQuotesOnlyWhatIsNotOneWord) {
  LogLine line(LogFormat::kPlain, "warn", "translation");
  line.Add("lang", "zh").Add("error", "timed out").Add("empty", "");
  const std::string& text = line.Finish();
  EXPECT_TRUE(std::regex_match(
      text, std::regex(R"([0-9T:.Z-]+ warn translation lang=zh error="timed out" empty=""\n)")))
      << text;
}

TEST(LogLineTest, FormatsByName) {
  EXPECT_EQ(ParseLogFormat("json"), LogFormat::kJson);
  EXPECT_EQ(ParseLogFormat("plain"), LogFormat::kPlain);
  EXPECT_EQ(ParseLogFormat("JSON"), std::nullopt);
}

}  // namespace
}  // namespace amity
