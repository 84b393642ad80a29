// Log lines: one per request and per background job, as JSON (one object per line, for log
// collectors) or plain text (time, level and message, then key=value pairs, for people reading a
// terminal). Callers add only what is safe to keep: no secrets, no personal data, no bodies.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace amity {

enum class LogFormat { kJson, kPlain };

// "json" or "plain"; nullopt for anything else.
std::optional<LogFormat> ParseLogFormat(std::string_view text);

class LogLine {
 public:
  // Starts a line with the current time, `level` ("info", "warn", "error") and `message`.
  LogLine(LogFormat format, std::string_view level, std::string_view message);

  LogLine& Add(std::string_view key, std::string_view value);
  LogLine& Add(std::string_view key, const char* value) {
    return Add(key, std::string_view(value));
  }
  LogLine& Add(std::string_view key, long long value);
  LogLine& Add(std::string_view key, double value);

  // The finished line, newline included.
  const std::string& Finish();
  // Writes the finished line to `out` in one call.
  void Write(std::FILE* out);

 private:
  LogFormat format_;
  std::string text_;
  bool finished_ = false;
};

}  // namespace amity
