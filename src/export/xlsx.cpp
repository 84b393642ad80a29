#include <xlsxwriter.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/table.h"

namespace amity::exports {
namespace {

// The most characters an Excel cell holds.
constexpr size_t kMaxCellCharacters = 32767;

// `text` cut after kMaxCellCharacters code points (UTF-8), or `text` itself when shorter.
std::string_view CutToCell(std::string_view text) {
  if (text.size() <= kMaxCellCharacters) return text;
  size_t characters = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 &&
        characters++ == kMaxCellCharacters) {
      return text.substr(0, i);
    }
  }
  return text;
}

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("XLSX: ") + what + ": " + lxw_strerror(error));
  }
}

class XlsxWriter : public TableWriter {
 public:
  XlsxWriter(const std::string& path, const std::string& sheet, const std::string& temp_folder)
      : temp_folder_(temp_folder) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = temp_folder_.data();
    options.use_zip64 = LXW_TRUE;  // beyond 4 GiB of sheet data
    workbook_ = workbook_new_opt(path.c_str(), &options);
    if (workbook_ == nullptr) throw std::runtime_error("XLSX: cannot create " + path);
    sheet_ = workbook_add_worksheet(workbook_, sheet.c_str());
    if (sheet_ == nullptr) throw std::runtime_error("XLSX: cannot add the sheet " + sheet);
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    worksheet_freeze_panes(sheet_, 1, 0);
  }

  ~XlsxWriter() override {
    if (workbook_ != nullptr) workbook_close(workbook_);  // frees it (a failure leaves a file)
  }

  void Row(std::span<const Cell> cells) override {
    if (row_ >= LXW_ROW_MAX) throw std::runtime_error("XLSX: more rows than a sheet holds");
    if (row_ == 0) {
      // Column widths must come before the rows in constant-memory mode: from the header.
      for (size_t column = 0; column < cells.size(); ++column) {
        const double width = std::min<double>(60, std::max<double>(12, cells[column].text.size()));
        worksheet_set_column(sheet_, column, column, width, nullptr);
      }
    }
    for (size_t column = 0; column < cells.size(); ++column) {
      const Cell& cell = cells[column];
      const auto col = static_cast<lxw_col_t>(column);
      if (cell.number) {
        Check(worksheet_write_number(sheet_, row_, col, *cell.number, nullptr), "number");
      } else if (!cell.text.empty()) {
        scratch_.assign(CutToCell(cell.text));
        Check(worksheet_write_string(sheet_, row_, col, scratch_.c_str(),
                                     row_ == 0 ? bold_ : nullptr),
              "text");
      }
    }
    ++row_;
  }

  void Finish() override {
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    Check(workbook_close(workbook), "closing the workbook");
  }

 private:
  std::string temp_folder_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_row_t row_ = 0;
  std::string scratch_;  // a cell's text with its terminating NUL
};

}  // namespace

std::unique_ptr<TableWriter> NewXlsxWriter(const std::string& path, const std::string& sheet,
                                           const std::string& temp_folder) {
  return std::make_unique<XlsxWriter>(path, sheet, temp_folder);
}

}  // namespace amity::exports
