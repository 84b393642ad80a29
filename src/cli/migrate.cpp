#include <cstdio>
#include <filesystem>

#include "cli/database.h"
#include "cli/run.h"
#include "store/migrations.h"

namespace amity::cli {

std::unique_ptr<store::Db> OpenMigrated(const std::string& path) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder);
  auto db = std::make_unique<store::Db>(path);
  for (int number : store::Migrate(*db)) {
    std::fprintf(stderr, "amity: applied migration %04d to %s\n", number, path.c_str());
  }
  return db;
}

int Migrate(const Config& config) {
  auto db = OpenMigrated(config.db_path);
  std::printf("database %s is current (instance %s)\n", config.db_path.c_str(),
              store::InstanceId(*db).c_str());
  return 0;
}

}  // namespace amity::cli
