#include "store/files.h"

#include <boost/json.hpp>

#include "store/changes.h"
#include "store/search_index.h"

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kFileColumns[] =
    "id, version, created_at, updated_at, instance_id, archived, holder, holder_id, milestone, "
    "name, media_type, size, sha256, personal_data, created_by";
// A file row as read: its columns, and its thumbnail from blob_derivatives (null when none).
constexpr char kSelectFile[] =
    "SELECT f.id, f.version, f.created_at, f.updated_at, f.instance_id, f.archived, f.holder, "
    "f.holder_id, f.milestone, f.name, f.media_type, f.size, f.sha256, f.personal_data, "
    "f.created_by, d.thumbnail FROM files f LEFT JOIN blob_derivatives d ON d.sha256 = f.sha256 ";
constexpr char kUploadColumns[] =
    "id, caller, holder, holder_id, milestone, name, length, personal_data, created_at, "
    "expires_at, file_id";

std::optional<std::string> OptionalText(const Stmt& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return std::string(row.Text(column));
}

FileRow ReadFile(const Stmt& row) {
  return FileRow{.id = std::string(row.Text(0)),
                 .version = row.Int(1),
                 .created_at = std::string(row.Text(2)),
                 .updated_at = std::string(row.Text(3)),
                 .instance_id = std::string(row.Text(4)),
                 .archived = row.Int(5) != 0,
                 .holder = std::string(row.Text(6)),
                 .holder_id = std::string(row.Text(7)),
                 .milestone = OptionalText(row, 8),
                 .name = std::string(row.Text(9)),
                 .media_type = std::string(row.Text(10)),
                 .size = row.Int(11),
                 .sha256 = std::string(row.Text(12)),
                 .personal_data = row.Int(13) != 0,
                 .created_by = std::string(row.Text(14)),
                 .thumbnail = OptionalText(row, 15)};
}

UploadRow ReadUpload(const Stmt& row) {
  return UploadRow{.id = std::string(row.Text(0)),
                   .caller = std::string(row.Text(1)),
                   .holder = std::string(row.Text(2)),
                   .holder_id = std::string(row.Text(3)),
                   .milestone = OptionalText(row, 4),
                   .name = std::string(row.Text(5)),
                   .length = row.Int(6),
                   .personal_data = row.Int(7) != 0,
                   .created_at = std::string(row.Text(8)),
                   .expires_at = std::string(row.Text(9)),
                   .file_id = OptionalText(row, 10)};
}

// What the change trail keeps of a file: where it is and what it is, not its bytes.
json::object ChangeValue(const FileRow& file) {
  json::object value{{"holder", file.holder},
                     {"holder_id", file.holder_id},
                     {"name", file.name},
                     {"media_type", file.media_type},
                     {"size", file.size},
                     {"sha256", file.sha256},
                     {"personal_data", file.personal_data}};
  if (file.milestone) value["milestone"] = *file.milestone;
  return value;
}

}  // namespace

void IndexFile(Db& db, const FileRow& file, bool new_record, const FoldedText* folded) {
  if (file.archived || file.personal_data) {
    if (!new_record) UnindexRecord(db, file.id);
    return;
  }
  std::optional<FoldedText> own;
  if (folded == nullptr) {
    if (const auto text = BlobText(db, file.sha256)) own = FoldText(db, *text);
    folded = own ? &*own : nullptr;
  }
  IndexFileText(db, file.id, file.name, folded, new_record);
}

void InsertUpload(Db& db, const UploadRow& upload) {
  db.Prepare(std::string("INSERT INTO uploads (") + kUploadColumns +
             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, upload.id)
      .Bind(2, upload.caller)
      .Bind(3, upload.holder)
      .Bind(4, upload.holder_id)
      .Bind(5, upload.milestone)
      .Bind(6, upload.name)
      .Bind(7, upload.length)
      .Bind(8, upload.personal_data ? 1 : 0)
      .Bind(9, upload.created_at)
      .Bind(10, upload.expires_at)
      .Bind(11, upload.file_id)
      .Run();
}

std::optional<UploadRow> GetUpload(Db& db, std::string_view id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kUploadColumns + " FROM uploads WHERE id = ?");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return ReadUpload(select);
}

void DeleteUpload(Db& db, std::string_view id) {
  db.Prepare("DELETE FROM uploads WHERE id = ?").Bind(1, id).Run();
}

void FinishUploadRow(Db& db, std::string_view id, std::string_view file_id) {
  db.Prepare("UPDATE uploads SET file_id = ? WHERE id = ?").Bind(1, file_id).Bind(2, id).Run();
}

std::vector<UploadRow> ExpiredUploads(Db& db, std::string_view now) {
  Stmt select =
      db.Prepare(std::string("SELECT ") + kUploadColumns + " FROM uploads WHERE expires_at < ?");
  select.Bind(1, now);
  std::vector<UploadRow> uploads;
  while (select.Step()) uploads.push_back(ReadUpload(select));
  return uploads;
}

bool UploadExists(Db& db, std::string_view id) {
  return db.Prepare("SELECT 1 FROM uploads WHERE id = ?").Bind(1, id).Step();
}

void InsertFile(Db& db, const FileRow& file, const WriteContext& write) {
  db.Prepare(std::string("INSERT INTO files (") + kFileColumns +
             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, file.id)
      .Bind(2, file.version)
      .Bind(3, file.created_at)
      .Bind(4, file.updated_at)
      .Bind(5, file.instance_id)
      .Bind(6, file.archived ? 1 : 0)
      .Bind(7, file.holder)
      .Bind(8, file.holder_id)
      .Bind(9, file.milestone)
      .Bind(10, file.name)
      .Bind(11, file.media_type)
      .Bind(12, file.size)
      .Bind(13, file.sha256)
      .Bind(14, file.personal_data ? 1 : 0)
      .Bind(15, file.created_by)
      .Run();
  RecordChange(db, "files", file.id, file.version, "create", write, nullptr, ChangeValue(file));
  IndexFile(db, file, /*new_record=*/true);
}

std::optional<FileRow> GetFile(Db& db, std::string_view id) {
  Stmt select = db.Prepare(std::string(kSelectFile) + "WHERE f.id = ?");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return ReadFile(select);
}

std::vector<FileRow> ListFiles(Db& db, std::string_view holder_id) {
  Stmt select = db.Prepare(std::string(kSelectFile) +
                           "WHERE f.holder_id = ? AND f.archived = 0 ORDER BY f.created_at, f.id");
  select.Bind(1, holder_id);
  std::vector<FileRow> files;
  while (select.Step()) files.push_back(ReadFile(select));
  return files;
}

bool ArchiveFile(Db& db, const FileRow& file, const WriteContext& write) {
  const std::string now = FormatInstant(write.now);
  Stmt update = db.Prepare(
      "UPDATE files SET archived = 1, version = version + 1, updated_at = ? "
      "WHERE id = ? AND archived = 0 RETURNING version");
  if (!update.Bind(1, now).Bind(2, file.id).Step()) return false;
  const long long version = update.Int(0);
  update.Step();  // finishes the statement
  RecordChange(db, "files", file.id, version, "archive", write, json::object{{"archived", false}},
               json::object{{"archived", true}});
  UnindexRecord(db, file.id);
  return true;
}

// Blobs named by a file, and the thumbnails made of those.
constexpr char kReferencedBlobs[] =
    "SELECT sha256 FROM files UNION "
    "SELECT d.thumbnail FROM blob_derivatives d "
    "WHERE d.thumbnail IS NOT NULL AND EXISTS (SELECT 1 FROM files f WHERE f.sha256 = d.sha256)";

void ForEachReferencedBlob(Db& db, const std::function<void(std::string_view)>& visit) {
  Stmt select = db.Prepare(kReferencedBlobs);
  while (select.Step()) visit(select.Text(0));
}

// The oldest live file's blob that has no derivatives row (files_sha256 finds the row per file).
constexpr char kNextPending[] =
    "SELECT f.sha256, f.media_type FROM files f WHERE f.archived = 0 AND NOT EXISTS "
    "(SELECT 1 FROM blob_derivatives d WHERE d.sha256 = f.sha256) "
    "ORDER BY f.created_at, f.id LIMIT 1";
constexpr char kBeginDerivatives[] =
    "INSERT INTO blob_derivatives (sha256, state, made_at) VALUES (?, 'working', ?) "
    "ON CONFLICT (sha256) DO UPDATE SET state = 'working', made_at = excluded.made_at";
constexpr char kFailInterrupted[] =
    "UPDATE blob_derivatives SET state = 'failed' WHERE state = 'working'";
constexpr char kSaveDerivatives[] =
    "INSERT INTO blob_derivatives (sha256, state, thumbnail, text, made_at) "
    "VALUES (?, 'done', ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET state = 'done', "
    "thumbnail = excluded.thumbnail, text = excluded.text, made_at = excluded.made_at";
constexpr char kBlobText[] =
    "SELECT text FROM blob_derivatives WHERE sha256 = ? AND text IS NOT NULL";
constexpr char kDeleteUnreferencedDerivatives[] =
    "DELETE FROM blob_derivatives AS d WHERE NOT EXISTS "
    "(SELECT 1 FROM files f WHERE f.sha256 = d.sha256)";

std::optional<PendingBlob> NextBlobWithoutDerivatives(Db& db) {
  Stmt select = db.Prepare(kNextPending);
  if (!select.Step()) return std::nullopt;
  return PendingBlob{std::string(select.Text(0)), std::string(select.Text(1))};
}

void BeginDerivatives(Db& db, std::string_view sha256, std::string_view now) {
  db.Prepare(kBeginDerivatives).Bind(1, sha256).Bind(2, now).Run();
}

int FailInterruptedDerivatives(Db& db) {
  db.Prepare(kFailInterrupted).Run();
  return sqlite3_changes(db.handle());
}

void SaveDerivatives(Db& db, std::string_view sha256, const std::optional<std::string>& thumbnail,
                     const std::optional<std::string>& text, std::string_view now,
                     const FoldedText* folded) {
  db.Prepare(kSaveDerivatives).Bind(1, sha256).Bind(2, thumbnail).Bind(3, text).Bind(4, now).Run();
  Stmt select = db.Prepare(std::string(kSelectFile) + "WHERE f.sha256 = ? AND f.archived = 0");
  select.Bind(1, sha256);
  std::vector<FileRow> files;
  while (select.Step()) files.push_back(ReadFile(select));
  std::optional<FoldedText> own;
  if (text && folded == nullptr) own = FoldText(db, *text);
  if (own) folded = &*own;
  for (const FileRow& file : files) {
    IndexFile(db, file, /*new_record=*/false, text ? folded : nullptr);
  }
}

std::optional<std::string> BlobText(Db& db, std::string_view sha256) {
  Stmt select = db.Prepare(kBlobText);
  if (!select.Bind(1, sha256).Step()) return std::nullopt;
  return std::string(select.Text(0));
}

int DeleteUnreferencedDerivatives(Db& db) {
  db.Prepare(kDeleteUnreferencedDerivatives).Run();
  return sqlite3_changes(db.handle());
}

long long IndexAllFiles(Db& db) {
  Stmt select = db.Prepare(std::string(kSelectFile) + "WHERE f.archived = 0 ORDER BY f.rowid");
  std::vector<FileRow> files;
  while (select.Step()) files.push_back(ReadFile(select));
  for (const FileRow& file : files) IndexFile(db, file, /*new_record=*/true);
  return static_cast<long long>(files.size());
}

}  // namespace amity::store
