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
#include "store/search_index.h"

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
  // Read, never written with the row: the SHA-256 of its thumbnail's blob, when one was made
  // (blob_derivatives).
  std::optional<std::string> thumbnail;
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

// Inserts the file and its "create" change, and indexes its name (and its blob's text, when
// already extracted) for search.
void InsertFile(Db& db, const FileRow& file, const WriteContext& write);
// Indexes a live file's name and its blob's text (see IndexFileText); a file marked personal data
// (or archived) is not indexed at all, as no personal-data field of a record is; unless
// `new_record`, its old entry goes first. `folded`: the blob's text folded already (else it is
// read and folded here).
void IndexFile(Db& db, const FileRow& file, bool new_record, const FoldedText* folded = nullptr);
std::optional<FileRow> GetFile(Db& db, std::string_view id);
// The live files of a record, oldest first.
std::vector<FileRow> ListFiles(Db& db, std::string_view holder_id);
// Marks the file archived (its "archive" change with it) and drops it from the search index;
// false when it was archived already.
bool ArchiveFile(Db& db, const FileRow& file, const WriteContext& write);
// Calls `visit` with every SHA-256 some file row names (archived ones too), and the thumbnails
// made of those blobs, once each.
void ForEachReferencedBlob(Db& db, const std::function<void(std::string_view sha256)>& visit);
// Whether any upload row has this id (the sweep keeps an upload's bytes while it has).
bool UploadExists(Db& db, std::string_view id);

// What the background worker (previews::Worker) makes of a blob, kept per blob
// (blob_derivatives): a thumbnail and the text of a document.
struct PendingBlob {
  std::string sha256;
  std::string media_type;
};
// A blob that some live file names and that has no derivatives row yet (oldest file first);
// nullopt when none waits.
std::optional<PendingBlob> NextBlobWithoutDerivatives(Db& db);
// Records that the derivatives of `sha256` are being made (state `working`), so that a crash
// while making them is not repeated at the next start.
void BeginDerivatives(Db& db, std::string_view sha256, std::string_view now);
// Marks rows left `working` (by a process that stopped meanwhile) `failed`; returns how many.
int FailInterruptedDerivatives(Db& db);
// Stores what was made of `sha256` (state `done`) and indexes `text` for every live file that
// names the blob and is not personal data. `folded`, when given, is FoldText(text), made before
// the transaction so that it holds other writers back less (when null it is made here). Call
// inside a transaction.
void SaveDerivatives(Db& db, std::string_view sha256, const std::optional<std::string>& thumbnail,
                     const std::optional<std::string>& text, std::string_view now,
                     const FoldedText* folded = nullptr);
// The extracted text of blob `sha256`; nullopt when it has none (yet).
std::optional<std::string> BlobText(Db& db, std::string_view sha256);
// Deletes the derivatives rows of blobs no file row names any more (their thumbnails then become
// unreferenced blobs for the sweep); returns how many.
int DeleteUnreferencedDerivatives(Db& db);
// Indexes every live file's name and text again (`amity reindex`, after the index was emptied);
// returns the number of files indexed.
long long IndexAllFiles(Db& db);

}  // namespace amity::store
