#include "base/log.h"

#include <charconv>

#include "base/text.h"
#include "base/time.h"

namespace amity {
namespace {

// A plain value is written as is when it is one word, else quoted like a JSON string.
void AppendPlainValue(std::string& out, std::string_view value) {
  const bool bare = !value.empty() && value.find_first_of(" \"=\\\t\r\n") == std::string_view::npos;
  if (bare) {
    out += value;
  } else {
    AppendJsonString(out, value);
  }
}

}  // namespace

std::optional<LogFormat> ParseLogFormat(std::string_view text) {
  if (text == "json") return LogFormat::kJson;
  if (text == "plain") return LogFormat::kPlain;
  return std::nullopt;
}

LogLine::LogLine(LogFormat format, std::string_view level, std::string_view message)
    : format_(format) {
  text_.reserve(192);
  const std::string time = FormatInstant(Now());
  if (format_ == LogFormat::kJson) {
    text_ += "{\"time\":\"";
    text_ += time;
    text_ += "\",\"level\":\"";
    text_ += level;
    text_ += "\",\"msg\":";
    AppendJsonString(text_, message);
  } else {
    text_ += time;
    text_ += ' ';
    text_ += level;
    text_ += ' ';
    text_ += message;
  }
}

LogLine& LogLine::Add(std::string_view key, std::string_view value) {
  if (format_ == LogFormat::kJson) {
    text_ += ",\"";
    text_ += key;
    text_ += "\":";
    AppendJsonString(text_, value);
  } else {
    text_ += ' ';
    text_ += key;
    text_ += '=';
    AppendPlainValue(text_, value);
  }
  return *this;
}

LogLine& LogLine::Add(std::string_view key, long long value) {
  text_ += format_ == LogFormat::kJson ? ",\"" : " ";
  text_ += key;
  text_ += format_ == LogFormat::kJson ? "\":" : "=";
  text_ += std::to_string(value);
  return *this;
}

LogLine& LogLine::Add(std::string_view key, double value) {
  char number[32];
  // to_chars, not snprintf: a third of the cost, and no locale.
  const auto [end, error] =
      std::to_chars(number, number + sizeof number, value, std::chars_format::fixed, 3);
  text_ += format_ == LogFormat::kJson ? ",\"" : " ";
  text_ += key;
  text_ += format_ == LogFormat::kJson ? "\":" : "=";
  text_.append(number, error == std::errc() ? end : number);
  return *this;
}

const std::string& LogLine::Finish() {
  if (!finished_) {
    if (format_ == LogFormat::kJson) text_ += '}';
    text_ += '\n';
    finished_ = true;
  }
  return text_;
}

void LogLine::Write(std::FILE* out) {
  Finish();
  std::fwrite(text_.data(), 1, text_.size(), out);
}

}  // namespace amity
