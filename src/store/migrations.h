// Schema migrations compiled into the binary, applied in order at start, each in its own
// transaction and recorded in schema_migrations; and the id of this Amity installation.
#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace amity::store {

struct Migration {
  int number;
  std::string_view name;
  std::string_view sql;
};

// The embedded migrations, in the order they are applied.
const std::vector<Migration>& AllMigrations();

// Applies every migration not yet recorded (up to number `last`) and makes the instance id on
// first run. Returns the numbers applied now (empty when the database was current). Throws
// DbError; a failed migration leaves the database as it was before that migration.
std::vector<int> Migrate(Db& db, int last = std::numeric_limits<int>::max());

// Refreshes the query planner's statistics (sqlite_stat1) from a bounded sample of each index,
// so it takes milliseconds whatever the size. Without statistics SQLite cannot tell a selective
// index (one partnership) from a broad one (every open commitment) and may scan the broad one.
void RefreshStatistics(Db& db);

// This installation's id, made by the first Migrate. Throws DbError when not migrated.
std::string InstanceId(Db& db);

// The schema as reviewers read it: every table, index and trigger's SQL, sorted by type and
// name, each followed by ";\n". Used by the migration test against src/store/schema.sql.
std::string DumpSchema(Db& db);

}  // namespace amity::store
