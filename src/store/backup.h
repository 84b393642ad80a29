// Consistent copies of a live database.
#pragma once

#include <string>

#include "store/db.h"

namespace amity::store {

// Copies the database of `source` into `file` with SQLite's online backup API while other
// connections keep reading and writing; the copy is a consistent snapshot. Writes to a
// temporary file beside `file` and renames it into place, so `file` is never half-written.
// Throws DbError.
void BackupTo(Db& source, const std::string& file);

}  // namespace amity::store
