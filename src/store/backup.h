// Consistent copies of a live database.
#pragma once

#include <functional>
#include <string>

#include "store/db.h"

namespace amity::store {

// Told after each slice of a copy: the bytes copied so far and the bytes of the whole copy.
// Returns false to stop the copy, which then fails as any other (e.g. on Ctrl-C).
using BackupProgress = std::function<bool(long long copied, long long total)>;

// Copies the database of `source` into `file` with SQLite's online backup API while other
// connections (and processes) keep reading and writing. The copy is the snapshot of one read
// transaction held on `source` for the whole copy, so writes meanwhile never make it start over
// and it ends in bounded time (they only keep the WAL from being checkpointed past the snapshot
// until it is done). The copy is a single file in rollback-journal mode (journal_mode=delete)
// that needs no -wal or -shm beside it. It is written to `file`.partial, synced and renamed into
// place, so `file` is never half-written; on failure nothing is left beside it (no .partial, no
// journal) and an earlier `file` stays as it was. `progress`, when given, is called after every
// slice. Throws DbError, with one line that says why (e.g. the folder of `file` is missing, or
// `progress` stopped it).
void BackupTo(Db& source, const std::string& file, const BackupProgress& progress = {});

}  // namespace amity::store
