// The background worker that makes what the server derives from a new file's bytes: its
// thumbnail (kept as a blob of the same store) and its document's text (indexed for search), once
// per blob. It runs on its own thread and connection, off the request path: an upload is
// answered as soon as its file row commits, and the thumbnail and the text follow (a 20-megapixel
// JPEG takes ~60 ms, the same as PNG 1.4 s, a 100-page PDF's text ~0.2 s; bench/RESULTS.md). It
// works one blob at a time, so memory stays that of one decoder.
#pragma once

#include <memory>
#include <string>

#include "base/background_loop.h"
#include "base/log.h"
#include "files/blob_store.h"

namespace amity::previews {

class Worker {
 public:
  // Opens its own connection to `db_path` when started. Logs one line (to stderr, in
  // `log_format`) per blob it works on, and one per failure.
  Worker(std::string db_path, std::shared_ptr<files::BlobStore> blobs,
         LogFormat log_format = LogFormat::kJson);
  ~Worker();  // stops and joins

  // Marks work cut short by an earlier process failed (store::FailInterruptedDerivatives), then
  // starts the thread, which first works through every blob waiting.
  void Start();
  void Stop();
  // Tells the worker a file was created (api::Context::file_created).
  void Wake();

  // Makes the derivatives of every blob waiting, one at a time; returns how many.
  int RunOnce();

 private:
  std::string db_path_;
  std::shared_ptr<files::BlobStore> blobs_;
  LogFormat log_format_;
  BackgroundLoop loop_;  // last: it stops (its thread joined) before the members above go
};

}  // namespace amity::previews
