#include "report/council_pdf.h"

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

namespace amity::report {
namespace {

namespace json = boost::json;

constexpr char kTurkish[] = "Işık Festivali için İzmir'de ağırlama programı düzenlendi";
constexpr char kChinese[] = "哈尔滨冰雪节期间双方举办了联合音乐会并签署了合作备忘录";

json::object Report(const char* lang, const char* second) {
  json::object commitment{
      {"id", "c1"},
      {"text", {{"original", "tr"}, {"tr", kTurkish}, {"zh", kChinese}, {"en", "A programme"}}},
      {"area", "music"},
      {"status", "done"},
      {"due_date", "2026-03-01"},
      {"done_at", "2026-02-20"},
      {"evidence",
       {{"files", json::array{{{"id", "f1"}, {"name", "konser.pdf"}}}},
        {"links", 1},
        {"held_events", 1}}}};
  json::object section{
      {"partnership",
       {{"id", "p1"},
        {"home_city", {{"tr", "İzmir"}, {"zh", "伊兹密尔"}, {"en", "İzmir"}}},
        {"partner_city", {{"tr", "Harbin"}, {"zh", "哈尔滨"}, {"en", "Harbin"}}},
        {"tier", "friendship"},
        {"since", "2025-11-20"}}},
      {"legal_steps", json::array{{{"kind", "council_decision"},
                                   {"required", true},
                                   {"date", "2025-12-04"},
                                   {"reference", "2025/1187"},
                                   {"documents", json::array{}}}}},
      {"figures",
       {{"meetings", 2},
        {"events_held", 1},
        {"made", 1},
        {"done", 1},
        {"done_with_evidence", 1},
        {"overdue", 0},
        {"cases_shared", 1},
        {"follow_through", 1.0}}},
      {"health",
       {{"state", "active"},
        {"reason", "recent_contact"},
        {"months_without_contact", 0},
        {"open", 0},
        {"overdue", 0}}},
      {"activity",
       json::array{
           {{"year", 2025}, {"meetings", 1}, {"events_held", 0}, {"made", 1}, {"done", 0}},
           {{"year", 2026}, {"meetings", 1}, {"events_held", 1}, {"made", 0}, {"done", 1}}}},
      {"by_area", json::array{{{"area", "music"},
                               {"made", 1},
                               {"done", 1},
                               {"left_proposed", 1},
                               {"overdue", 0},
                               {"follow_through", 1.0}}}},
      {"narrative", nullptr},
      {"agreed", json::array{}},
      {"done", json::array{commitment}},
      {"overdue", json::array{}},
      {"events", json::array{}},
      {"meetings", json::array{}}};
  return {{"year", 2026},
          {"lang", lang},
          {"second", second ? json::value(second) : nullptr},
          {"today", "2026-12-07"},
          {"cut_off", "2026-12-07"},
          {"partnerships", json::array{section}}};
}

std::string Text(const std::string& pdf, int* pages = nullptr) {
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!document) return "";
  if (pages != nullptr) *pages = document->pages();
  std::string text;
  for (int i = 0; i < document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    const poppler::byte_array utf8 = page->text().to_utf8();
    text.append(utf8.begin(), utf8.end());
    text.push_back('\n');
  }
  return text;
}

// Poppler puts line breaks where Pango broke the lines: a Latin line broke at a space, a Chinese
// one between two characters.
std::string Spaced(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}
std::string Joined(std::string text) {
  std::erase(text, '\n');
  return text;
}

TEST(CouncilPdf, TurkishAndChineseSideBySideReadBackWhole) {
  int pages = 0;
  const std::string pdf = CouncilReportPdf(Report("tr", "zh"));
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  const std::string text = Text(pdf, &pages);
  EXPECT_GE(pages, 2);
  EXPECT_NE(text.find("Yıllık meclis raporu"), std::string::npos) << text;
  EXPECT_NE(text.find("年度议会报告"), std::string::npos);
  EXPECT_NE(text.find("İçindekiler"), std::string::npos);
  // Two columns: each line of each language reads whole.
  EXPECT_NE(text.find("Işık Festivali için İzmir'de"), std::string::npos) << text;
  EXPECT_NE(text.find("哈尔滨冰雪节期间"), std::string::npos) << text;
  EXPECT_NE(text.find("Sayfa 2 / " + std::to_string(pages)), std::string::npos) << text;
}

TEST(CouncilPdf, EachLanguageAloneReadsBackInWholeSentences) {
  EXPECT_NE(Spaced(Text(CouncilReportPdf(Report("tr", nullptr)))).find(kTurkish),
            std::string::npos);
  EXPECT_NE(Joined(Text(CouncilReportPdf(Report("zh", nullptr)))).find(kChinese),
            std::string::npos);
}

// Each page's text, from page 1.
std::vector<std::string> Pages(const std::string& pdf) {
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  std::vector<std::string> pages;
  for (int i = 0; document && i < document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    pages.emplace_back(utf8.begin(), utf8.end());
  }
  return pages;
}

TEST(CouncilPdf, TheContentsOverSeveralPagesNameTheRightPages) {
  // Side by side, some headings of the contents take two lines: the first pass must know that.
  json::object report = Report("tr", "zh");
  json::array sections;
  for (int i = 10; i < 70; ++i) {
    json::object section = report.at("partnerships").at(0).as_object();
    section["partnership"].as_object()["partner_city"] =
        json::object{{"en", "Town " + std::to_string(i)}};
    sections.push_back(std::move(section));
  }
  report["partnerships"] = std::move(sections);
  const std::vector<std::string> pages = Pages(CouncilReportPdf(report));
  ASSERT_GT(pages.size(), 60u);
  for (const int i : {10, 37, 69}) {
    const std::string name = "İzmir – Town " + std::to_string(i);
    // The contents line: the name, then the page number at the right margin.
    int listed = 0, found = 0;
    for (size_t page = 0; page < pages.size(); ++page) {
      const size_t at = pages[page].find(name);
      if (at == std::string::npos) continue;
      if (listed == 0) {
        const std::string line = pages[page].substr(at, pages[page].find('\n', at) - at);
        listed = std::atoi(line.substr(line.find_last_of(' ') + 1).c_str());
      } else {
        found = static_cast<int>(page) + 1;
        break;
      }
    }
    EXPECT_GT(listed, 2) << name;  // the contents took more than a page
    EXPECT_EQ(listed, found) << name;
  }
}

TEST(CouncilPdf, EnglishAlone) {
  const std::string text = Text(CouncilReportPdf(Report("en", nullptr)));
  EXPECT_NE(text.find("Annual council report"), std::string::npos);
  EXPECT_NE(text.find("What was done and its evidence"), std::string::npos);
  EXPECT_EQ(text.find("年度议会报告"), std::string::npos);
}

}  // namespace
}  // namespace amity::report
