#include "store/backup.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>

#include "cli/run.h"

namespace amity::cli {
namespace {

volatile std::sig_atomic_t interrupted = 0;

}  // namespace

int Backup(const Config& config) {
  if (config.positional.size() != 1) {
    std::fputs("usage: amity backup [--db PATH] FILE\n", stderr);
    return 2;
  }
  if (!std::filesystem::exists(config.db_path)) {
    std::fprintf(stderr, "amity backup: no database at %s\n", config.db_path.c_str());
    return 1;
  }
  const std::string& file = config.positional[0];
  // A backup only reads: a read-only database file can be copied too.
  store::Db source(config.db_path, store::OpenMode::kRead);
  // On a terminal, a line that counts up; in a script or a log, nothing until the end.
  struct ProgressLine {
    bool terminal = isatty(STDERR_FILENO) == 1;
    int shown = -1;  // the percentage on the line, -1 when no line is open
    ~ProgressLine() {
      if (shown >= 0) std::fputc('\n', stderr);  // also when the copy failed half-way
    }
  } line;
  // Ctrl-C or SIGTERM stop the copy between two slices, so that it cleans up after itself.
  std::signal(SIGINT, [](int) { interrupted = 1; });
  std::signal(SIGTERM, [](int) { interrupted = 1; });
  store::BackupTo(source, file, [&line](long long copied, long long total) {
    if (interrupted) return false;
    if (!line.terminal || total <= 0) return true;
    const int percent = static_cast<int>(copied * 100 / total);
    if (percent == line.shown) return true;
    line.shown = percent;
    std::fprintf(stderr, "\ramity backup: %3d%% of %lld MB", percent, total / 1000000);
    if (copied == total) {
      std::fputc('\n', stderr);
      line.shown = -1;
    }
    return true;
  });
  std::printf("backed up %s to %s\n", config.db_path.c_str(), file.c_str());
  return 0;
}

}  // namespace amity::cli
