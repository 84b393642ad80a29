#include "store/sync.h"

#include <map>

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kScanFeed[] =
    "SELECT seq, entity, record_id FROM changes WHERE seq > ? ORDER BY seq LIMIT ?";
constexpr char kEverShared[] =
    "SELECT 1 FROM changes WHERE entity = ? AND record_id = ? AND "
    "json_extract(after, '$.visibility') IN ('shared', 'public') LIMIT 1";
constexpr char kMovedOutOf[] =
    "SELECT 1 FROM changes WHERE entity = ? AND record_id = ? AND "
    "json_extract(before, '$.partnership_id') IN (SELECT value FROM json_each(?)) LIMIT 1";
constexpr char kLastChangeSeq[] = "SELECT IFNULL(MAX(seq), 0) FROM changes";
constexpr char kStateColumns[] =
    "SELECT peer_id, cursor, last_attempt_at, last_success_at, last_error, failures, "
    "next_attempt_at, applied FROM federation_sync";
constexpr char kSaveState[] =
    "INSERT INTO federation_sync (peer_id, cursor, last_attempt_at, last_success_at, last_error, "
    "failures, next_attempt_at, applied) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (peer_id) DO UPDATE SET cursor = excluded.cursor, "
    "last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at, "
    "last_error = excluded.last_error, failures = excluded.failures, "
    "next_attempt_at = excluded.next_attempt_at, applied = excluded.applied";
constexpr char kPutTombstone[] =
    "INSERT INTO federation_tombstones (entity, record_id, owner_instance_id, version, at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET version = "
    "MAX(version, excluded.version), at = excluded.at";
constexpr char kClearTombstone[] = "DELETE FROM federation_tombstones WHERE record_id = ?";
constexpr char kTombstoneVersion[] =
    "SELECT version FROM federation_tombstones WHERE record_id = ?";
constexpr char kPutHistory[] =
    "INSERT INTO commitment_history (id, commitment_id, kind, from_status, to_status, note, at, "
    "actor, instance_id, commitment_partnership_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, "
    "(SELECT partnership_id FROM commitments WHERE id = ?2)) ON CONFLICT (id) DO NOTHING";

std::optional<std::string> OptionalText(const Stmt& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.String(column);
}

SyncState ReadState(const Stmt& row) {
  return SyncState{.peer_id = row.String(0),
                   .cursor = row.Int(1),
                   .last_attempt_at = OptionalText(row, 2),
                   .last_success_at = OptionalText(row, 3),
                   .last_error = OptionalText(row, 4),
                   .failures = row.Int(5),
                   .next_attempt_at = OptionalText(row, 6),
                   .applied = row.Int(7)};
}

std::optional<std::string> StringOrNull(const json::object& entry, std::string_view key) {
  const json::value* value = entry.if_contains(key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->as_string());
}

}  // namespace

FeedScan ScanFeed(Db& db, long long after, int limit) {
  FeedScan scan;
  scan.next = after;
  Stmt select = db.Prepare(kScanFeed);
  select.Bind(1, after).Bind(2, limit + 1);
  std::map<std::string, size_t> slot;  // record id → its entry
  int read = 0;
  while (select.Step()) {
    if (read++ >= limit) {
      scan.has_more = true;
      break;
    }
    scan.next = select.Int(0);
    FeedEntry entry{select.Int(0), select.String(1), select.String(2)};
    if (auto found = slot.find(entry.record_id); found != slot.end()) {
      scan.entries[found->second].seq = -1;  // superseded by this later change
    }
    slot[entry.record_id] = scan.entries.size();
    scan.entries.push_back(std::move(entry));
  }
  std::erase_if(scan.entries, [](const FeedEntry& entry) { return entry.seq < 0; });
  return scan;
}

bool EverShared(Db& db, std::string_view entity, std::string_view id) {
  return db.Prepare(kEverShared).Bind(1, entity).Bind(2, id).Step();
}

namespace {

// The WHERE fragment (one `?` for the id) of a row of `spec` whose fields name record `target`.
std::string NamingCondition(const domain::ResourceSpec& spec, std::string_view target) {
  std::string condition;
  const auto add = [&](const std::string& sql) {
    condition += (condition.empty() ? "(" : " OR ") + sql;
  };
  for (const domain::FieldSpec& field : spec.fields) {
    const std::string column(field.name);
    if (field.type == domain::FieldType::kReference && field.references == target) {
      add(column + " = ?1");
    } else if (field.type == domain::FieldType::kReferenceList && field.references == target) {
      add("EXISTS (SELECT 1 FROM json_each(" + column + ") WHERE value = ?1)");
    } else if (field.type == domain::FieldType::kObjectList) {
      for (const domain::FieldSpec& member : field.members) {
        if (member.type == domain::FieldType::kReference && member.references == target) {
          add("EXISTS (SELECT 1 FROM json_each(" + column + ") WHERE json_extract(value, '$." +
              std::string(member.name) + "') = ?1)");
        }
      }
    }
  }
  return condition.empty() ? "" : condition + ")";
}

}  // namespace

bool NamedByPartnershipRecord(Db& db, const domain::ResourceSpec& target, std::string_view id,
                              const std::vector<std::string>& partnerships, int depth) {
  if (partnerships.empty()) return false;
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    const std::string naming = NamingCondition(*spec, target.name);
    if (naming.empty()) continue;
    const std::string_view column = domain::PartnershipColumn(*spec);
    std::string sql = "SELECT id FROM " + std::string(spec->name) +
                      " WHERE archived = 0 AND visibility IN ('shared', 'public') AND " + naming;
    if (!column.empty()) {
      sql += " AND " + std::string(column) + " IN (SELECT value FROM json_each(?2))";
    } else if (depth <= 0) {
      continue;
    }
    sql += " LIMIT 20";
    std::vector<std::string> namers;
    {
      Stmt select = db.Prepare(sql);
      select.Bind(1, id);
      if (!column.empty()) {
        json::array ids;
        for (const std::string& partnership : partnerships) ids.emplace_back(partnership);
        select.Bind(2, json::serialize(ids));
      }
      while (select.Step()) namers.push_back(select.String(0));
    }
    if (!column.empty() && !namers.empty()) return true;
    for (const std::string& namer : namers) {
      if (NamedByPartnershipRecord(db, *spec, namer, partnerships, depth - 1)) return true;
    }
  }
  return false;
}

bool MovedOutOf(Db& db, std::string_view entity, std::string_view id,
                const std::vector<std::string>& partnerships) {
  json::array ids;
  for (const std::string& partnership : partnerships) ids.emplace_back(partnership);
  return db.Prepare(kMovedOutOf).Bind(1, entity).Bind(2, id).Bind(3, json::serialize(ids)).Step();
}

long long LastChangeSeq(Db& db) {
  Stmt select = db.Prepare(kLastChangeSeq);
  select.Step();
  return select.Int(0);
}

SyncState GetSyncState(Db& db, std::string_view peer_id) {
  Stmt select = db.Prepare(std::string(kStateColumns) + " WHERE peer_id = ?");
  if (select.Bind(1, peer_id).Step()) return ReadState(select);
  SyncState fresh;
  fresh.peer_id = std::string(peer_id);
  return fresh;
}

void SaveSyncState(Db& db, const SyncState& state) {
  db.Prepare(kSaveState)
      .Bind(1, state.peer_id)
      .Bind(2, state.cursor)
      .Bind(3, state.last_attempt_at)
      .Bind(4, state.last_success_at)
      .Bind(5, state.last_error)
      .Bind(6, state.failures)
      .Bind(7, state.next_attempt_at)
      .Bind(8, state.applied)
      .Run();
}

std::vector<SyncState> ListSyncStates(Db& db) {
  Stmt select = db.Prepare(std::string(kStateColumns) + " ORDER BY peer_id");
  std::vector<SyncState> states;
  while (select.Step()) states.push_back(ReadState(select));
  return states;
}

void PutTombstone(Db& db, std::string_view entity, std::string_view id,
                  std::string_view owner_instance_id, long long version, std::string_view at) {
  db.Prepare(kPutTombstone)
      .Bind(1, entity)
      .Bind(2, id)
      .Bind(3, owner_instance_id)
      .Bind(4, version)
      .Bind(5, at)
      .Run();
}

void ClearTombstone(Db& db, std::string_view id) { db.Prepare(kClearTombstone).Bind(1, id).Run(); }

std::optional<long long> TombstoneVersion(Db& db, std::string_view id) {
  Stmt select = db.Prepare(kTombstoneVersion);
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return select.Int(0);
}

void PutReplicaHistory(Db& db, std::string_view commitment_id, const json::array& entries,
                       std::string_view owner_instance_id) {
  for (const json::value& value : entries) {
    const json::object& entry = value.as_object();
    db.Prepare(kPutHistory)
        .Bind(1, std::string_view(entry.at("id").as_string()))
        .Bind(2, commitment_id)
        .Bind(3, std::string_view(entry.at("kind").as_string()))
        .Bind(4, StringOrNull(entry, "from"))
        .Bind(5, StringOrNull(entry, "to"))
        .Bind(6, StringOrNull(entry, "note"))
        .Bind(7, std::string_view(entry.at("at").as_string()))
        .Bind(8, owner_instance_id)
        .Run();
  }
}

}  // namespace amity::store
