#include <cstdio>

#include "cli/database.h"
#include "cli/run.h"
#include "store/search_index.h"

namespace amity::cli {

int Reindex(const Config& config) {
  auto db = OpenMigrated(config.db_path);
  const long long texts =
      store::RebuildSearchIndex(*db, [](std::string_view kind, long long count) {
        std::fprintf(stderr, "amity reindex: %lld %.*s\n", count, static_cast<int>(kind.size()),
                     kind.data());
      });
  std::printf("search index rebuilt: %lld texts\n", texts);
  return 0;
}

}  // namespace amity::cli
