#include "config/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace amity {
namespace {

struct Env {
  std::map<std::string, std::string> values;
  const char* operator()(const char* name) const {
    auto found = values.find(name);
    return found == values.end() ? nullptr : found->second.c_str();
  }
};

TEST(ConfigTest, FlagsOverrideEnvironmentOverDefaults) {
  std::string error;
  const Env env{{{"AMITY_DB", "/srv/env.db"}, {"AMITY_LISTEN", "0.0.0.0:9000"}}};
  auto config = LoadConfig({}, env, error);
  ASSERT_TRUE(config) << error;
  EXPECT_EQ(config->db_path, "/srv/env.db");
  EXPECT_EQ(config->listen_port, 9000);
  config = LoadConfig({"--db", "flag.db", "--listen", "127.0.0.1:8181"}, env, error);
  ASSERT_TRUE(config) << error;
  EXPECT_EQ(config->db_path, "flag.db");
  EXPECT_EQ(config->listen_address, "127.0.0.1");
  EXPECT_EQ(config->listen_port, 8181);
  EXPECT_EQ(LoadConfig({}, Env{}, error)->db_path, "var/amity.db");
}

TEST(ConfigTest, BadValuesAreNamed) {
  std::string error;
  EXPECT_FALSE(LoadConfig({"--listen", "8080"}, Env{}, error));
  EXPECT_NE(error.find("--listen"), std::string::npos);
  EXPECT_FALSE(LoadConfig({"--scale", "-1"}, Env{}, error));
  EXPECT_FALSE(LoadConfig({"--busy", "lots"}, Env{}, error));
  EXPECT_NE(error.find("--busy"), std::string::npos);
  EXPECT_EQ(LoadConfig({"--scale", "10", "--busy", "5000"}, Env{}, error)->busy, 5000);
  EXPECT_FALSE(LoadConfig({"--db"}, Env{}, error));
  EXPECT_FALSE(LoadConfig({"--frobnicate"}, Env{}, error));
  EXPECT_NE(error.find("--frobnicate"), std::string::npos);
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_LISTEN", "nonsense"}}}, error));
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_RECORD_CACHE_MIB", "lots"}}}, error));
  EXPECT_NE(error.find("AMITY_RECORD_CACHE_MIB"), std::string::npos);
}

TEST(ConfigTest, RecordCacheSizeDefaultsTo16MibAndCanBeOff) {
  std::string error;
  EXPECT_EQ(LoadConfig({}, Env{}, error)->record_cache_mib, 16);
  EXPECT_EQ(LoadConfig({}, Env{{{"AMITY_RECORD_CACHE_MIB", "0"}}}, error)->record_cache_mib, 0);
  EXPECT_EQ(LoadConfig({}, Env{{{"AMITY_RECORD_CACHE_MIB", "64"}}}, error)->record_cache_mib, 64);
}

TEST(ConfigTest, LogFormatIsJsonUnlessPlainIsAsked) {
  std::string error;
  EXPECT_EQ(LoadConfig({}, Env{}, error)->log_format, LogFormat::kJson);
  EXPECT_EQ(LoadConfig({}, Env{{{"AMITY_LOG_FORMAT", "plain"}}}, error)->log_format,
            LogFormat::kPlain);
  EXPECT_EQ(
      LoadConfig({"--log-format", "json"}, Env{{{"AMITY_LOG_FORMAT", "plain"}}}, error)->log_format,
      LogFormat::kJson);
  EXPECT_FALSE(LoadConfig({"--log-format", "xml"}, Env{}, error));
  EXPECT_NE(error.find("--log-format"), std::string::npos);
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_LOG_FORMAT", "logfmt"}}}, error));
}

TEST(ConfigTest, ParsesIpv6Listen) {
  const auto parsed = ParseListen("[::1]:8080");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->first, "::1");
  EXPECT_EQ(parsed->second, 8080);
}

}  // namespace
}  // namespace amity

namespace amity {
namespace {

TEST(ConfigTest, MailIsOffUnlessAnSmtpUrlAndASenderAreSet) {
  std::string error;
  const auto off = LoadConfig({}, Env{}, error);
  ASSERT_TRUE(off);
  EXPECT_TRUE(off->smtp_url.empty());
  EXPECT_TRUE(off->wire_capture.empty());
  EXPECT_EQ(off->alerts_interval_seconds, 300);
  EXPECT_EQ(off->smtp_retry_seconds, 60);
  const Env on{{{"AMITY_SMTP_URL", "smtp+starttls://mail.izmir.example:587"},
                {"AMITY_SMTP_FROM", "amity@izmir.example"},
                {"AMITY_SMTP_USER", "amity"},
                {"AMITY_SMTP_PASSWORD", "s3cret"},
                {"AMITY_PUBLIC_URL", "https://amity.izmir.example/"},
                {"AMITY_ALERTS_INTERVAL", "1"},
                {"AMITY_WIRE_CAPTURE", "/var/lib/amity/wire"}}};
  const auto config = LoadConfig({}, on, error);
  ASSERT_TRUE(config) << error;
  EXPECT_EQ(config->smtp_password, "s3cret");
  EXPECT_EQ(config->public_url, "https://amity.izmir.example");  // no trailing slash
  EXPECT_EQ(config->alerts_interval_seconds, 1);
  EXPECT_EQ(config->wire_capture, "/var/lib/amity/wire");
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_SMTP_URL", "http://mail.example"}}}, error));
  EXPECT_NE(error.find("AMITY_SMTP_URL"), std::string::npos);
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_SMTP_URL", "smtp://mail.example"}}}, error));
  EXPECT_NE(error.find("AMITY_SMTP_FROM"), std::string::npos);
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_ALERTS_INTERVAL", "0"}}}, error));
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_PUBLIC_URL", "amity.example"}}}, error));
}

TEST(ConfigTest, TheSmtpCaFileMustBeAFile) {
  std::string error;
  EXPECT_TRUE(LoadConfig({}, Env{}, error)->smtp_ca_file.empty());
  const std::string ca =
      (std::filesystem::temp_directory_path() / ("amity-ca-" + std::to_string(getpid()) + ".pem"))
          .string();
  std::ofstream(ca) << "-----BEGIN CERTIFICATE-----\n";
  const auto config = LoadConfig({}, Env{{{"AMITY_SMTP_CA_FILE", ca}}}, error);
  ASSERT_TRUE(config) << error;
  EXPECT_EQ(config->smtp_ca_file, ca);
  std::filesystem::remove(ca);
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_SMTP_CA_FILE", ca}}}, error));
  EXPECT_NE(error.find("AMITY_SMTP_CA_FILE"), std::string::npos);
  EXPECT_FALSE(LoadConfig({}, Env{{{"AMITY_SMTP_CA_FILE", "/"}}}, error));
}

}  // namespace
}  // namespace amity
