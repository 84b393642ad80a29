// A thin layer over one SQLite connection: prepared statements cached per connection, typed
// binding and reading, and a transaction guard that rolls back unless committed.
// Infrastructure failures (I/O, corrupt file, constraint violations the caller did not
// prevent) throw DbError; absence is reported with std::optional or an empty result.
#pragma once

#include <sqlite3.h>

#include <any>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace amity::store {

class DbError : public std::runtime_error {
 public:
  DbError(const std::string& message, int code) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Stmt;
class RecordCache;

// A record's search-index rows as they must be after the write that changed it; no texts when
// the record is archived or gone. Made and written by search_index.cpp; Db only holds them back
// (Db::DeferIndexChange).
struct IndexChange {
  struct Text {
    std::string kind, field, lang, exact, loose;
  };
  std::string record_id;
  std::vector<Text> texts;
  std::vector<std::string> terms;  // the index words of the texts, for search_terms
  bool new_record = false;         // created in this transaction: the index holds none of it
};
using IndexWriter = void (*)(class Db& db, std::vector<IndexChange>& changes);

// Process-wide SQLite settings, which SQLite takes only before it starts: applied once, by the
// first Db or by whatever registers an extension before main (search_index.cpp). Memory
// statistics go off: Debian's SQLite has no lookaside, so every small allocation goes through
// sqlite3_malloc, and with statistics on each one takes a global mutex to count itself.
void ConfigureSqlite();

enum class OpenMode {
  kReadWrite,  // creates the file when absent; fails when it cannot be written
  kRead,       // an existing file, only read (backup); also when it cannot be written
};

class Db {
 public:
  // Opens the database file at `path` (kReadWrite: creating it when absent, with WAL, foreign
  // keys on) with a busy handler, so concurrent writers wait instead of failing. Throws DbError,
  // with one line that says why when the file, its folder or its mount is read-only or missing.
  explicit Db(const std::string& path, OpenMode mode = OpenMode::kReadWrite);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results. Throws DbError.
  void Exec(std::string_view sql);

  // Returns a statement for `sql`, prepared once per connection and reused; it is reset and its
  // bindings cleared when the returned Stmt goes out of scope. Throws DbError on a syntax error.
  Stmt Prepare(const std::string& sql);

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // True while this connection holds a write transaction: what it reads then may be rolled back.
  bool InWriteTransaction() const;

  // The serialized-record cache shared by the connections of a Pool; null for a lone connection.
  RecordCache* record_cache() const { return record_cache_; }
  void set_record_cache(RecordCache* cache) { record_cache_ = cache; }

  // Identifies the content this connection reads: it changes whenever anything has been committed
  // to the database since, by this connection (counted by a commit hook) or by any other, in this
  // process or another (PRAGMA data_version). For results derived from many rows and kept while
  // nothing changes (see derived()).
  struct ContentStamp {
    long long others = -1;
    long long own = -1;
    bool operator==(const ContentStamp&) const = default;
  };
  ContentStamp Stamp();
  // Results derived from the database and kept on this connection by the code that derives them
  // (read_models.cpp), each with the Stamp() it was derived at.
  std::any& derived() { return derived_; }

  // True inside a Tx within a Tx (a savepoint; see Tx).
  bool InSavepoint() const { return tx_depth_ > 1; }
  // Holds a search-index change made inside a savepoint back until the outermost Tx commits,
  // which hands all of them to `write` just before COMMIT; a savepoint that rolls back drops its
  // own. Why: FTS5 writes the terms it holds out as a new index segment at every savepoint, and
  // every statement that writes to it inside a transaction opens one. Written one by one, a batch
  // of requests would cost a segment (and its later merging) each; held back, one in all.
  void DeferIndexChange(IndexChange change, IndexWriter write) {
    deferred_.push_back(std::move(change));
    write_deferred_ = write;
  }

  // For work that can be done again (api::Api::HandleBatch): while on, a Tx inside a write
  // transaction opens no SAVEPOINT. A savepoint copies each page it changes for the first time
  // into a statement journal, ~8% of the work of creating a record in a batch. Without one, a Tx
  // left without Commit() cannot undo rows it changed; it says so (PartialChangesLeft()), and
  // the caller must roll the whole transaction back. Turning it on or off clears that flag.
  void SkipSavepoints(bool on) {
    skip_savepoints_ = on;
    partial_changes_left_ = false;
  }
  // True when, since SkipSavepoints(true), a Tx without a savepoint was left without Commit()
  // after rows had changed (inserted, updated or deleted) in it.
  bool PartialChangesLeft() const { return partial_changes_left_; }

 private:
  friend class Tx;

  // Sets the connection up after opening (result codes, hooks, pragmas). Throws DbError.
  void Configure(bool writing);

  sqlite3* db_ = nullptr;
  std::string path_;
  RecordCache* record_cache_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  int tx_depth_ = 0;           // open Tx objects
  long long own_commits_ = 0;  // see Stamp
  std::any derived_;
  std::vector<IndexChange> deferred_;  // see DeferIndexChange
  IndexWriter write_deferred_ = nullptr;
  bool skip_savepoints_ = false;       // see SkipSavepoints
  bool partial_changes_left_ = false;  // see PartialChangesLeft
};

// A prepared statement borrowed from a Db's cache. Bind with 1-based positions.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Stmt();
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int index, std::string_view text);
  Stmt& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Stmt& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  Stmt& Bind(int index, long long number);
  Stmt& Bind(int index, int number) { return Bind(index, static_cast<long long>(number)); }
  Stmt& Bind(int index, double number);
  Stmt& BindNull(int index);
  // Passes `pointer` to an extension that asks for one of `type` (sqlite3_bind_pointer).
  Stmt& BindPointer(int index, void* pointer, const char* type);
  Stmt& Bind(int index, const std::optional<std::string>& text);

  // Advances to the next row: true when a row is available, false when done. Throws DbError.
  bool Step();
  // Runs a statement that returns no rows. Throws DbError.
  void Run();

  bool IsNull(int column) const;
  std::string_view Text(int column) const;  // valid until the next Step; empty for NULL
  std::string String(int column) const;     // a copy of Text(column)
  long long Int(int column) const;
  double Real(int column) const;
  int Type(int column) const;  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_NULL …
  int ColumnCount() const;
  std::string_view ColumnName(int column) const;

 private:
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so a read-then-write
// transaction cannot fail half-way with SQLITE_BUSY); ROLLBACK on destruction unless Commit().
// Inside a write transaction already open on the connection (several requests sharing one
// commit, see api::Api::HandleBatch) it is a SAVEPOINT instead: Commit() releases it into the
// outer transaction, and destruction without Commit() undoes only what was done since, including
// the index changes deferred since (Db::DeferIndexChange). The outermost Commit() writes the
// deferred index changes, then commits. While Db::SkipSavepoints is on, a Tx inside a transaction
// opens no savepoint: Commit() does nothing, and destruction without Commit() drops its deferred
// index changes and, if rows changed since it began, sets Db::PartialChangesLeft().
class Tx {
 public:
  explicit Tx(Db& db);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  void Commit();

 private:
  void Close();  // leaves the connection's count of open Tx objects

  Db& db_;
  const bool nested_;
  const bool savepoint_;        // nested, and a SAVEPOINT (not skipped, see Db::SkipSavepoints)
  const long long changes_;     // the connection's total changes when a skipped savepoint began
  const size_t deferred_mark_;  // index changes deferred before this Tx
  bool open_ = true;
};

}  // namespace amity::store
