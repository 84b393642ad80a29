#include "alerts/mime.h"

#include <gtest/gtest.h>

#include "alerts/worker.h"

namespace amity::alerts {
namespace {

// Decodes base64 (for checking only).
std::string Decode64(std::string_view text) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (const char c : text) {
    const size_t index = alphabet.find(c);
    if (index == std::string::npos) continue;  // '=', line breaks
    value = (value << 6) | static_cast<unsigned>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xff);
    }
  }
  return out;
}

// The text of a header value made of encoded-words.
std::string DecodeWords(const std::string& value) {
  std::string out;
  size_t at = 0;
  while ((at = value.find("=?UTF-8?B?", at)) != std::string::npos) {
    const size_t end = value.find("?=", at + 10);
    out += Decode64(value.substr(at + 10, end - at - 10));
    at = end + 2;
  }
  return out;
}

TEST(Mime, AsciiSubjectsStayAsTheyAre) {
  EXPECT_EQ(EncodeHeaderText("Weekly digest: 2 overdue"), "Weekly digest: 2 overdue");
  // Something that would read as an encoded-word is encoded itself.
  EXPECT_EQ(EncodeHeaderText("a =?b"), "=?UTF-8?B?YSA9P2I=?=");
}

TEST(Mime, TurkishAndChineseSubjectsAreEncodedWordsOfWholeCharacters) {
  for (const std::string subject :
       {std::string("Haftalık özet: 2 gecikmiş, 1 yaklaşan taahhüt — İzmir'in ğ ş ı"),
        std::string(
            "每周摘要：2 项逾期，1 项即将到期 哈尔滨国际冰雪节 伊兹密尔 友好城市 合作 交流")}) {
    const std::string encoded = EncodeHeaderText(subject);
    EXPECT_EQ(DecodeWords(encoded), subject);
    size_t start = 0;
    while (start < encoded.size()) {
      size_t end = encoded.find("\r\n", start);
      if (end == std::string::npos) end = encoded.size();
      const std::string line = encoded.substr(start, end - start);
      EXPECT_LE(line.size() + 9, 78u) << line;  // with "Subject: " before the first
      const std::string word = line.substr(line.find("=?"));
      EXPECT_LE(word.size(), 75u);
      // Each word decodes to whole UTF-8 characters: its first byte is no continuation byte.
      const std::string bytes = Decode64(word.substr(10, word.size() - 12));
      EXPECT_NE(static_cast<unsigned char>(bytes[0]) & 0xc0, 0x80);
      start = end + 2;
    }
    EXPECT_NE(encoded.find("\r\n "), std::string::npos) << "long subjects fold";
  }
}

TEST(Mime, MessageHasDateIdUnsubscribeAndABase64Body) {
  const MailMessage message{.from = "amity@izmir.example",
                            .to = "officer@izmir.example",
                            .subject = "Ortaklık uykuda: İzmir – Harbin",
                            .body = "Satır bir\nİkinci satır 哈尔滨\n",
                            .date = *ParseInstant("2026-12-07T03:22:06Z"),
                            .message_id = "0190abc@izmir.example",
                            .unsubscribe_url = "https://amity.example/api/v1/unsubscribe/tok"};
  const std::string text = ComposeMessage(message);
  EXPECT_NE(text.find("Date: Mon, 07 Dec 2026 03:22:06 +0000\r\n"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <0190abc@izmir.example>\r\n"), std::string::npos);
  EXPECT_NE(text.find("List-Unsubscribe: <https://amity.example/api/v1/unsubscribe/tok>\r\n"),
            std::string::npos);
  EXPECT_NE(text.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
  const size_t body = text.find("\r\n\r\n");
  ASSERT_NE(body, std::string::npos);
  EXPECT_EQ(Decode64(text.substr(body + 4)), "Satır bir\r\nİkinci satır 哈尔滨\r\n");
  for (size_t at = body + 4; at < text.size();) {
    const size_t end = text.find("\r\n", at);
    EXPECT_LE(end - at, 76u);
    at = end + 2;
  }
  // A line break smuggled into an address cannot add a header.
  MailMessage forged = message;
  forged.to = "a@b.example\r\nBcc: c@d.example";
  EXPECT_EQ(ComposeMessage(forged).find("\r\nBcc:"), std::string::npos);
}

TEST(Mime, RetriesWaitLongerEachTimeUpToSixHours) {
  using std::chrono::seconds;
  EXPECT_EQ(RetryDelay(seconds{60}, 1), seconds{60});
  EXPECT_EQ(RetryDelay(seconds{60}, 2), seconds{120});
  EXPECT_EQ(RetryDelay(seconds{60}, 4), seconds{480});
  EXPECT_EQ(RetryDelay(seconds{60}, 40), seconds{6 * 3600});
}

}  // namespace
}  // namespace amity::alerts
