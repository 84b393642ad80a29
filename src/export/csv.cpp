#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "export/table.h"

namespace amity::exports {

void AppendCsvCell(std::string& out, const Cell& cell, CsvOptions options) {
  const char separator = options.excel ? ';' : ',';
  if (cell.number) {
    char buffer[32];
    const double value = *cell.number;
    const auto result =
        std::floor(value) == value && std::fabs(value) < 1e15
            ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value))
            : std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
    // A decimal point in a ';' file: the locales that separate with ';' read ',' as the mark.
    if (options.excel) {
      for (size_t i = out.size() - (result.ptr - buffer); i < out.size(); ++i) {
        if (out[i] == '.') out[i] = ',';
      }
    }
    return;
  }
  const std::string_view text = cell.text;
  const bool formula_like = options.excel && !text.empty() &&
                            (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                             text[0] == '\t' || text[0] == '\r');
  const bool quoted = formula_like || text.find_first_of("\"\r\n") != std::string_view::npos ||
                      text.find(separator) != std::string_view::npos;
  if (!quoted) {
    out.append(text);
    return;
  }
  out.push_back('"');
  if (formula_like) out.push_back('\'');
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

namespace {

class CsvWriter : public TableWriter {
 public:
  CsvWriter(const std::string& path, CsvOptions options)
      : file_(std::fopen(path.c_str(), "wb")),
        options_(options),
        separator_(options.excel ? ';' : ',') {
    if (file_ == nullptr) {
      throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    }
    if (options.excel) line_ = "\xEF\xBB\xBF";
  }
  ~CsvWriter() override {
    if (file_ != nullptr) std::fclose(file_);
  }

  void Row(std::span<const Cell> cells) override {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line_.push_back(separator_);
      AppendCsvCell(line_, cells[i], options_);
    }
    line_ += "\r\n";
    if (line_.size() >= kFlushBytes) Flush();
  }

  void Finish() override {
    Flush();
    const int closed = std::fclose(file_);
    file_ = nullptr;
    if (closed != 0) throw std::runtime_error("cannot write the CSV file");
  }

 private:
  static constexpr size_t kFlushBytes = 64 * 1024;

  void Flush() {
    if (!line_.empty() && std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size()) {
      throw std::runtime_error("cannot write the CSV file");
    }
    line_.clear();
  }

  std::FILE* file_;
  CsvOptions options_;
  char separator_;
  std::string line_;  // rows not yet handed to the file
};

}  // namespace

std::unique_ptr<TableWriter> NewCsvWriter(const std::string& path, CsvOptions options) {
  return std::make_unique<CsvWriter>(path, options);
}

}  // namespace amity::exports
