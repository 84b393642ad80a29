#include "domain/files.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

std::string CodeOf(std::string_view name) {
  const Problems problems = CheckFileName(name, "filename");
  return problems.empty() ? "" : problems[0].code;
}

TEST(FilesTest, NamesKeepEveryScriptButNoPathsOrTricks) {
  EXPECT_EQ(CodeOf("Belediye Meclisi Kararı 2025-114.pdf"), "");
  EXPECT_EQ(CodeOf("哈尔滨冰雪节 照片.jpg"), "");
  EXPECT_EQ(CodeOf(""), "required");
  EXPECT_EQ(CodeOf(std::string(256, 'a')), "too_long");
  EXPECT_EQ(CodeOf("../etc/passwd"), "invalid_file_name");
  EXPECT_EQ(CodeOf("..\\boot.ini"), "invalid_file_name");
  EXPECT_EQ(CodeOf(".."), "invalid_file_name");
  EXPECT_EQ(CodeOf(std::string("a\0b.pdf", 7)), "control_character");
  EXPECT_EQ(CodeOf("line\nbreak.pdf"), "control_character");
  EXPECT_EQ(CodeOf("evil\u202Efdp.exe"), "direction_override");
  EXPECT_EQ(CodeOf("x\u2066y.pdf"), "direction_override");
  EXPECT_EQ(CodeOf("bad\xC3.pdf"), "invalid_utf8");
  EXPECT_EQ(CodeOf("\xC0\xAF.pdf"), "invalid_utf8");  // an overlong '/'
  EXPECT_EQ(CodeOf("end\xE2\x80"), "invalid_utf8");
}

TEST(FilesTest, AllowListWithWildcards) {
  EXPECT_TRUE(FileTypeAllowed("application/pdf", DefaultFileTypes()));
  EXPECT_TRUE(FileTypeAllowed("video/mp4", DefaultFileTypes()));
  EXPECT_FALSE(FileTypeAllowed("application/x-executable", DefaultFileTypes()));
  EXPECT_FALSE(FileTypeAllowed("text/html", DefaultFileTypes()));
  EXPECT_FALSE(FileTypeAllowed("image/svg+xml", DefaultFileTypes()));
  Problems problems;
  const auto types = ParseFileTypes("application/pdf, image/* ,", problems, "AMITY_FILE_TYPES");
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(types.size(), 2u);
  EXPECT_TRUE(FileTypeAllowed("image/png", types));
  EXPECT_FALSE(FileTypeAllowed("imagex/png", types));
  EXPECT_FALSE(FileTypeAllowed("video/mp4", types));
  ParseFileTypes("pdf, /x, a/", problems, "AMITY_FILE_TYPES");
  EXPECT_EQ(problems.size(), 3u);
}

}  // namespace
}  // namespace amity::domain
