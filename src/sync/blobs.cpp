#include "sync/blobs.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "base/id.h"
#include "files/sha256.h"

namespace amity::sync {
namespace json = boost::json;

std::vector<NeededBlob> BlobsOfPage(const json::value& page) {
  std::vector<NeededBlob> needed;
  const json::object* body = page.if_object();
  const json::value* items = body ? body->if_contains("items") : nullptr;
  if (items == nullptr || !items->is_array()) return needed;
  for (const json::value& item : items->as_array()) {
    const json::object* object = item.if_object();
    const json::value* files = object ? object->if_contains("files") : nullptr;
    if (files == nullptr || !files->is_array()) continue;
    for (const json::value& file : files->as_array()) {
      const json::object* entry = file.if_object();
      if (entry == nullptr) continue;
      const json::value* sha256 = entry->if_contains("sha256");
      const json::value* size = entry->if_contains("size");
      if (sha256 == nullptr || !sha256->is_string() || size == nullptr || !size->is_int64() ||
          size->as_int64() <= 0 || !files::IsSha256Hex(sha256->as_string())) {
        continue;
      }
      const std::string hash(sha256->as_string());
      if (std::none_of(needed.begin(), needed.end(),
                       [&](const NeededBlob& blob) { return blob.sha256 == hash; })) {
        needed.push_back({hash, size->as_int64()});
      }
    }
  }
  return needed;
}

namespace {

// An open file that is removed unless kept.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {
    fd_ = open(path_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd_ < 0) throw std::runtime_error("cannot create a file for a fetched blob");
  }
  ~TemporaryFile() {
    if (fd_ >= 0) close(fd_);
    if (!kept_) std::remove(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  void Close() {
    close(fd_);
    fd_ = -1;
  }
  void Keep() { kept_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool kept_ = false;
};

}  // namespace

int FetchMissingBlobs(files::BlobStore& blobs, const std::string& peer_url,
                      const federation::SigningKey& key, long long now,
                      const std::vector<NeededBlob>& needed, const std::atomic<bool>* cancelled) {
  int fetched = 0;
  for (const NeededBlob& blob : needed) {
    if (blobs.Has(blob.sha256)) continue;  // the same bytes are here already: linked
    // Beside the uploads under way (named like one): the same file system as the blobs, and
    // swept if a crash leaves it.
    TemporaryFile file(blobs.UploadPath(NewId()));
    const long status = federation::FetchPeerFile(
        peer_url, "/federation/v1/blobs/" + blob.sha256, key, now, file.fd(),
        static_cast<unsigned long long>(blob.size), 30, cancelled);
    if (status != 200) {
      throw std::runtime_error("blob " + blob.sha256 + ": HTTP " + std::to_string(status));
    }
    if (lseek(file.fd(), 0, SEEK_SET) != 0) throw std::runtime_error("cannot read a fetched blob");
    const off_t size = lseek(file.fd(), 0, SEEK_END);
    lseek(file.fd(), 0, SEEK_SET);
    const std::string hash = files::Sha256OfFile(file.fd());
    if (hash != blob.sha256 || size != blob.size) {
      throw std::runtime_error("blob " + blob.sha256 +
                               ": the bytes received do not match their SHA-256 and size");
    }
    file.Close();
    blobs.Adopt(file.path(), blob.sha256);
    file.Keep();
    ++fetched;
  }
  return fetched;
}

}  // namespace amity::sync
