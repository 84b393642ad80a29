#include "cli/server_metrics.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "base/text.h"
#include "store/translation_queue.h"

namespace amity::cli {
namespace {

double FileBytes(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 ? static_cast<double>(info.st_size) : 0;
}

// Seconds since the epoch of the newest amity-*.db in `dir`; 0 when there is none.
double NewestBackupTime(const std::string& dir) {
  std::error_code error;
  double newest = 0;
  if (dir.empty()) return newest;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("amity-") || !(name.ends_with(".tar") || name.ends_with(".db"))) {
      continue;
    }
    struct stat info {};
    if (stat(entry.path().c_str(), &info) != 0) continue;
    newest = std::max(newest, static_cast<double>(info.st_mtim.tv_sec));
  }
  return newest;
}

}  // namespace

std::string ServerMetricsText(const http::Metrics& metrics, const std::string& db_path,
                              const std::string& backup_dir, store::Pool& pool) {
  std::string out;
  out.reserve(16 << 10);
  metrics.Render(out);
  http::AppendMetric(out, "amity_database_bytes", "gauge", "Size of the database file.",
                     FileBytes(db_path));
  http::AppendMetric(out, "amity_wal_bytes", "gauge", "Size of the write-ahead log file.",
                     FileBytes(db_path + "-wal"));
  out +=
      "# HELP amity_translation_queue_texts Texts missing a language (the machine translation "
      "worker's queue when it is on).\n"
      "# TYPE amity_translation_queue_texts gauge\n";
  {
    auto db = pool.Acquire();
    for (const std::string_view lang : kLanguages) {
      const store::Page page = store::ListTranslationQueue(
          *db, store::TranslationQuery{.lang = std::string(lang), .state = "missing", .limit = 1});
      out += "amity_translation_queue_texts{lang=\"" + std::string(lang) + "\"} " +
             std::to_string(page.info.total.value_or(0)) + "\n";
    }
  }
  http::AppendMetric(out, "amity_last_backup_timestamp_seconds", "gauge",
                     "When the newest backup in AMITY_BACKUP_DIR was written (0: none).",
                     NewestBackupTime(backup_dir));
  out +=
      "# HELP amity_build_info The running version.\n# TYPE amity_build_info gauge\n"
      "amity_build_info{version=\"" AMITY_VERSION "\"} 1\n";
  return out;
}

}  // namespace amity::cli
