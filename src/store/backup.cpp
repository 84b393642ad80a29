#include "store/backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace amity::store {
namespace {

// Pages copied per backup step (4 MiB of 4 KiB pages): progress about a hundred times for a
// database of 400 MB, with no measurable cost next to copying in one step.
constexpr int kPagesPerStep = 1024;

// The temporary copy and every file SQLite may have made beside it.
void RemoveCopy(const std::string& temporary) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    std::remove((temporary + suffix).c_str());
  }
}

// Writes what the kernel still holds of `path` (a file or a folder) to the disk.
void Sync(const std::string& path, bool folder) {
  const int fd = open(path.c_str(), (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fsync(fd) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) close(fd);
    throw DbError("cannot sync " + path + " to disk: " + reason, SQLITE_IOERR);
  }
  close(fd);
}

// A connection to the copy, closed on every path out.
class Target {
 public:
  explicit Target(const std::string& path) {
    const int code =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (code != SQLITE_OK) Fail("cannot create " + path, code);
    sqlite3_extended_result_codes(db_, 1);
  }
  ~Target() { sqlite3_close(db_); }
  Target(const Target&) = delete;
  Target& operator=(const Target&) = delete;

  sqlite3* handle() const { return db_; }

  // The first column of the first row of `sql`, as text.
  std::string Query(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    int code = sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr);
    std::string value;
    if (code == SQLITE_OK) {
      code = sqlite3_step(stmt);
      if (code == SQLITE_ROW) {
        if (const unsigned char* text = sqlite3_column_text(stmt, 0)) {
          value = reinterpret_cast<const char*>(text);
        }
        code = SQLITE_OK;
      } else if (code == SQLITE_DONE) {
        code = SQLITE_OK;
      }
    }
    sqlite3_finalize(stmt);
    if (code != SQLITE_OK) Fail(sql, code);
    return value;
  }

  [[noreturn]] void Fail(const std::string& what, int code) {
    throw DbError(what + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code)), code);
  }

 private:
  sqlite3* db_ = nullptr;
};

void Copy(Db& source, const std::string& temporary, const BackupProgress& progress) {
  {
    Target target(temporary);
    // Nothing to roll back in a copy that is deleted on failure: no journal beside it.
    target.Query("PRAGMA journal_mode = OFF");
    target.Query("PRAGMA synchronous = OFF");
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
    if (backup == nullptr) target.Fail("cannot start the backup", SQLITE_ERROR);
    long long page_size = 0;
    {
      Stmt size = source.Prepare("PRAGMA page_size");
      if (size.Step()) page_size = size.Int(0);
    }
    int code;
    do {
      code = sqlite3_backup_step(backup, kPagesPerStep);
      if (progress && (code == SQLITE_OK || code == SQLITE_DONE)) {
        const long long pages = sqlite3_backup_pagecount(backup);
        if (!progress((pages - sqlite3_backup_remaining(backup)) * page_size, pages * page_size)) {
          sqlite3_backup_finish(backup);
          throw DbError("the backup was interrupted", SQLITE_INTERRUPT);
        }
      }
      // The copy's own lock, or a lock on the source held by a checkpoint for a moment.
      if (code == SQLITE_BUSY || code == SQLITE_LOCKED) sqlite3_sleep(5);
    } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (code != SQLITE_DONE) {
      throw DbError("the backup failed: " + std::string(sqlite3_errstr(code)), code);
    }
  }
  // The first page came from a WAL database and says so: opened, the copy would be in WAL mode
  // and want -wal and -shm files. Turning it to rollback-journal mode makes it stand alone.
  Target copy(temporary);
  const std::string mode = copy.Query("PRAGMA journal_mode = DELETE");
  if (mode != "delete") copy.Fail("the copy stays in journal mode " + mode, SQLITE_ERROR);
}

}  // namespace

void BackupTo(Db& source, const std::string& file, const BackupProgress& progress) {
  const std::string temporary = file + ".partial";
  const std::filesystem::path folder =
      std::filesystem::absolute(std::filesystem::path(file)).parent_path();
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    throw DbError("cannot write the backup to " + file + ": the folder " + folder.string() +
                      " does not exist",
                  SQLITE_CANTOPEN);
  }
  if (access(folder.c_str(), W_OK) != 0) {
    throw DbError("cannot write the backup to " + file + ": the folder " + folder.string() +
                      " is not writable (" + std::strerror(errno) + ")",
                  SQLITE_CANTOPEN);
  }
  RemoveCopy(temporary);  // left by a copy that was killed
  // One read transaction on the source for the whole copy: the backup API then copies one
  // snapshot. Without it, each step reads the newest state and a write by any other connection
  // makes the copy start over, which under steady writes it never finished.
  source.Exec("BEGIN");
  struct Cleanup {
    Db& source;
    const std::string& temporary;
    bool done = false;
    ~Cleanup() {
      sqlite3_exec(source.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      if (!done) RemoveCopy(temporary);
    }
  } cleanup{source, temporary};
  source.Exec("SELECT count(*) FROM sqlite_schema");  // starts the read transaction
  Copy(source, temporary, progress);
  Sync(temporary, false);
  if (std::rename(temporary.c_str(), file.c_str()) != 0) {
    throw DbError("cannot move the backup into place at " + file + ": " + std::strerror(errno),
                  SQLITE_CANTOPEN);
  }
  cleanup.done = true;
  Sync(folder.string(), true);
}

}  // namespace amity::store
