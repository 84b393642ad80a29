// `amity files check` and `amity files sweep`.
#include "cli/files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "base/time.h"
#include "cli/database.h"
#include "cli/run.h"
#include "files/sha256.h"
#include "store/files.h"

namespace amity::cli {
namespace {

// A blob that no file row names is removed only once it is this old: an upload that has just
// moved its blob into the store commits its row a moment later.
constexpr double kOrphanGraceSeconds = 3600;

int Check(const Config& config, store::Db& db, files::BlobStore& blobs) {
  std::vector<std::string> named;
  store::ForEachReferencedBlob(db, [&](std::string_view sha256) { named.emplace_back(sha256); });
  const bool terminal = isatty(STDERR_FILENO) == 1;
  int missing = 0, damaged = 0;
  for (size_t i = 0; i < named.size(); ++i) {
    if (terminal) std::fprintf(stderr, "\ramity files check: %zu of %zu", i + 1, named.size());
    const int fd = blobs.Open(named[i]);
    if (fd < 0) {
      std::printf("missing  %s\n", named[i].c_str());
      ++missing;
      continue;
    }
    const std::string actual = files::Sha256OfFile(fd);
    close(fd);
    if (actual != named[i]) {
      std::printf("damaged  %s (its bytes hash to %s)\n", named[i].c_str(), actual.c_str());
      ++damaged;
    }
  }
  if (terminal && !named.empty()) std::fputc('\n', stderr);
  std::printf("checked %zu blobs (files' and their thumbnails) in %s: %d missing, %d damaged\n",
              named.size(), blobs.root().c_str(), missing, damaged);
  return missing + damaged == 0 ? 0 : 1;
}

int Sweep(store::Db& db, files::BlobStore& blobs) {
  int uploads = 0, partials = 0, orphans = 0;
  long long freed = 0;
  {
    // Uploads past their expiry: the row and the bytes received.
    store::Tx tx(db);
    for (const store::UploadRow& upload : store::ExpiredUploads(db, FormatInstant(Now()))) {
      store::DeleteUpload(db, upload.id);
      std::error_code ignored;
      std::filesystem::remove(blobs.UploadPath(upload.id), ignored);
      ++uploads;
    }
    tx.Commit();
  }
  // Bytes of uploads that have no row (their start failed half-way, or were swept).
  blobs.ForEachUpload([&](std::string_view id, double age) {
    if (age < kOrphanGraceSeconds || store::UploadExists(db, id)) return;
    std::error_code ignored;
    if (std::filesystem::remove(blobs.UploadPath(id), ignored)) ++partials;
  });
  // The thumbnails of blobs no file names any more: their rows go, so their blobs are swept below
  // with the rest.
  int derivatives = 0;
  {
    store::Tx tx(db);
    derivatives = store::DeleteUnreferencedDerivatives(db);
    tx.Commit();
  }
  std::set<std::string, std::less<>> named;
  store::ForEachReferencedBlob(db, [&](std::string_view sha256) { named.emplace(sha256); });
  blobs.ForEachBlob([&](std::string_view sha256, std::uint64_t size, double age) {
    if (named.contains(sha256) || age < kOrphanGraceSeconds) return;
    if (blobs.Remove(sha256)) {
      ++orphans;
      freed += static_cast<long long>(size);
    }
  });
  std::printf(
      "swept %s: %d expired uploads, %d stray upload files, %d previews of unnamed blobs, %d "
      "unreferenced blobs (%lld bytes)\n",
      blobs.root().c_str(), uploads, partials, derivatives, orphans, freed);
  return 0;
}

}  // namespace

std::string FilesFolder(const Config& config) {
  if (!config.files_dir.empty()) return config.files_dir;
  const std::filesystem::path folder = std::filesystem::path(config.db_path).parent_path();
  return (folder.empty() ? std::filesystem::path(".") : folder).string() + "/files";
}

std::shared_ptr<files::BlobStore> OpenBlobStore(const Config& config) {
  return std::make_shared<files::BlobStore>(FilesFolder(config));
}

int Files(const Config& config) {
  const std::string action = config.positional.empty() ? "" : config.positional[0];
  if (config.positional.size() != 1 || (action != "check" && action != "sweep")) {
    std::fputs("usage: amity files check|sweep [--db PATH]\n", stderr);
    return 2;
  }
  if (!std::filesystem::exists(config.db_path)) {
    std::fprintf(stderr, "amity files: no database at %s\n", config.db_path.c_str());
    return 1;
  }
  auto db = OpenMigrated(config.db_path);
  auto blobs = OpenBlobStore(config);
  return action == "check" ? Check(config, *db, *blobs) : Sweep(*db, *blobs);
}

}  // namespace amity::cli
