#include "store/backup.h"

#include <cstdio>
#include <filesystem>

#include "cli/run.h"

namespace amity::cli {

int Backup(const Config& config) {
  if (config.positional.size() != 1) {
    std::fputs("usage: amity backup [--db PATH] FILE\n", stderr);
    return 2;
  }
  if (!std::filesystem::exists(config.db_path)) {
    std::fprintf(stderr, "amity backup: no database at %s\n", config.db_path.c_str());
    return 1;
  }
  // A backup only reads: a read-only database file can be copied too.
  store::Db source(config.db_path, store::OpenMode::kRead);
  store::BackupTo(source, config.positional[0]);
  std::printf("backed up %s to %s\n", config.db_path.c_str(), config.positional[0].c_str());
  return 0;
}

}  // namespace amity::cli
