#include "store/db.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace amity::store {
namespace {

[[noreturn]] void Fail(sqlite3* db, int code, std::string_view what) {
  throw DbError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)), code);
}

// Busy handler: waits up to 5 s for a lock held by another connection. SQLite's busy timeout
// sleeps 1, 2, 5, 10… ms between attempts, so a writer held back 3 ms by a checkpoint waited 8;
// this polls every 100 µs for the first 20 ms (the locks here are held for milliseconds: a
// commit, a checkpoint's last copy), then every millisecond.
int WaitForLock(void*, int attempts) {
  constexpr int kFineAttempts = 200;
  if (attempts < kFineAttempts) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    return 1;
  }
  if (attempts >= kFineAttempts + 4980) return 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return 1;
}

bool OnReadOnlyMount(const std::filesystem::path& path) {
  struct statvfs facts {};
  return statvfs(path.c_str(), &facts) == 0 && (facts.f_flag & ST_RDONLY) != 0;
}

// Why `path`, which exists, cannot be written: for one-line messages.
std::string NotWritable(const std::string& path) {
  if (OnReadOnlyMount(path)) return "it is on a read-only mount";
  return "its permissions or attributes forbid writing; see ls -l and lsattr";
}

// `message` (SQLite's reason for not opening `path`), said plainly when the folder is missing or
// read-only.
std::string Unreachable(const std::string& path, const std::string& message) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error))
    return "the folder " + folder.string() + " does not exist";
  if (OnReadOnlyMount(folder)) return "it is on a read-only mount (" + message + ")";
  if (access(folder.c_str(), W_OK) != 0) {
    return "the folder " + folder.string() + " is not writable (" + message + ")";
  }
  return message;
}

}  // namespace

void ConfigureSqlite() {
  [[maybe_unused]] static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

Db::Db(const std::string& path, OpenMode mode) : path_(path) {
  ConfigureSqlite();
  const bool writing = mode == OpenMode::kReadWrite;
  // Also for reading only, the file is opened for writing when it may be: the last connection to
  // close then removes the -wal and -shm files, as the server's do. SQLite falls back to reading.
  const int code = sqlite3_open_v2(
      path.c_str(), &db_,
      SQLITE_OPEN_READWRITE | (writing ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError("cannot open the database " + path + ": " + Unreachable(path, message), code);
  }
  // SQLite opens a file it may not write read-only without saying so; the first write would
  // fail with "attempt to write a readonly database".
  if (writing && sqlite3_db_readonly(db_, "main") == 1) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError("the database " + path + " is read-only (" + NotWritable(path) +
                      "); amity needs to write to it",
                  SQLITE_READONLY);
  }
  try {
    Configure(writing);
  } catch (const DbError& error) {
    sqlite3_close(db_);
    db_ = nullptr;
    const int primary = error.code() & 0xFF;
    if (primary != SQLITE_CANTOPEN && primary != SQLITE_READONLY) throw;
    // Reading a WAL database takes its -wal and -shm files beside it, created when absent.
    throw DbError("cannot open the database " + path + ": " +
                      Unreachable(path, "SQLite keeps " + path + "-wal and " + path +
                                            "-shm beside it and must be able to write them"),
                  error.code());
  }
}

void Db::Configure(bool writing) {
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_handler(db_, WaitForLock, nullptr);
  sqlite3_commit_hook(
      db_,
      [](void* commits) {
        ++*static_cast<long long*>(commits);
        return 0;  // go on with the commit
      },
      &own_commits_);
  if (!writing) {
    // The first read opens the -wal and -shm files: fail here, not half-way through a copy.
    Exec("PRAGMA temp_store = MEMORY; SELECT count(*) FROM sqlite_schema;");
    return;
  }
  // journal_size_limit: a WAL that once grew large (a bulk load) is cut back to 64 MiB when the
  // log next starts over, instead of keeping its largest size on disk.
  Exec(
      "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
      "PRAGMA journal_size_limit = 67108864; PRAGMA temp_store = MEMORY;");
}

Db::~Db() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Db::ContentStamp Db::Stamp() {
  Stmt version = Prepare("PRAGMA data_version");
  version.Step();
  return {version.Int(0), own_commits_};
}

bool Db::InWriteTransaction() const { return sqlite3_txn_state(db_, "main") == SQLITE_TXN_WRITE; }

void Db::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    throw DbError(message, code);
  }
}

Stmt Db::Prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end()) return Stmt(found->second);
  sqlite3_stmt* stmt = nullptr;
  const int code = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (code != SQLITE_OK) Fail(db_, code, "prepare '" + sql + "'");
  cache_.emplace(sql, stmt);
  return Stmt(stmt);
}

Stmt::~Stmt() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Stmt& Stmt::Bind(int index, std::string_view text) {
  // An empty view may have no data pointer, which SQLite would bind as NULL: bind "" instead.
  const char* data = text.data() != nullptr ? text.data() : "";
  const int code =
      sqlite3_bind_text(stmt_, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), code, "bind");
  return *this;
}

Stmt& Stmt::Bind(int index, long long number) {
  const int code = sqlite3_bind_int64(stmt_, index, number);
  if (code != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), code, "bind");
  return *this;
}

Stmt& Stmt::Bind(int index, double number) {
  const int code = sqlite3_bind_double(stmt_, index, number);
  if (code != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), code, "bind");
  return *this;
}

Stmt& Stmt::BindPointer(int index, void* pointer, const char* type) {
  const int code = sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr);
  if (code != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), code, "bind");
  return *this;
}

Stmt& Stmt::BindNull(int index) {
  const int code = sqlite3_bind_null(stmt_, index);
  if (code != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), code, "bind");
  return *this;
}

Stmt& Stmt::Bind(int index, const std::optional<std::string>& text) {
  return text ? Bind(index, *text) : BindNull(index);
}

bool Stmt::Step() {
  const int code = sqlite3_step(stmt_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  Fail(sqlite3_db_handle(stmt_), code, "step");
}

void Stmt::Run() {
  while (Step()) {
  }
}

bool Stmt::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string_view Stmt::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!text) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Stmt::String(int column) const { return std::string(Text(column)); }
long long Stmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Stmt::Real(int column) const { return sqlite3_column_double(stmt_, column); }
int Stmt::Type(int column) const { return sqlite3_column_type(stmt_, column); }
int Stmt::ColumnCount() const { return sqlite3_column_count(stmt_); }
std::string_view Stmt::ColumnName(int column) const { return sqlite3_column_name(stmt_, column); }

Tx::Tx(Db& db)
    : db_(db),
      nested_(db.InWriteTransaction()),
      savepoint_(nested_ && !db.skip_savepoints_),
      changes_(nested_ && !savepoint_ ? sqlite3_total_changes64(db.handle()) : 0),
      deferred_mark_(db.deferred_.size()) {
  if (!nested_) {
    db_.Prepare("BEGIN IMMEDIATE").Run();
  } else if (savepoint_) {
    db_.Prepare("SAVEPOINT tx").Run();
  }
  ++db_.tx_depth_;
}

Tx::~Tx() {
  if (!open_) return;
  Close();
  db_.deferred_.resize(deferred_mark_);
  if (nested_ && !savepoint_) {
    // Nothing to undo with: the caller rolls the whole transaction back if rows changed.
    if (sqlite3_total_changes64(db_.handle()) != changes_) db_.partial_changes_left_ = true;
    return;
  }
  try {
    // A savepoint is rolled back and then released, which leaves the outer transaction as it
    // was before this Tx.
    db_.Exec(nested_ ? "ROLLBACK TO tx; RELEASE tx" : "ROLLBACK");
  } catch (const DbError&) {
    // The transaction may already be gone (e.g. after a failed COMMIT, or SQLite rolled the
    // whole transaction back after an I/O error); nothing to undo.
  }
}

void Tx::Close() {
  open_ = false;
  --db_.tx_depth_;
}

void Tx::Commit() {
  if (nested_) {
    if (savepoint_) db_.Prepare("RELEASE tx").Run();
    Close();
    return;
  }
  if (!db_.deferred_.empty()) {
    db_.write_deferred_(db_, db_.deferred_);  // no savepoint is open now: written at once
    db_.deferred_.clear();
  }
  db_.Prepare("COMMIT").Run();
  Close();
}

}  // namespace amity::store
