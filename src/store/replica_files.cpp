#include "store/replica_files.h"

#include <algorithm>

#include "store/search_index.h"

namespace amity::store {
namespace {

constexpr char kSharedFilesWithBlob[] =
    "SELECT id FROM files WHERE sha256 = ? AND archived = 0 AND personal_data = 0 "
    "ORDER BY created_at, id";
constexpr char kInsertReplicaFile[] =
    "INSERT INTO files (id, version, created_at, updated_at, instance_id, archived, holder, "
    "holder_id, milestone, name, media_type, size, sha256, personal_data, created_by) "
    "VALUES (?, 1, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, 'federation') "
    "ON CONFLICT (id) DO NOTHING";
constexpr char kOwnersFiles[] = "SELECT id FROM files WHERE holder_id = ? AND instance_id = ?";
constexpr char kDeleteFile[] = "DELETE FROM files WHERE id = ?";

std::vector<std::string> OwnersFileIds(Db& db, std::string_view holder_id, std::string_view owner) {
  Stmt select = db.Prepare(kOwnersFiles);
  select.Bind(1, holder_id).Bind(2, owner);
  std::vector<std::string> ids;
  while (select.Step()) ids.push_back(select.String(0));
  return ids;
}

void DeleteFileRow(Db& db, const std::string& id) {
  db.Prepare(kDeleteFile).Bind(1, id).Run();
  UnindexRecord(db, id);
}

}  // namespace

std::vector<FileRow> SharedFilesWithBlob(Db& db, std::string_view sha256) {
  std::vector<std::string> ids;
  {
    Stmt select = db.Prepare(kSharedFilesWithBlob);
    select.Bind(1, sha256);
    while (select.Step()) ids.push_back(select.String(0));
  }
  std::vector<FileRow> files;
  for (const std::string& id : ids) {
    if (auto file = GetFile(db, id)) files.push_back(std::move(*file));
  }
  return files;
}

bool PutReplicaFiles(Db& db, std::string_view holder, std::string_view holder_id,
                     std::string_view owner, const std::vector<FileRow>& files) {
  bool changed = false;
  for (const std::string& id : OwnersFileIds(db, holder_id, owner)) {
    const bool listed =
        std::any_of(files.begin(), files.end(), [&](const FileRow& file) { return file.id == id; });
    if (!listed) {
      DeleteFileRow(db, id);
      changed = true;
    }
  }
  for (const FileRow& file : files) {
    db.Prepare(kInsertReplicaFile)
        .Bind(1, file.id)
        .Bind(2, file.created_at)
        .Bind(3, file.created_at)
        .Bind(4, owner)
        .Bind(5, holder)
        .Bind(6, holder_id)
        .Bind(7, file.milestone)
        .Bind(8, file.name)
        .Bind(9, file.media_type)
        .Bind(10, file.size)
        .Bind(11, file.sha256)
        .Run();
    if (sqlite3_changes(db.handle()) == 0) continue;  // held already
    FileRow inserted = file;
    inserted.instance_id = std::string(owner);
    IndexFile(db, inserted, /*new_record=*/true);
    changed = true;
  }
  return changed;
}

int DeleteReplicaFiles(Db& db, std::string_view holder_id, std::string_view owner) {
  const std::vector<std::string> ids = OwnersFileIds(db, holder_id, owner);
  for (const std::string& id : ids) DeleteFileRow(db, id);
  return static_cast<int>(ids.size());
}

}  // namespace amity::store
