// The rows of files kept with records and of uploads under way (the bytes themselves are in
// files::BlobStore).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"
#include "store/records.h"

namespace amity::store {

struct FileRow {
  std::string id;
  long long version = 1;
  std::string created_at;
  std::string updated_at;
  std::string instance_id;
  bool archived = false;
  std::string holder;  // the holding record's collection, e.g. "commitments"
  std::string holder_id;
  std::optional<std::string> milestone;
  std::string name;
  std::string media_type;
  long long size = 0;
  std::string sha256;
  bool personal_data = false;
  std::string created_by;  // user id
};

struct UploadRow {
  std::string id;
  std::string caller;  // user id
  std::string holder;
  std::string holder_id;
  std::optional<std::string> milestone;
  std::string name;
  long long length = 0;
  bool personal_data = false;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> file_id;  // once finished
};

void InsertUpload(Db& db, const UploadRow& upload);
std::optional<UploadRow> GetUpload(Db& db, std::string_view id);
void DeleteUpload(Db& db, std::string_view id);
// Marks the upload finished: it became file `file_id`.
void FinishUploadRow(Db& db, std::string_view id, std::string_view file_id);
// Uploads whose expiry is before `now` (UTC instant text).
std::vector<UploadRow> ExpiredUploads(Db& db, std::string_view now);

// Inserts the file and its "create" change.
void InsertFile(Db& db, const FileRow& file, const WriteContext& write);
std::optional<FileRow> GetFile(Db& db, std::string_view id);
// The live files of a record, oldest first.
std::vector<FileRow> ListFiles(Db& db, std::string_view holder_id);
// Marks the file archived (its "archive" change with it); false when it was archived already.
bool ArchiveFile(Db& db, const FileRow& file, const WriteContext& write);
// Calls `visit` with every SHA-256 some file row names (archived ones too), once each.
void ForEachReferencedBlob(Db& db, const std::function<void(std::string_view sha256)>& visit);
// Whether any upload row has this id (the sweep keeps an upload's bytes while it has).
bool UploadExists(Db& db, std::string_view id);

}  // namespace amity::store
