// A thin layer over one SQLite connection: prepared statements cached per connection, typed
// binding and reading, and a transaction guard that rolls back unless committed.
// Infrastructure failures (I/O, corrupt file, constraint violations the caller did not
// prevent) throw DbError; absence is reported with std::optional or an empty result.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

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

class Db {
 public:
  // Opens (creating when absent) the database file at `path` with WAL, foreign keys on and a
  // busy timeout, so concurrent writers wait instead of failing. Throws DbError.
  explicit Db(const std::string& path);
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

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  RecordCache* record_cache_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
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
  Stmt& Bind(int index, const std::optional<std::string>& text);

  // Advances to the next row: true when a row is available, false when done. Throws DbError.
  bool Step();
  // Runs a statement that returns no rows. Throws DbError.
  void Run();

  bool IsNull(int column) const;
  std::string_view Text(int column) const;  // valid until the next Step
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
class Tx {
 public:
  explicit Tx(Db& db);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  void Commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace amity::store
