#include "store/backup.h"

#include <cstdio>

namespace amity::store {

void BackupTo(Db& source, const std::string& file) {
  const std::string temporary = file + ".partial";
  std::remove(temporary.c_str());
  {
    Db target(temporary);
    // The copy is a single file: leave WAL mode so it stands alone without -wal/-shm files.
    target.Exec("PRAGMA journal_mode = DELETE");
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
    if (backup == nullptr) throw DbError(sqlite3_errmsg(target.handle()), 0);
    int code;
    do {
      // Copy in slices so that writers on other connections are not held up for long.
      code = sqlite3_backup_step(backup, 256);
      if (code == SQLITE_BUSY || code == SQLITE_LOCKED) sqlite3_sleep(10);
    } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (code != SQLITE_DONE)
      throw DbError("backup failed: " + std::string(sqlite3_errstr(code)), code);
  }
  if (std::rename(temporary.c_str(), file.c_str()) != 0) {
    throw DbError("cannot move the backup into place at " + file, 0);
  }
}

}  // namespace amity::store
