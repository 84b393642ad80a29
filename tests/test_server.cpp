#include "test_server.h"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "wire_forbidden.h"

namespace amity::testing {
namespace json = boost::json;

bool PortOpen(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  const bool open = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return open;
}

namespace {

size_t AppendBody(char* data, size_t size, size_t count, void* target);

}  // namespace

std::string ReadFile(const std::string& path) {
  FILE* file = fopen(path.c_str(), "r");
  if (!file) return "";
  std::string text;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, file)) text.append(buffer, n);
  fclose(file);
  return text;
}

long long QueryNumber(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  long long number = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) number = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return number;
}

std::string Stamp(std::chrono::system_clock::time_point at) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{seconds - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::string In(std::chrono::hours hours) { return Stamp(std::chrono::system_clock::now() + hours); }

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

namespace {

size_t AppendBody(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

size_t AppendHeader(char* data, size_t size, size_t count, void* target) {
  std::string line(data, size * count);
  const size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    static_cast<HttpResult*>(target)->headers.emplace_back(name, value);
  }
  return size * count;
}

}  // namespace

std::string HttpResult::Header(const std::string& lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return "";
}

json::value HttpResult::Json() const {
  boost::system::error_code error;
  json::value value = json::parse(body, error);
  EXPECT_FALSE(error) << "not JSON: " << body;
  return value;
}

int RunAmity(const std::vector<std::string>& args, std::string* output) {
  std::string command = AMITY_BINARY;
  for (const std::string& arg : args) command += " '" + arg + "'";
  command += " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  std::string text;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), n);
  const int status = pclose(pipe);
  if (output) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TestServer::TestServer(bool demo, const std::vector<std::string>& environment,
                       const std::string& folder) {
  char folder_template[] = "/tmp/amity-test-XXXXXX";
  own_folder_ = folder.empty();
  folder_ = own_folder_ ? mkdtemp(folder_template) : folder;
  db_path_ = folder_ + "/amity.db";
  std::string output;
  const int code = RunAmity({demo ? "demo" : "migrate", "--db", db_path_}, &output);
  EXPECT_EQ(code, 0) << output;
  // The tests act as an admin with an API token unless they say otherwise.
  admin_ = AddUser("admin@amity.test", "admin");
  token_ = admin_.token;
  environment_ = environment;
  Start();
}

void TestServer::Start(bool same_port) {
  if (!same_port || port_ == 0) port_ = FreePort();
  pid_ = fork();
  if (pid_ == 0) {
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    const std::string log = folder_ + "/server.log";
    freopen(log.c_str(), "a", stdout);
    freopen((folder_ + "/server.err").c_str(), "a", stderr);
    for (const std::string& variable : environment_) putenv(strdup(variable.c_str()));
    execl(AMITY_BINARY, AMITY_BINARY, "serve", "--db", db_path_.c_str(), "--listen", listen.c_str(),
          "--threads", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (Get("/healthz").status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "server did not become ready on port " << port_;
}

void TestServer::KillAndRestart() {
  Kill();
  Start();
}

void TestServer::Kill() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    WriteForbidden();
  }
}

void TestServer::WriteForbidden() const {
  // The folder the server captured to: its own environment's, else the test's.
  std::string folder;
  if (const char* inherited = std::getenv("AMITY_WIRE_CAPTURE")) folder = inherited;
  for (const std::string& variable : environment_) {
    if (variable.starts_with("AMITY_WIRE_CAPTURE=")) folder = variable.substr(19);
  }
  WriteForbiddenValues(folder, db_path_, secrets_);
}

void TestServer::StartAgain() { Start(true); }

TestServer::~TestServer() {
  Stop();
  if (own_folder_) {
    std::filesystem::remove_all(folder_);
    return;
  }
  std::error_code error;  // the caller's folder may have become read-only
  for (const auto& entry : std::filesystem::directory_iterator(folder_, error)) {
    std::filesystem::remove_all(entry.path(), error);
  }
}

int TestServer::Stop() {
  if (pid_ <= 0) return 0;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  WriteForbidden();
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

namespace {

// With AMITY_RESPONSE_LOG naming a folder, each exchange is appended as one JSON line to a file of
// this process in it (ctest runs the tests in separate processes, also in parallel), for
// tests/check_openapi_responses.py to validate against the OpenAPI document. JSON bodies only:
// the UI's assets and the portal's HTML are not described by schemas.
void LogExchange(const std::string& method, const std::string& path, const HttpResult& result) {
  static const char* const folder = std::getenv("AMITY_RESPONSE_LOG");
  if (folder == nullptr || *folder == '\0' || result.status == 0) return;  // 0: no answer
  static std::mutex mutex;
  static FILE* file = nullptr;
  const std::lock_guard lock(mutex);
  if (file == nullptr) {
    std::filesystem::create_directories(folder);
    const std::string name =
        std::string(folder) + "/api_test-" + std::to_string(getpid()) + ".jsonl";
    file = fopen(name.c_str(), "a");
    if (file == nullptr) {
      ADD_FAILURE() << "cannot write " << name;
      return;
    }
  }
  const std::string content_type = result.Header("content-type");
  json::object line{{"method", method},
                    {"path", path},
                    {"status", result.status},
                    {"content_type", content_type}};
  if (content_type.find("json") != std::string::npos) {
    line["body"] = result.body;
  } else {
    line["body_length"] = result.body.size();
  }
  const std::string text = json::serialize(line) + "\n";
  fwrite(text.data(), 1, text.size(), file);
  fflush(file);
}

}  // namespace

HttpResult TestServer::Request(const std::string& method, const std::string& path,
                               const std::string& body,
                               const std::vector<std::string>& headers) const {
  HttpResult result;
  CURL* curl = curl_easy_init();
  const std::string url = "http://127.0.0.1:" + std::to_string(port_) + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);  // no body, whatever the length
  curl_slist* list = nullptr;
  if (!body.empty() || method == "POST" || method == "PATCH") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    bool typed = false;
    for (const std::string& header : headers) {
      typed |= strncasecmp(header.c_str(), "Content-Type:", 13) == 0;
    }
    if (!typed) list = curl_slist_append(list, "Content-Type: application/json");
  }
  list = curl_slist_append(list, "Expect:");
  bool credentials = false;
  for (const std::string& header : headers) {
    list = curl_slist_append(list, header.c_str());
    credentials |= strncasecmp(header.c_str(), "Authorization:", 14) == 0 ||
                   strncasecmp(header.c_str(), "Cookie:", 7) == 0;
  }
  if (!credentials && !token_.empty()) {
    list = curl_slist_append(list, ("Authorization: Bearer " + token_).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
  if (curl_easy_perform(curl) == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
  }
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  LogExchange(method, path, result);
  return result;
}

TestUser TestServer::AddUser(const std::string& email, const std::string& role,
                             const std::vector<std::string>& partnerships) const {
  TestUser user;
  user.email = email;
  user.role = role;
  std::vector<std::string> args = {"user",    "add", "--db",   db_path_,
                                   "--email", email, "--role", role};
  for (const std::string& id : partnerships) {
    args.push_back("--partnership");
    args.push_back(id);
  }
  std::string output;
  EXPECT_EQ(RunAmity(args, &output), 0) << output;
  const auto line_value = [&output](const std::string& key) {
    const size_t at = output.find("\n" + key + ": ");
    if (at == std::string::npos) return std::string();
    const size_t start = at + key.size() + 3;
    return output.substr(start, output.find('\n', start) - start);
  };
  user.id = line_value("id");
  user.password = line_value("password");
  EXPECT_FALSE(user.password.empty()) << output;
  output.clear();
  EXPECT_EQ(
      RunAmity({"token", "add", "--db", db_path_, "--email", email, "--name", "tests"}, &output), 0)
      << output;
  // The token is the last line printed (migration notices may come first).
  while (!output.empty() && output.back() == '\n') output.pop_back();
  user.token = output.substr(output.rfind('\n') + 1);
  secrets_.push_back(user.token);
  secrets_.push_back(user.password);
  return user;
}

HttpResult TestServer::Post(const std::string& path, const json::value& body) const {
  return Request("POST", path, json::serialize(body));
}

void TestServer::WaitForPreviews() const {
  // Every live file's blob has its previews made (or given up on).
  const std::string pending =
      "SELECT count(*) FROM files f WHERE f.archived = 0 AND NOT EXISTS (SELECT 1 FROM "
      "blob_derivatives d WHERE d.sha256 = f.sha256 AND d.state <> 'working')";
  for (int i = 0; i < 600 && QueryNumber(db_path_, pending) > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(QueryNumber(db_path_, pending), 0) << "the previews worker did not finish in 30 s";
}

std::string TestServer::Snapshot() const {
  WaitForPreviews();  // the background worker's rows are no request's doing
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::vector<std::string> tables;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
                     &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  std::string snapshot;
  for (const std::string& table : tables) {
    snapshot += "== " + table + "\n";
    // Every table (WITHOUT ROWID ones too) in the order of its first columns.
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + table + "\" ORDER BY 1, 2").c_str(), -1, &stmt,
                       nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        // When a token was last used is bookkeeping, not data a request may have changed.
        if (std::string_view(sqlite3_column_name(stmt, i)) == "last_used_at") continue;
        const auto* text = sqlite3_column_text(stmt, i);
        snapshot += text ? reinterpret_cast<const char*>(text) : "NULL";
        snapshot += "|";
      }
      snapshot += "\n";
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return snapshot;
}

std::string FirstPartnershipId(const TestServer& server) {
  const HttpResult partnerships = server.Get("/api/v1/partnerships?limit=1");
  EXPECT_EQ(partnerships.status, 200) << partnerships.body;
  const boost::json::value body = partnerships.Json();
  return std::string(body.at("items").as_array().at(0).at("id").as_string());
}

}  // namespace amity::testing
