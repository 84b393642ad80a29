#include "alerts/mime.h"

#include <chrono>
#include <cstdio>

namespace amity::alerts {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned value = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += kAlphabet[(value >> 6) & 63];
    out += kAlphabet[value & 63];
  }
  if (i < bytes.size()) {
    unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(value >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool PlainAscii(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e) return false;
  }
  // "=?" would read as the start of an encoded-word.
  return text.find("=?") == std::string_view::npos;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

// Header lines with LF only (the message is built with \n, then turned into CRLF).
std::string WithCrlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') out += '\r';
    out += text[i];
  }
  return out;
}

// Header values come from our settings and users' addresses; a line break in one would start a
// header of its own.
std::string OneLine(std::string_view value) {
  std::string out;
  for (const char c : value) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

}  // namespace

std::string EncodeHeaderText(std::string_view text) {
  if (PlainAscii(text)) return std::string(text);
  // "=?UTF-8?B?" + "?=" is 12 characters; 42 bytes make 56 base64 characters, so the first line,
  // "Subject: " and one word, stays within 78 characters.
  constexpr size_t kBytesPerWord = 42;
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size()) {
      const size_t length = SequenceLength(static_cast<unsigned char>(text[end]));
      if (end + length - start > kBytesPerWord) break;
      end += length;
    }
    if (end == start) end = std::min(text.size(), start + 1);  // never stall on a broken byte
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string Base64Lines(std::string_view bytes) {
  const std::string encoded = Base64(bytes);
  std::string out;
  for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

std::string MailDate(Instant instant) {
  using namespace std::chrono;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = floor<days>(instant);
  const year_month_day ymd{day};
  const hh_mm_ss time{instant - day};
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                kDays[weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::string ComposeMessage(const MailMessage& message) {
  std::string head;
  head += "Date: " + MailDate(message.date) + "\r\n";
  head += "From: " + OneLine(message.from) + "\r\n";
  head += "To: " + OneLine(message.to) + "\r\n";
  head += "Subject: " + EncodeHeaderText(OneLine(message.subject)) + "\r\n";
  head += "Message-ID: <" + OneLine(message.message_id) + ">\r\n";
  if (!message.unsubscribe_url.empty()) {
    head += "List-Unsubscribe: <" + OneLine(message.unsubscribe_url) + ">\r\n";
    head += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  head += "Auto-Submitted: auto-generated\r\n";
  head += "MIME-Version: 1.0\r\n";
  head += "Content-Type: text/plain; charset=UTF-8\r\n";
  head += "Content-Transfer-Encoding: base64\r\n";
  return head + "\r\n" + Base64Lines(WithCrlf(message.body));
}

}  // namespace amity::alerts
