#include "export/table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace amity::exports {
namespace {

std::string Cells(std::initializer_list<Cell> cells, CsvOptions options) {
  std::string out;
  for (const Cell& cell : cells) {
    if (!out.empty()) out.push_back(options.excel ? ';' : ',');
    AppendCsvCell(out, cell, options);
  }
  return out;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(CsvTest, QuotesOnlyWhatRfc4180Needs) {
  EXPECT_EQ(Cells({{"İzmir"}, {"哈尔滨"}, {"a,b"}, {"say \"hi\""}, {"two\nlines"}}, {}),
            "İzmir,哈尔滨,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"");
  EXPECT_EQ(Cells({{"a;b"}, {"a,b"}}, {}), "a;b,\"a,b\"");
  EXPECT_EQ(Cells({{"", 3.0}, {"", 2.5}, {"", -90.0}}, {}), "3,2.5,-90");
}

TEST(CsvTest, ForExcelSeparatesWithSemicolonsAndDisarmsFormulas) {
  EXPECT_EQ(Cells({{"a;b"}, {"a,b"}, {"", 2.5}}, {.excel = true}), "\"a;b\";a,b;2,5");
  EXPECT_EQ(Cells({{"=1+1"}, {"@SUM(A1)"}, {"-x"}, {"ok"}}, {.excel = true}),
            "\"'=1+1\";\"'@SUM(A1)\";\"'-x\";ok");
  EXPECT_EQ(Cells({{"=1+1"}}, {}), "=1+1");  // plain CSV keeps the data as it is
}

TEST(CsvTest, ExcelFilesStartWithAByteOrderMarkAndEndLinesWithCrLf) {
  const std::string path = ::testing::TempDir() + "/excel.csv";
  auto writer = NewCsvWriter(path, {.excel = true});
  const Cell header[] = {{"Ad"}, {"Şehir"}};
  const Cell row[] = {{"Ayşe"}, {"İzmir"}};
  writer->Row(header);
  writer->Row(row);
  writer->Finish();
  EXPECT_EQ(ReadAll(path),
            "\xEF\xBB\xBF"
            "Ad;Şehir\r\nAyşe;İzmir\r\n");
  std::filesystem::remove(path);
}

TEST(XlsxTest, WritesAZipWorkbook) {
  const std::string path = ::testing::TempDir() + "/table.xlsx";
  auto writer = NewXlsxWriter(path, "Taahhütler", ::testing::TempDir());
  const Cell header[] = {{"Metin"}, {"Enlem"}};
  writer->Row(header);
  const std::string long_text(40000, 'x');
  const Cell row[] = {{long_text}, {"", 38.42}};
  writer->Row(row);
  writer->Finish();
  EXPECT_TRUE(ReadAll(path).starts_with("PK\x03\x04"));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace amity::exports
