// The bytes of every stored file, content-addressed: a blob is named by the SHA-256 of its bytes,
// so the same file uploaded twice is kept once. Layout under the root (by default `files/` beside
// the database):
//   blobs/ab/abcdef…   the blob whose SHA-256 (hex) starts "ab"
//   uploads/<id>       the bytes received so far of an unfinished upload
// A blob enters the store complete: written elsewhere, fsynced, then renamed into place (and its
// folder fsynced), so a crash leaves either the whole blob or none. Nothing here knows which
// records name which blob: that is the database's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace amity::files {

// True when `text` is 64 lower-case hex digits.
bool IsSha256Hex(std::string_view text);

class BlobStore {
 public:
  // Creates the root and its folders when missing (mode 0750). Throws when it cannot.
  explicit BlobStore(std::string root);

  const std::string& root() const { return root_; }
  std::string BlobPath(std::string_view sha256) const;
  std::string UploadPath(std::string_view upload_id) const;

  bool Has(std::string_view sha256) const;
  // Opens a blob for reading (O_RDONLY | O_CLOEXEC); -1 when it is missing.
  int Open(std::string_view sha256) const;
  // Moves the complete file at `path` (on the same file system) into the store as `sha256`:
  // fsyncs it, renames it into place and fsyncs the folder. When the store holds that blob
  // already, `path` is removed instead. Throws on failure (the file at `path` then stays).
  void Adopt(const std::string& path, std::string_view sha256);
  // Removes a blob; false when it was not there.
  bool Remove(std::string_view sha256);
  // Calls `visit` with each blob's hash, size and age in seconds (since its last change).
  void ForEachBlob(const std::function<void(std::string_view sha256, std::uint64_t size,
                                            double age_seconds)>& visit) const;
  // Calls `visit` with the id and age in seconds of each unfinished upload's file.
  void ForEachUpload(
      const std::function<void(std::string_view upload_id, double age_seconds)>& visit) const;

 private:
  std::string root_;
};

}  // namespace amity::files
