// The amity command line: help, version, usage errors, migrate and a backup of a live server.
#include <gtest/gtest.h>

#include <regex>

#include "test_server.h"

namespace amity::testing {
namespace {

// The release is one semantic version: `amity --version`, GET /healthz and the newest release
// in CHANGELOG.md name the same one.
TEST(CliTest, VersionIsSemanticAndNamedEverywhere) {
  std::string output;
  EXPECT_EQ(RunAmity({"--version"}, &output), 0);
  std::smatch match;
  ASSERT_TRUE(std::regex_match(output, match,
                               std::regex("amity ([0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?)\n")))
      << output;
  const std::string version = match[1];
  TestServer server(false);
  EXPECT_EQ(server.Get("/healthz").Json().at("version").as_string(), version);
  const std::string changelog = ReadFile(AMITY_SOURCE_DIR "/CHANGELOG.md");
  ASSERT_TRUE(std::regex_search(
      changelog, match, std::regex("\n## \\[([0-9][^\\]]*)\\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\n")))
      << "CHANGELOG.md names no release";
  EXPECT_EQ(match[1], version) << "the newest release in CHANGELOG.md is not this version";
}

TEST(CliTest, VersionAndHelp) {
  std::string output;
  EXPECT_EQ(RunAmity({"--version"}, &output), 0);
  EXPECT_EQ(output.rfind("amity ", 0), 0u) << output;
  for (const char* command : {"serve", "migrate", "demo", "backup"}) {
    EXPECT_EQ(RunAmity({command, "--help"}, &output), 0) << command;
    EXPECT_NE(output.find(std::string("usage: amity ") + command), std::string::npos) << output;
  }
  EXPECT_EQ(RunAmity({"frobnicate"}, &output), 2);
  EXPECT_NE(output.find("unknown command"), std::string::npos);
  EXPECT_EQ(RunAmity({"serve", "--listen", "nowhere"}, &output), 2);
  EXPECT_NE(output.find("--listen"), std::string::npos);
}

long long CountRows(const std::string& path, const char* table) {
  return QueryNumber(path, std::string("SELECT count(*) FROM ") + table);
}

TEST(CliTest, BackupOfARunningServerIsConsistent) {
  TestServer server(true);
  const std::string copy = server.folder() + "/backup.db";
  std::string output;
  ASSERT_EQ(RunAmity({"backup", "--db", server.db_path(), copy}, &output), 0) << output;
  EXPECT_EQ(CountRows(copy, "commitments"), 8);
  EXPECT_EQ(CountRows(copy, "commitments"), CountRows(server.db_path(), "commitments"));
  EXPECT_EQ(CountRows(copy, "changes"), CountRows(server.db_path(), "changes"));
  EXPECT_EQ(RunAmity({"backup", "--db", server.db_path()}, &output), 2) << "FILE is required";
}

TEST(CliTest, DemoLoadsOnceAndMigrateIsIdempotent) {
  TestServer server(true);
  server.Stop();
  std::string output;
  ASSERT_EQ(RunAmity({"demo", "--db", server.db_path()}, &output), 0) << output;
  EXPECT_NE(output.find("not loaded again"), std::string::npos) << output;
  EXPECT_EQ(CountRows(server.db_path(), "cities"), 2);
  ASSERT_EQ(RunAmity({"migrate", "--db", server.db_path()}, &output), 0) << output;
  EXPECT_EQ(output.find("applied migration"), std::string::npos) << output;
}

TEST(CliTest, DemoScaleGeneratesPartnerships) {
  TestServer server(false);
  server.Stop();
  std::string output;
  ASSERT_EQ(RunAmity({"demo", "--db", server.db_path(), "--scale", "3"}, &output), 0) << output;
  EXPECT_EQ(CountRows(server.db_path(), "partnerships"), 1 + 3);
  EXPECT_EQ(CountRows(server.db_path(), "commitments"), 8 + 300);
}

}  // namespace
}  // namespace amity::testing
