// `amity backup` and `amity restore`.
#include "store/backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>

#include "cli/database.h"
#include "cli/files.h"
#include "cli/run.h"
#include "files/archive.h"
#include "files/sha256.h"
#include "store/files.h"

namespace amity::cli {
namespace {

namespace fs = std::filesystem;

volatile std::sig_atomic_t interrupted = 0;

// The name of the database inside a backup archive, and the folder its files are under.
constexpr char kArchivedDatabase[] = "amity.db";
constexpr std::string_view kArchivedFiles = "files/";

// On a terminal, a line that counts up; in a script or a log, nothing until the end.
class ProgressLine {
 public:
  explicit ProgressLine(const char* what) : what_(what) {}
  ~ProgressLine() {
    if (shown_ >= 0) std::fputc('\n', stderr);  // also when the work failed half-way
  }
  bool Show(long long done, long long total) {
    if (interrupted) return false;
    if (!terminal_ || total <= 0) return true;
    const int percent = static_cast<int>(done * 100 / total);
    if (percent == shown_) return true;
    shown_ = percent;
    std::fprintf(stderr, "\ramity %s: %3d%% of %lld MB", what_, percent, total / 1000000);
    if (done == total) {
      std::fputc('\n', stderr);
      shown_ = -1;
    }
    return true;
  }

 private:
  const char* what_;
  bool terminal_ = isatty(STDERR_FILENO) == 1;
  int shown_ = -1;  // the percentage on the line, -1 when no line is open
};

// Ctrl-C or SIGTERM stop a copy between two slices, so that it cleans up after itself.
void StopOnSignals() {
  std::signal(SIGINT, [](int) { interrupted = 1; });
  std::signal(SIGTERM, [](int) { interrupted = 1; });
}

// Every file kept under the files folder but unfinished uploads, as archive members.
std::vector<files::ArchiveMember> StoredFiles(const std::string& folder) {
  std::vector<files::ArchiveMember> members;
  std::error_code error;
  if (!fs::exists(folder, error)) return members;
  for (auto it = fs::recursive_directory_iterator(folder); it != fs::end(it); ++it) {
    const fs::path relative = fs::relative(it->path(), folder);
    if (it->is_directory() && relative == "uploads") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    members.push_back({std::string(kArchivedFiles) + relative.string(), it->path().string()});
  }
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return members;
}

// A database snapshot and every stored file, in one tar archive.
int BackupArchive(const Config& config, store::Db& source, const std::string& file) {
  const std::string snapshot = file + ".db.partial";
  struct RemoveSnapshot {
    std::string path;
    ~RemoveSnapshot() { std::remove(path.c_str()); }
  } remove{snapshot};
  // The snapshot first: every file it names is on disk by then and stays there (a blob a row
  // names is never swept), so the files copied after it include all it needs.
  ProgressLine line("backup");
  store::BackupTo(source, snapshot,
                  [&line](long long copied, long long total) { return line.Show(copied, total); });
  std::vector<files::ArchiveMember> members{{kArchivedDatabase, snapshot}};
  const std::vector<files::ArchiveMember> stored = StoredFiles(FilesFolder(config));
  members.insert(members.end(), stored.begin(), stored.end());
  files::WriteArchive(file, members, [&line](std::uint64_t done, std::uint64_t total) {
    return line.Show(static_cast<long long>(done), static_cast<long long>(total));
  });
  std::printf("backed up %s and %zu stored files to %s\n", config.db_path.c_str(), stored.size(),
              file.c_str());
  return 0;
}

// Where an archive member goes: the database, or a path below the files folder. Anything else
// (absolute paths, "..", other names) is refused.
std::string RestoreTarget(std::string_view name, const std::string& database,
                          const std::string& folder) {
  if (name == kArchivedDatabase) return database + ".restoring";
  const fs::path path(name);
  bool safe = name.starts_with(kArchivedFiles) && !path.is_absolute();
  for (const fs::path& part : path) safe = safe && part != ".." && part != ".";
  if (!safe)
    throw std::runtime_error("the archive holds " + std::string(name) + ", not a backup's");
  const fs::path target = fs::path(folder) / path.lexically_relative(kArchivedFiles);
  fs::create_directories(target.parent_path());
  return target.string();
}

}  // namespace

int Backup(const Config& config) {
  if (config.positional.size() != 1) {
    std::fputs("usage: amity backup [--db PATH] FILE\n", stderr);
    return 2;
  }
  if (!fs::exists(config.db_path)) {
    std::fprintf(stderr, "amity backup: no database at %s\n", config.db_path.c_str());
    return 1;
  }
  const std::string& file = config.positional[0];
  // A backup only reads: a read-only database file can be copied too.
  store::Db source(config.db_path, store::OpenMode::kRead);
  StopOnSignals();
  if (file.ends_with(".tar")) return BackupArchive(config, source, file);
  {
    ProgressLine line("backup");
    store::BackupTo(source, file, [&line](long long copied, long long total) {
      return line.Show(copied, total);
    });
  }
  std::printf("backed up %s to %s\n", config.db_path.c_str(), file.c_str());
  long long named = 0;
  store::ForEachReferencedBlob(source, [&named](std::string_view) { ++named; });
  if (named > 0) {
    std::fprintf(stderr,
                 "amity backup: the database names %lld stored files, which are not in %s; back "
                 "up to a FILE ending in .tar to keep them too\n",
                 named, file.c_str());
  }
  return 0;
}

int Restore(const Config& config) {
  if (config.positional.size() != 1) {
    std::fputs("usage: amity restore [--db PATH] ARCHIVE.tar\n", stderr);
    return 2;
  }
  const std::string& archive = config.positional[0];
  const std::string folder = FilesFolder(config);
  std::error_code error;
  if (fs::exists(config.db_path, error)) {
    std::fprintf(stderr, "amity restore: %s exists; restore into a place with no database\n",
                 config.db_path.c_str());
    return 1;
  }
  if (fs::exists(folder, error) && !fs::is_empty(folder, error)) {
    std::fprintf(stderr, "amity restore: %s holds files; restore into an empty folder\n",
                 folder.c_str());
    return 1;
  }
  const fs::path parent = fs::path(config.db_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent);
  const bool made_folder = !fs::exists(folder, error);
  const std::string restoring = config.db_path + ".restoring";
  long long restored = 0;
  try {
    bool has_database = false;
    files::ReadArchive(
        archive,
        [&](std::string_view name, std::uint64_t) {
          return RestoreTarget(name, config.db_path, folder);
        },
        [&](std::string_view name, const std::string& path) {
          if (name == kArchivedDatabase) {
            has_database = true;
            return;
          }
          ++restored;
          const std::string sha = fs::path(path).filename().string();
          if (name.starts_with("files/blobs/") && files::IsSha256Hex(sha)) {
            // The file just written, hashed where it lies.
            const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) throw std::runtime_error("cannot read " + path + " back");
            std::string actual;
            try {
              actual = files::Sha256OfFile(fd);
            } catch (...) {
              close(fd);
              throw;
            }
            close(fd);
            if (actual != sha) {
              throw std::runtime_error("the archive's " + std::string(name) +
                                       " is damaged (its bytes hash to " + actual + ")");
            }
          }
        });
    if (!has_database) throw std::runtime_error(archive + " holds no database");
    fs::rename(restoring, config.db_path);
    auto db = OpenMigrated(config.db_path);
    files::BlobStore blobs(folder);
    long long missing = 0;
    store::ForEachReferencedBlob(*db, [&](std::string_view sha) { missing += !blobs.Has(sha); });
    if (missing > 0) {
      throw std::runtime_error("the archive lacks " + std::to_string(missing) +
                               " of the files its database names");
    }
  } catch (const std::exception& failure) {
    for (const char* suffix : {"", ".restoring", "-wal", "-shm", "-journal"}) {
      std::remove((config.db_path + suffix).c_str());
    }
    if (made_folder) {
      fs::remove_all(folder, error);
    } else {  // it was empty
      for (const auto& entry : fs::directory_iterator(folder, error)) fs::remove_all(entry, error);
    }
    std::fprintf(stderr, "amity restore: %s; nothing was restored\n", failure.what());
    return 1;
  }
  std::printf("restored %s and %lld stored files (every one checked against its SHA-256) from %s\n",
              config.db_path.c_str(), restored, archive.c_str());
  return 0;
}

}  // namespace amity::cli
