// The database's storage failing: a full disk answers every write with 503 not_saved, a
// read-only file or mount stops `serve` and `backup` with one line that says so, and `backup`
// finishes under steady writes with a copy that stands alone, leaving nothing behind on failure.
//
// Full and read-only disks are real: a small tmpfs mounted for the test (the tests run as root,
// which ignores file permissions but not a full or read-only mount, nor an immutable file).
// Without the right to mount, those tests are skipped and say why.
#include <errno.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/fs.h>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

// A new temporary folder, removed at the end.
class TempFolder {
 public:
  TempFolder() {
    char name[] = "/tmp/amity-storage-XXXXXX";
    path_ = mkdtemp(name);
  }
  ~TempFolder() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A tmpfs of `mib` MiB on a new temporary folder, unmounted and removed at the end.
class SmallDisk {
 public:
  explicit SmallDisk(int mib) {
    char name[] = "/tmp/amity-disk-XXXXXX";
    path_ = mkdtemp(name);
    const std::string options = "size=" + std::to_string(mib) + "m";
    if (mount("tmpfs", path_.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      error_ = std::strerror(errno);
    }
  }
  ~SmallDisk() {
    Free();
    if (error_.empty()) umount2(path_.c_str(), MNT_DETACH);
    rmdir(path_.c_str());
  }

  // Empty when mounted, else why not.
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }

  // Writes a file until the disk has no page left.
  void Fill() {
    const int fd = open((path_ + "/filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd, 0) << std::strerror(errno);
    const std::string block(4096, 'x');
    while (write(fd, block.data(), block.size()) > 0) {
    }
    EXPECT_EQ(errno, ENOSPC);
    close(fd);
  }
  void Free() { unlink((path_ + "/filler").c_str()); }

  bool MakeReadOnly() {
    return mount(nullptr, path_.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

 private:
  std::string path_;
  std::string error_;
};

#define MOUNT_OR_SKIP(disk)                                                                   \
  if (!(disk).error().empty()) {                                                              \
    GTEST_SKIP() << "cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): " << (disk).error(); \
  }

// Runs amity with `args` as RunAmity does, stopped after 60 s: a command that should fail
// might serve instead. Returns 124 when it had to be stopped.
int RunBounded(const std::vector<std::string>& args, std::string& output) {
  std::string command = std::string("timeout 60 ") + AMITY_BINARY;
  for (const std::string& arg : args) command += " '" + arg + "'";
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  output.clear();
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Text(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

// Runs `sql` on the database file (the server may be running on it).
void Exec(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "") << " in " << sql;
  sqlite3_free(error);
  sqlite3_close(db);
}

std::vector<std::string> Files(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

size_t Lines(const std::string& text) {
  return std::count(text.begin(), text.end(), '\n') + (!text.empty() && text.back() != '\n');
}

TEST(StorageTest, AFullDiskAnswersEveryWrite503NotSaved) {
  SmallDisk disk(16);
  MOUNT_OR_SKIP(disk);
  TestServer server(true, {}, disk.path());
  const auto first_id = [&](const std::string& path) {
    return std::string(server.Get(path).Json().at("items").at(0).at("id").as_string());
  };
  const std::string commitment = first_id("/api/v1/commitments?status=proposed");
  const std::string event = first_id("/api/v1/events");
  const std::string partnership = first_id("/api/v1/partnerships");
  const TestUser officer = server.AddUser("officer@amity.test", "officer");
  const auto if_match = [&](const std::string& path) {
    return "If-Match: " + server.Get(path).Header("etag");
  };
  const std::string commitment_version = if_match("/api/v1/commitments/" + commitment);
  const std::string user_version =
      "If-Match: \"" +
      std::to_string(server.Get("/api/v1/users/" + officer.id).Json().at("version").as_int64()) +
      "\"";
  const HttpResult token = server.Post("/api/v1/tokens", json::object{{"name", "to revoke"}});
  ASSERT_EQ(token.status, 201) << token.body;
  const std::string token_id(token.Json().at("id").as_string());
  const HttpResult login = server.Request(
      "POST", "/api/v1/session",
      json::serialize(json::object{{"email", officer.email}, {"password", officer.password}}),
      {"Authorization:"});
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.Header("set-cookie");
  cookie = "Cookie: " + cookie.substr(0, cookie.find(';'));
  const std::string csrf =
      "X-CSRF-Token: " + std::string(login.Json().at("csrf_token").as_string());
  // The bearer tokens were used just now: their last use is not written again for a minute.
  ASSERT_EQ(server.Request("GET", "/api/v1/session", "", {officer.Bearer()}).status, 200);

  // The demo's pictures get their previews first: on a full disk they could never be made, and
  // the snapshot below waits for them (the race lost whenever the server starts slower).
  server.WaitForPreviews();
  // Whatever the log holds is copied into the database and the log emptied, so that every write
  // from now on needs pages the disk no longer has.
  Exec(server.db_path(), "PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_EQ(std::filesystem::file_size(server.db_path() + "-wal"), 0u);
  disk.Fill();
  const std::string before = server.Snapshot();

  struct Write {
    const char* name;
    std::string method, path, body;
    std::vector<std::string> headers;
  };
  const std::vector<Write> writes = {
      {"create a token", "POST", "/api/v1/tokens", R"({"name":"ci"})", {}},
      {"sign in",
       "POST",
       "/api/v1/session",
       json::serialize(json::object{{"email", officer.email}, {"password", officer.password}}),
       {"Authorization:"}},
      {"fail to sign in (logged)",
       "POST",
       "/api/v1/session",
       json::serialize(json::object{{"email", officer.email}, {"password", "wrong password"}}),
       {"Authorization:"}},
      {"sign out", "DELETE", "/api/v1/session", "", {cookie, csrf}},
      {"change one's password",
       "POST",
       "/api/v1/session/password",
       json::serialize(json::object{{"current_password", officer.password},
                                    {"new_password", "a new long password 2027"}}),
       {officer.Bearer()}},
      {"revoke a token", "DELETE", "/api/v1/tokens/" + token_id, "", {}},
      {"invite a user",
       "POST",
       "/api/v1/users",
       R"({"email":"new@amity.test","role":"viewer"})",
       {}},
      {"change a user",
       "PATCH",
       "/api/v1/users/" + officer.id,
       R"({"display_name":"Officer"})",
       {user_version}},
      {"reset a password", "POST", "/api/v1/users/" + officer.id + "/password", "", {}},
      {"create a record",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":")" + partnership +
           R"(","text":{"en":"Robotics camp"},"area":"youth","proposed_by_side":"home"})",
       {}},
      {"edit a record",
       "PATCH",
       "/api/v1/commitments/" + commitment,
       R"({"due_date":"2027-12-31"})",
       {commitment_version}},
      {"archive a record", "DELETE", "/api/v1/events/" + event, "", {}},
      {"move a commitment",
       "POST",
       "/api/v1/commitments/" + commitment + "/transitions",
       R"({"to":"agreed"})",
       {}},
      {"add a note",
       "POST",
       "/api/v1/commitments/" + commitment + "/notes",
       R"({"note":"Venue booked"})",
       {}},
  };
  for (const Write& write : writes) {
    SCOPED_TRACE(write.name);
    const HttpResult result = server.Request(write.method, write.path, write.body, write.headers);
    EXPECT_EQ(result.status, 503) << result.body;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    const json::value problem = result.Json();
    ASSERT_TRUE(problem.is_object() && problem.as_object().contains("problems")) << result.body;
    EXPECT_EQ(problem.at("problems").at(0).at("code").as_string(), "not_saved");
  }
  // Reading goes on, and nothing was half-saved.
  EXPECT_EQ(server.Get("/api/v1/commitments/" + commitment).status, 200);
  EXPECT_EQ(server.Snapshot(), before);

  // With room again, the same writes succeed.
  disk.Free();
  EXPECT_EQ(server.Post("/api/v1/tokens", json::object{{"name", "ci"}}).status, 201);
  EXPECT_EQ(server
                .Request("POST", "/api/v1/commitments/" + commitment + "/notes",
                         R"({"note":"Venue booked"})")
                .status,
            201);
}

// Sets or clears the immutable attribute (chattr +i): even root may not write the file then.
bool SetImmutable(const std::string& path, bool on) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  int flags = 0;
  bool ok = ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  flags = on ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
  ok = ok && ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
  close(fd);
  return ok;
}

TEST(StorageTest, AReadOnlyDatabaseFileStopsServeWithOneLine) {
  TempFolder folder;
  const std::string db = folder.path() + "/amity.db";
  std::string output;
  ASSERT_EQ(RunAmity({"migrate", "--db", db}, &output), 0) << output;
  if (!SetImmutable(db, true)) {
    GTEST_SKIP() << "cannot make a file immutable here (chattr +i): " << std::strerror(errno);
  }
  struct Clear {
    std::string path;
    ~Clear() { SetImmutable(path, false); }
  } clear{db};
  const int code = RunBounded(
      {"serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(FreePort())}, output);
  EXPECT_EQ(code, 1) << output;
  EXPECT_EQ(Lines(output), 1u) << output;
  EXPECT_NE(output.find("amity serve: the database " + db + " is read-only"), std::string::npos)
      << output;
  // A backup only reads, so a read-only file can be backed up.
  const std::string copy = folder.path() + "/copy.db";
  EXPECT_EQ(RunAmity({"backup", "--db", db, copy}, &output), 0) << output;
  EXPECT_EQ(Text(copy, "PRAGMA integrity_check"), "ok");
}

TEST(StorageTest, AReadOnlyMountStopsServeAndBackupWithOneLine) {
  SmallDisk disk(16);
  MOUNT_OR_SKIP(disk);
  TempFolder elsewhere;
  const std::string db = disk.path() + "/amity.db";
  std::string output;
  ASSERT_EQ(RunAmity({"demo", "--db", db}, &output), 0) << output;
  const std::string writable_db = elsewhere.path() + "/amity.db";
  ASSERT_EQ(RunAmity({"migrate", "--db", writable_db}, &output), 0) << output;
  ASSERT_TRUE(disk.MakeReadOnly()) << std::strerror(errno);

  const int serve = RunBounded(
      {"serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(FreePort())}, output);
  EXPECT_EQ(serve, 1) << output;
  EXPECT_EQ(Lines(output), 1u) << output;
  EXPECT_NE(output.find("is read-only (it is on a read-only mount)"), std::string::npos) << output;

  // SQLite reads a WAL database only with its -shm file beside it, which it cannot make here.
  const std::string copy = elsewhere.path() + "/copy.db";
  EXPECT_EQ(RunBounded({"backup", "--db", db, copy}, output), 1) << output;
  EXPECT_EQ(Lines(output), 1u) << output;
  EXPECT_NE(
      output.find("amity backup: cannot open the database " + db + ": it is on a read-only mount"),
      std::string::npos)
      << output;
  EXPECT_EQ(Files(elsewhere.path()), std::vector<std::string>{"amity.db"});

  // Nor can a backup be written onto it.
  EXPECT_EQ(RunBounded({"backup", "--db", writable_db, disk.path() + "/copy.db"}, output), 1)
      << output;
  EXPECT_EQ(Lines(output), 1u) << output;
  EXPECT_NE(output.find("the folder " + disk.path() + " is not writable (Read-only file system)"),
            std::string::npos)
      << output;
  // The demo's database and its files' folder, and nothing more.
  EXPECT_EQ(Files(disk.path()), (std::vector<std::string>{"amity.db", "files"}));
}

TEST(StorageTest, AFailedBackupLeavesNothingBehind) {
  TempFolder folder;
  const std::string db = folder.path() + "/amity.db";
  std::string output;
  ASSERT_EQ(RunAmity({"demo", "--db", db}, &output), 0) << output;
  // 8 MB of records: more than the small disk below holds.
  Exec(db,
       "CREATE TABLE ballast(data BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
       "FROM n WHERE i < 2000) INSERT INTO ballast SELECT randomblob(4000) FROM n;");

  EXPECT_EQ(RunAmity({"backup", "--db", db, folder.path() + "/missing/copy.db"}, &output), 1);
  EXPECT_EQ(Lines(output), 1u) << output;
  EXPECT_NE(output.find("the folder " + folder.path() + "/missing does not exist"),
            std::string::npos)
      << output;

  SmallDisk disk(2);
  MOUNT_OR_SKIP(disk);
  EXPECT_EQ(RunAmity({"backup", "--db", db, disk.path() + "/copy.db"}, &output), 1);
  EXPECT_EQ(Lines(output), 1u) << output;
  EXPECT_NE(output.find("full"), std::string::npos) << output;
  EXPECT_TRUE(Files(disk.path()).empty()) << Files(disk.path())[0];
}

TEST(StorageTest, BackupFinishesUnderSteadyWritesWithACopyThatStandsAlone) {
  TestServer server(true);
  // ~40 MB, so that the copy takes many steps and writes land between them.
  Exec(server.db_path(),
       "CREATE TABLE ballast(data BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
       "FROM n WHERE i < 10000) INSERT INTO ballast SELECT randomblob(4000) FROM n;");
  const std::string partnership(
      server.Get("/api/v1/partnerships").Json().at("items").at(0).at("id").as_string());
  const std::string commitment = R"({"partnership_id":")" + partnership +
                                 R"(","text":{"en":"Robotics camp"},"area":"youth",)"
                                 R"("proposed_by_side":"home"})";
  std::atomic<bool> stop = false;
  std::atomic<int> written = 0, failed = 0;
  std::thread writer([&] {
    while (!stop) {
      const HttpResult result = server.Request("POST", "/api/v1/commitments", commitment);
      (result.status == 201 ? written : failed)++;
    }
  });
  while (written < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int before = written;
  const std::string copy = server.folder() + "/copy.db";
  std::string output;
  const auto start = std::chrono::steady_clock::now();
  const int code = RunAmity({"backup", "--db", server.db_path(), copy}, &output);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int during = written - before;
  stop = true;
  writer.join();
  EXPECT_EQ(code, 0) << output;
  EXPECT_EQ(failed, 0);
  EXPECT_GT(during, 0) << "no write landed during the backup";
  std::printf("backup of ~40 MB: %.2f s with %d writes meanwhile\n", seconds, during);
  EXPECT_EQ(Text(copy, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Text(copy, "PRAGMA journal_mode"), "delete");
  // The copy is one moment of the database: every commitment created before it began, and only
  // some of those created while it ran.
  const long long copied = QueryNumber(copy, "SELECT count(*) FROM commitments");
  const long long now = QueryNumber(server.db_path(), "SELECT count(*) FROM commitments");
  EXPECT_GE(copied, 8 + before);
  EXPECT_LT(copied, now);
  for (const std::string& name : Files(server.folder())) {
    EXPECT_EQ(name.find("copy.db."), std::string::npos) << name;
    EXPECT_NE(name, "copy.db-wal");
    EXPECT_NE(name, "copy.db-journal");
  }
}

}  // namespace
}  // namespace amity::testing
