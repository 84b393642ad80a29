#include "export_table.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

namespace amity::testing {
namespace json = boost::json;

json::object Parsed(const TestServer& server, const HttpResult& result, const std::string& format,
                    bool excel) {
  static int counter = 0;
  const std::string path = server.folder() + "/export" + std::to_string(++counter) + "." + format;
  std::ofstream(path, std::ios::binary) << result.body;
  std::string output;
  FILE* pipe = popen(("/usr/bin/python3 " AMITY_SOURCE_DIR "/tests/read_table.py " + path +
                      (excel ? " --excel" : ""))
                         .c_str(),
                     "r");
  char buffer[4096];
  while (size_t got = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << output << result.body.substr(0, 500);
  return status == 0 ? json::parse(output).as_object() : json::object();
}

std::vector<std::string> Ids(const json::object& table) {
  std::vector<std::string> ids;
  const json::array& rows = table.at("rows").as_array();
  for (size_t i = 1; i < rows.size(); ++i) ids.emplace_back(rows[i].at(0).as_string());
  return ids;
}

std::vector<std::string> Header(const json::object& table) {
  std::vector<std::string> names;
  for (const json::value& cell : table.at("rows").at(0).as_array()) {
    names.emplace_back(cell.as_string());
  }
  return names;
}

bool Holds(const json::object& table, const std::string& part) {
  for (const json::value& row : table.at("rows").as_array()) {
    for (const json::value& cell : row.as_array()) {
      if (cell.is_string() && std::string(cell.as_string()).find(part) != std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> ItemIds(const TestServer& server, const std::string& path,
                                 const std::vector<std::string>& headers) {
  const HttpResult list =
      headers.empty() ? server.Get(path) : server.Request("GET", path, "", headers);
  EXPECT_EQ(list.status, 200) << list.body;
  std::vector<std::string> ids;
  if (list.status != 200) return ids;
  const json::value answer = list.Json();
  for (const json::value& item : answer.at("items").as_array()) {
    const json::value& id = item.at("id");
    ids.emplace_back(id.is_string() ? std::string(id.as_string()) : json::serialize(id));
  }
  return ids;
}

void ExpectExportRefused(const TestServer& server, const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [query, parameter] : cases) {
    SCOPED_TRACE(query);
    const HttpResult refused = server.Get(path + "?" + query);
    ASSERT_EQ(refused.status, 400) << refused.body;
    EXPECT_TRUE(refused.Header("content-type").starts_with("application/problem+json"));
    EXPECT_EQ(refused.Json().at("problems").at(0).at("field").as_string(), parameter)
        << refused.body;
  }
}

std::vector<std::string> DeadSmtpEnvironment() {
  return {"AMITY_SMTP_URL=smtp://127.0.0.1:" + std::to_string(FreePort()),
          "AMITY_SMTP_FROM=amity@izmir.example", "AMITY_ALERTS_INTERVAL=1", "AMITY_SMTP_RETRY=1"};
}

std::vector<std::string> AwaitEventReminder(TestServer& server, const std::string& path) {
  const HttpResult event =
      server.Post("/api/v1/events", {{"kind", "concert"},
                                     {"partnership_id", FirstPartnershipId(server)},
                                     {"title", {{"original", "en"}, {"en", "Harbor concert"}}},
                                     {"starts_at", In(std::chrono::hours{24})},
                                     {"ends_at", In(std::chrono::hours{26})},
                                     {"time_zone", "Asia/Shanghai"},
                                     {"status", "confirmed"}});
  EXPECT_EQ(event.status, 201) << event.body;
  std::vector<std::string> listed;
  for (int i = 0; i < 300 && listed.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    listed = ItemIds(server, path);
  }
  return listed;
}

}  // namespace amity::testing
