#include "previews/worker.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

#include "base/id.h"
#include "base/time.h"
#include "files/sha256.h"
#include "previews/document_text.h"
#include "previews/thumbnail.h"
#include "store/db.h"
#include "store/files.h"

namespace amity::previews {
namespace {

// Without a wake-up the worker looks again this often (a file created by another process, e.g.
// `amity demo`, tells no one).
constexpr auto kPollInterval = std::chrono::seconds(30);

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// Puts `bytes` into the store as a blob (written beside the uploads, then adopted: fsynced and
// renamed into place); returns its SHA-256.
std::string StoreBlob(files::BlobStore& blobs, const std::string& bytes) {
  files::Sha256 hash;
  hash.Update(bytes);
  const std::string sha256 = hash.Finish();
  const std::string path = blobs.UploadPath(NewId());
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) {
      const std::string error = std::strerror(errno);
      close(fd);
      unlink(path.c_str());
      throw std::runtime_error("cannot write " + path + ": " + error);
    }
    done += static_cast<size_t>(wrote);
  }
  close(fd);
  try {
    blobs.Adopt(path, sha256);
  } catch (...) {
    unlink(path.c_str());
    throw;
  }
  return sha256;
}

}  // namespace

Worker::Worker(std::string db_path, std::shared_ptr<files::BlobStore> blobs, LogFormat log_format)
    : db_path_(std::move(db_path)),
      blobs_(std::move(blobs)),
      log_format_(log_format),
      loop_([this] { RunOnce(); },
            [this](const std::exception& failure) {
              LogLine(log_format_, "error", "file previews failed")
                  .Add("error", failure.what())
                  .Write(stderr);
            },
            kPollInterval) {}

Worker::~Worker() { Stop(); }

void Worker::Start() {
  {
    store::Db db(db_path_);
    store::Tx tx(db);
    const int failed = store::FailInterruptedDerivatives(db);
    tx.Commit();
    if (failed > 0) {
      LogLine(log_format_, "warn", "file previews cut short by a stop, not tried again")
          .Add("blobs", static_cast<long long>(failed))
          .Write(stderr);
    }
  }
  loop_.Start();
}

void Worker::Stop() { loop_.Stop(); }

void Worker::Wake() { loop_.Wake(); }

int Worker::RunOnce() {
  store::Db db(db_path_);
  int made = 0;
  while (!loop_.Stopping()) {
    const auto pending = store::NextBlobWithoutDerivatives(db);
    if (!pending) break;
    {
      store::Tx tx(db);
      store::BeginDerivatives(db, pending->sha256, FormatInstant(Now()));
      tx.Commit();
    }
    const std::string path = blobs_->BlobPath(pending->sha256);
    const auto started = std::chrono::steady_clock::now();
    std::optional<std::string> thumbnail;
    if (const auto jpeg = MakeThumbnail(path, pending->media_type)) {
      thumbnail = StoreBlob(*blobs_, *jpeg);
    }
    const double thumbnail_ms = MillisecondsSince(started);
    const auto text_started = std::chrono::steady_clock::now();
    const std::optional<std::string> text =
        HasText(pending->media_type) ? ExtractText(path, pending->media_type) : std::nullopt;
    const double text_ms = MillisecondsSince(text_started);
    // Folding a long text takes about half the work of indexing it: done before the
    // transaction, so other writes wait only for the rest.
    const std::optional<store::FoldedText> folded =
        text ? std::optional(store::FoldText(db, *text)) : std::nullopt;
    const auto index_started = std::chrono::steady_clock::now();
    {
      store::Tx tx(db);
      store::SaveDerivatives(db, pending->sha256, thumbnail, text, FormatInstant(Now()),
                             folded ? &*folded : nullptr);
      tx.Commit();
    }
    LogLine(log_format_, "info", "file preview made")
        .Add("sha256", pending->sha256)
        .Add("media_type", pending->media_type)
        .Add("thumbnail", thumbnail ? "yes" : "no")
        .Add("thumbnail_ms", thumbnail_ms)
        .Add("text_bytes", static_cast<long long>(text ? text->size() : 0))
        .Add("text_ms", text_ms)
        .Add("index_ms", MillisecondsSince(index_started))
        .Write(stderr);
    ++made;
  }
  return made;
}

}  // namespace amity::previews
