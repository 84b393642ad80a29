#include "previews/document_text.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "previews/test_documents.h"

namespace amity::previews {
namespace {

constexpr char kDocx[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr char kOdt[] = "application/vnd.oasis.opendocument.text";

class DocumentTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("amity-text-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  std::string Path(const std::string& name) const { return (folder_ / name).string(); }

  std::filesystem::path folder_;
};

TEST_F(DocumentTextTest, ReadsEveryPageOfAPdf) {
  testing::WritePdf(Path("report.pdf"),
                    {"Kemeraltı Çarşısı restorasyon raporu\nİZMİR 2026", "哈尔滨冰雪大世界"});
  const auto text = ExtractText(Path("report.pdf"), "application/pdf");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Kemeraltı Çarşısı restorasyon raporu"), std::string::npos) << *text;
  EXPECT_NE(text->find("İZMİR 2026"), std::string::npos) << *text;
  EXPECT_NE(text->find("哈尔滨冰雪大世界"), std::string::npos) << *text;
}

TEST_F(DocumentTextTest, ReadsTheParagraphsOfADocxJoiningItsRuns) {
  testing::WriteDocx(Path("minutes.docx"),
                     {"Tarihi yapıların korunması", "Ortak çalışma <planı> & takvimi"});
  const auto text = ExtractText(Path("minutes.docx"), kDocx);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "Tarihi yapıların korunması\nOrtak çalışma <planı> & takvimi");
}

TEST_F(DocumentTextTest, ReadsTheParagraphsOfAnOdt) {
  testing::WriteOdt(Path("case.odt"), {"中央大街", "Daoli bölgesi"});
  const auto text = ExtractText(Path("case.odt"), kOdt);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "中央大街\nDaoli bölgesi");
}

TEST_F(DocumentTextTest, CutsAtTheCapOnACharacterBoundary) {
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += "ığüşöç冰雪 ";
  std::ofstream(Path("long.txt")) << long_text;
  const auto text = ExtractText(Path("long.txt"), "text/plain", 1001);
  ASSERT_TRUE(text);
  EXPECT_LE(text->size(), 1001u);
  EXPECT_GE(text->size(), 997u);
  EXPECT_EQ(ValidUtf8Prefix(*text, 2000), *text);  // valid UTF-8: nothing replaced
  EXPECT_TRUE(long_text.starts_with(*text));
}

TEST_F(DocumentTextTest, PlainTextIsMadeValidUtf8) {
  EXPECT_EQ(ValidUtf8Prefix("a\xFF"
                            "b\xC3",
                            100),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8Prefix("\xC0\xAF", 100), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(ValidUtf8Prefix("\xED\xA0\x80", 100), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8Prefix("ab冰", 4), "ab");
  std::ofstream(Path("table.csv"), std::ios::binary) << "\xEF\xBB\xBFkent;yıl\nİzmir;2026\n";
  EXPECT_EQ(ExtractText(Path("table.csv"), "text/csv"), std::string("kent;yıl\nİzmir;2026\n"));
}

TEST_F(DocumentTextTest, CorruptDocumentsAndOtherTypesHaveNone) {
  std::ofstream(Path("broken.docx"), std::ios::binary) << "PK\x03\x04 not really a zip";
  EXPECT_FALSE(ExtractText(Path("broken.docx"), kDocx));
  std::ofstream(Path("broken.pdf"), std::ios::binary) << "%PDF-1.4\n nothing\n%%EOF\n";
  const auto pdf = ExtractText(Path("broken.pdf"), "application/pdf");
  EXPECT_TRUE(!pdf || pdf->empty());
  EXPECT_FALSE(ExtractText(Path("broken.pdf"), "image/png"));
  EXPECT_FALSE(HasText("video/mp4"));
  EXPECT_TRUE(HasText(kOdt));
}

}  // namespace
}  // namespace amity::previews
