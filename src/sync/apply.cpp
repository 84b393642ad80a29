#include "sync/apply.h"

#include <stdexcept>
#include <utility>
#include <vector>

#include "base/id.h"
#include "domain/files.h"
#include "domain/resources.h"
#include "store/records.h"
#include "store/replica_files.h"
#include "store/sync.h"

namespace amity::sync {
namespace json = boost::json;

namespace {

[[noreturn]] void Garbage(const std::string& what) {
  throw std::runtime_error("not a feed page: " + what);
}

const json::value& Member(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr) Garbage("no " + std::string(key));
  return *value;
}

std::string StringOf(const json::object& object, std::string_view key) {
  const json::value& value = Member(object, key);
  if (!value.is_string()) Garbage(std::string(key) + " is not a string");
  return std::string(value.as_string());
}

long long IntOf(const json::object& object, std::string_view key) {
  const json::value& value = Member(object, key);
  if (!value.is_int64() || value.as_int64() < 0) Garbage(std::string(key) + " is not a count");
  return value.as_int64();
}

// The files of an upsert item, checked: each names a well-formed file whose blob is held here.
std::vector<store::FileRow> FilesOf(const json::value& value, const files::BlobStore& blobs) {
  if (!value.is_array()) Garbage("files is not a list");
  std::vector<store::FileRow> files;
  for (const json::value& entry : value.as_array()) {
    if (!entry.is_object()) Garbage("a file is not an object");
    const json::object& file = entry.as_object();
    store::FileRow row{.id = StringOf(file, "id"),
                       .created_at = StringOf(file, "created_at"),
                       .name = StringOf(file, "name"),
                       .media_type = StringOf(file, "media_type"),
                       .size = IntOf(file, "size"),
                       .sha256 = StringOf(file, "sha256")};
    if (!IsUuid(row.id)) Garbage("a file's id is not a UUID");
    if (!domain::CheckFileName(row.name, "name").empty()) Garbage("a file's name is not valid");
    if (row.media_type.empty() || row.media_type.find('/') == std::string::npos) {
      Garbage("a file's media_type is not a media type");
    }
    if (!ParseInstant(row.created_at)) Garbage("a file's created_at is not an instant");
    if (row.size <= 0 || !files::IsSha256Hex(row.sha256)) Garbage("a file's size or sha256");
    if (const json::value* milestone = file.if_contains("milestone");
        milestone != nullptr && !milestone->is_null()) {
      if (!milestone->is_string()) Garbage("a file's milestone is not a string");
      row.milestone = std::string(milestone->as_string());
    }
    if (!blobs.Has(row.sha256)) {
      throw std::runtime_error("the blob of file " + row.id + " is not here (yet)");
    }
    files.push_back(std::move(row));
  }
  return files;
}

// Writes one upsert; true when it changed something.
bool Upsert(store::Db& db, const domain::ResourceSpec& spec, const std::string& id,
            long long version, const json::object& item, const std::string& own_instance_id,
            Instant now, const files::BlobStore& blobs) {
  const json::value& value = Member(item, "record");
  if (!value.is_object()) Garbage("record is not an object");
  const json::object& record = value.as_object();
  if (StringOf(record, "id") != id || IntOf(record, "version") != version) {
    Garbage("the record's id or version differs from the item's");
  }
  const std::string owner = StringOf(record, "instance_id");
  if (!IsUuid(owner)) Garbage("instance_id is not a UUID");
  if (owner == own_instance_id) return false;  // our own record, named by the peer's
  if (const auto tombstone = store::TombstoneVersion(db, id); tombstone && *tombstone >= version) {
    return false;  // withdrawn after this version
  }
  store::WriteContext context{.actor = "federation", .now = now, .instance_id = owner};
  bool changed = store::PutReplica(db, spec, record, context);
  if (changed) store::ClearTombstone(db, id);
  if (const json::value* history = item.if_contains("history")) {
    if (!history->is_array()) Garbage("history is not a list");
    const std::optional<json::object> held = store::GetRecord(db, spec, id);
    if (held && store::StringMember(*held, "instance_id") == owner) {
      store::PutReplicaHistory(db, id, history->as_array(), owner);
    }
  }
  // The files as the owner holds them now: also when the record itself did not change (a file
  // added or removed leaves the record's version as it was).
  if (const json::value* files = item.if_contains("files")) {
    const std::vector<store::FileRow> rows = FilesOf(*files, blobs);
    const std::optional<json::object> held = store::GetRecord(db, spec, id);
    if (held && store::StringMember(*held, "instance_id") == owner &&
        store::PutReplicaFiles(db, spec.name, id, owner, rows)) {
      changed = true;
    }
  }
  return changed;
}

}  // namespace

Applied ApplyFeedPage(store::Db& db, const store::Peer& peer, const std::string& own_instance_id,
                      long long cursor, const json::value& page, Instant now,
                      const files::BlobStore& blobs) {
  if (!page.is_object()) Garbage("not an object");
  const json::object& body = page.as_object();
  if (StringOf(body, "instance_id") != peer.instance_id) Garbage("another instance's feed");
  Applied applied;
  applied.next = IntOf(body, "next");
  if (applied.next < cursor) Garbage("the cursor went back");
  const json::value& more = Member(body, "has_more");
  if (!more.is_bool()) Garbage("has_more is not a boolean");
  applied.has_more = more.as_bool();
  const json::value& items = Member(body, "items");
  if (!items.is_array()) Garbage("items is not a list");
  const std::string at = FormatInstant(now);
  store::Tx tx(db);
  for (const json::value& value : items.as_array()) {
    if (!value.is_object()) Garbage("an item is not an object");
    const json::object& item = value.as_object();
    const std::string entity = StringOf(item, "entity");
    const domain::ResourceSpec* spec = domain::FindResource(entity);
    if (spec == nullptr) Garbage("unknown entity " + entity);
    const std::string id = StringOf(item, "id");
    if (!IsUuid(id)) Garbage("an id is not a UUID");
    const long long version = IntOf(item, "version");
    const std::string op = StringOf(item, "op");
    if (op == "upsert") {
      if (Upsert(db, *spec, id, version, item, own_instance_id, now, blobs)) ++applied.records;
    } else if (op == "tombstone") {
      std::vector<std::pair<std::string, std::string>> deleted;
      try {
        store::Tx only_this(db);  // a savepoint: a refused delete leaves the rest of the page
        deleted = store::DeleteReplica(db, *spec, id, own_instance_id);
        only_this.Commit();
      } catch (const store::DbError&) {
        // A record of this server still needs it (a required reference): it stays, archived.
        store::ArchiveReplica(db, *spec, id, own_instance_id);
        deleted = {{entity, id}};
      }
      for (const auto& [gone_entity, gone_id] : deleted) {
        store::PutTombstone(db, gone_entity, gone_id, peer.instance_id, version, at);
        store::DeleteReplicaFiles(db, gone_id, peer.instance_id);  // their blobs: for the sweep
      }
      // Withdrawn before it came here: the tombstone keeps a late upsert out.
      if (deleted.empty() && !store::GetRecord(db, *spec, id)) {
        store::PutTombstone(db, entity, id, peer.instance_id, version, at);
      }
      applied.records += static_cast<long long>(deleted.size());
    } else {
      Garbage("unknown op " + op);
    }
  }
  store::SyncState state = store::GetSyncState(db, peer.id);
  state.cursor = applied.next;
  state.applied += applied.records;
  store::SaveSyncState(db, state);
  tx.Commit();
  return applied;
}

}  // namespace amity::sync
