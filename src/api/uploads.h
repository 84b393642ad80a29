// Resumable uploads (the tus 1.0 protocol, https://tus.io/protocols/resumable-upload): a client
// announces a file (POST /api/v1/uploads with Upload-Length and Upload-Metadata), sends its bytes
// in one or more PATCH requests, and after a dropped connection asks how far the server got
// (HEAD) and continues from there. The bytes go straight to files/uploads/<id> as they arrive
// (http::BodySink), never held whole in memory; the last byte turns the upload into a file of
// its record (api/files.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "api/api.h"
#include "files/sha256.h"

namespace amity::api {

// What the server knows of an upload while it receives bytes: which request may write (a newer
// PATCH takes over from one whose connection died quietly) and the SHA-256 of the bytes received
// so far, so that a finished upload need not be read again to be hashed.
struct UploadState {
  std::mutex mutex;
  std::uint64_t writer = 0;  // the generation of the request that may write
  files::Sha256 hash;        // of bytes [0, hashed)
  std::uint64_t hashed = 0;
  bool hash_usable = true;  // false once bytes arrived that the hash did not see in order
};

class UploadRegistry {
 public:
  std::shared_ptr<UploadState> Get(const std::string& upload_id);
  void Forget(const std::string& upload_id);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<UploadState>> states_;
};

// The sink of an upload's PATCH (see Api::OpenBodySink).
std::shared_ptr<http::BodySink> OpenUploadSink(Call& call);

http::Response CreateUpload(Call& call);
http::Response GetUpload(Call& call);
http::Response PatchUpload(Call& call);
http::Response CancelUpload(Call& call);

}  // namespace amity::api
