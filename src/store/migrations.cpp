#include "store/migrations.h"

#include "base/id.h"
#include "base/time.h"

namespace amity::store {
namespace {

#include "store/migrations_embedded.inc"  // generated: kEmbeddedMigrations

constexpr char kCreateVersionTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER NOT NULL PRIMARY KEY, "
    "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT";
constexpr char kIsApplied[] = "SELECT 1 FROM schema_migrations WHERE number = ?";
constexpr char kRecordApplied[] =
    "INSERT INTO schema_migrations (number, name, applied_at) VALUES (?, ?, ?)";
constexpr char kSelectInstance[] = "SELECT id FROM instance LIMIT 1";
constexpr char kInsertInstance[] = "INSERT INTO instance (id, created_at) VALUES (?, ?)";
constexpr char kSchemaVersion[] = "PRAGMA schema_version";
constexpr char kSchema[] =
    "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
    "ORDER BY type DESC, name";

long long SchemaVersion(Db& db) {
  Stmt select = db.Prepare(kSchemaVersion);
  select.Step();
  return select.Int(0);
}

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations(std::begin(kEmbeddedMigrations),
                                                 std::end(kEmbeddedMigrations));
  return migrations;
}

std::vector<int> Migrate(Db& db, int last) {
  db.Exec(kCreateVersionTable);
  std::vector<int> applied;
  for (const Migration& migration : AllMigrations()) {
    if (migration.number > last) break;
    Tx tx(db);
    bool done;
    {
      Stmt check = db.Prepare(kIsApplied);
      done = check.Bind(1, migration.number).Step();
    }
    if (done) continue;
    const long long schema_version = SchemaVersion(db);
    db.Exec(migration.sql);
    // A migration that edits sqlite_schema itself (the ALTER TABLE documentation's way of
    // changing a constraint) leaves the schema version alone; raising it makes every open
    // connection reread the schema.
    if (SchemaVersion(db) == schema_version) {
      db.Exec("PRAGMA schema_version = " + std::to_string(schema_version + 1));
    }
    db.Prepare(kRecordApplied)
        .Bind(1, migration.number)
        .Bind(2, migration.name)
        .Bind(3, FormatInstant(Now()))
        .Run();
    tx.Commit();
    applied.push_back(migration.number);
  }
  Tx tx(db);
  bool has_instance;
  {
    Stmt select = db.Prepare(kSelectInstance);
    has_instance = select.Step();
  }
  if (!has_instance) {
    db.Prepare(kInsertInstance).Bind(1, NewId()).Bind(2, FormatInstant(Now())).Run();
  }
  tx.Commit();
  return applied;
}

void RefreshStatistics(Db& db) { db.Exec("PRAGMA analysis_limit = 400; ANALYZE;"); }

std::string InstanceId(Db& db) {
  Stmt select = db.Prepare(kSelectInstance);
  if (!select.Step()) throw DbError("database has no instance id: run amity migrate", 0);
  return std::string(select.Text(0));
}

std::string DumpSchema(Db& db) {
  std::string schema;
  Stmt select = db.Prepare(kSchema);
  while (select.Step()) {
    schema += select.Text(0);
    schema += ";\n";
  }
  return schema;
}

}  // namespace amity::store
