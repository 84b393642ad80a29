// Tables written for spreadsheets, one row at a time straight to a file, so that memory stays
// flat however many rows there are: CSV (RFC 4180, UTF-8) and XLSX (libxlsxwriter in its
// constant-memory mode, which keeps one row in memory).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace amity::exports {

// One cell: text, or a number when `number` is set (then `text` is ignored).
struct Cell {
  std::string_view text;
  std::optional<double> number;
};

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // Writes the next row; the first row written is the header. Throws std::runtime_error when the
  // file cannot be written.
  virtual void Row(std::span<const Cell> cells) = 0;
  // Completes the file (an XLSX is assembled here). Throws std::runtime_error on failure. Nothing
  // may be written after it.
  virtual void Finish() = 0;
};

struct CsvOptions {
  // For Excel: a UTF-8 byte-order mark first (without it Excel reads the bytes in the system's
  // ANSI code page) and ';' between cells (a Turkish, German, French … Excel splits CSV at the
  // list separator of its locale, which is ';' where ',' is the decimal mark).
  bool excel = false;
};

// A CSV file at `path` (created or truncated): RFC 4180 with CRLF line ends, a cell quoted when it
// holds the separator, a quote, CR or LF, quotes doubled. For Excel, a text cell starting with
// = + - @ or a tab is written with a leading apostrophe, so Excel shows it rather than running it
// as a formula (CSV injection), and numbers take ',' as the decimal mark. Throws
// std::runtime_error when the file cannot be created.
std::unique_ptr<TableWriter> NewCsvWriter(const std::string& path, CsvOptions options);

// An XLSX workbook at `path` with one sheet named `sheet` (at most 31 characters, none of
// []:*?/\), the header row bold and frozen. libxlsxwriter's temporary files go to `temp_folder`.
// Text longer than an Excel cell holds (32,767 characters) is cut there. Throws
// std::runtime_error when the file cannot be created.
std::unique_ptr<TableWriter> NewXlsxWriter(const std::string& path, const std::string& sheet,
                                           const std::string& temp_folder);

// The CSV text of one cell (for tests and for the writer itself), appended to `out`.
void AppendCsvCell(std::string& out, const Cell& cell, CsvOptions options);

}  // namespace amity::exports
