#include "files/blob_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

namespace amity::files {
namespace {

[[noreturn]] void Fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void MakeFolder(const std::string& path) {
  if (mkdir(path.c_str(), 0750) != 0 && errno != EEXIST) Fail("cannot create the folder", path);
}

void SyncFolder(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) Fail("cannot open the folder", path);
  const int result = fsync(fd);
  close(fd);
  if (result != 0) Fail("cannot sync the folder", path);
}

double AgeSeconds(const struct stat& info) {
  return std::difftime(std::time(nullptr), info.st_mtime);
}

// Calls `visit(name)` for each entry of `folder` but "." and "..".
template <class Visit>
void ForEachEntry(const std::string& folder, Visit visit) {
  DIR* dir = opendir(folder.c_str());
  if (dir == nullptr) return;
  while (const dirent* entry = readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    visit(std::string(name));
  }
  closedir(dir);
}

}  // namespace

bool IsSha256Hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

BlobStore::BlobStore(std::string root) : root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  MakeFolder(root_);
  MakeFolder(root_ + "/blobs");
  MakeFolder(root_ + "/uploads");
}

std::string BlobStore::BlobPath(std::string_view sha256) const {
  if (!IsSha256Hex(sha256)) throw std::invalid_argument("not a SHA-256: " + std::string(sha256));
  return root_ + "/blobs/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

std::string BlobStore::UploadPath(std::string_view upload_id) const {
  for (const char c : upload_id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-')) {
      throw std::invalid_argument("not an upload id: " + std::string(upload_id));
    }
  }
  return root_ + "/uploads/" + std::string(upload_id);
}

bool BlobStore::Has(std::string_view sha256) const {
  struct stat info {};
  return stat(BlobPath(sha256).c_str(), &info) == 0;
}

int BlobStore::Open(std::string_view sha256) const {
  return open(BlobPath(sha256).c_str(), O_RDONLY | O_CLOEXEC);
}

void BlobStore::Adopt(const std::string& path, std::string_view sha256) {
  const std::string target = BlobPath(sha256);
  if (Has(sha256)) {
    if (unlink(path.c_str()) != 0) Fail("cannot remove", path);
    return;
  }
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) Fail("cannot open", path);
  const int synced = fsync(fd);
  close(fd);
  if (synced != 0) Fail("cannot sync", path);
  const std::string folder = root_ + "/blobs/" + std::string(sha256.substr(0, 2));
  MakeFolder(folder);
  if (chmod(path.c_str(), 0440) != 0) Fail("cannot protect", path);
  if (rename(path.c_str(), target.c_str()) != 0) Fail("cannot move into the store", path);
  SyncFolder(folder);
  SyncFolder(root_ + "/uploads");
}

bool BlobStore::Remove(std::string_view sha256) { return unlink(BlobPath(sha256).c_str()) == 0; }

void BlobStore::ForEachBlob(
    const std::function<void(std::string_view, std::uint64_t, double)>& visit) const {
  ForEachEntry(root_ + "/blobs", [&](const std::string& prefix) {
    const std::string folder = root_ + "/blobs/" + prefix;
    ForEachEntry(folder, [&](const std::string& name) {
      struct stat info {};
      if (!IsSha256Hex(name) || stat((folder + "/" + name).c_str(), &info) != 0) return;
      visit(name, static_cast<std::uint64_t>(info.st_size), AgeSeconds(info));
    });
  });
}

void BlobStore::ForEachUpload(const std::function<void(std::string_view, double)>& visit) const {
  const std::string folder = root_ + "/uploads";
  ForEachEntry(folder, [&](const std::string& name) {
    struct stat info {};
    if (stat((folder + "/" + name).c_str(), &info) != 0) return;
    visit(name, AgeSeconds(info));
  });
}

}  // namespace amity::files
