// Synchronisation's tables (migration 0031): the owner's side reads its change feed for a peer
// (ScanFeed, EverShared); the pulling side keeps its cursor and the last pulls' outcome per
// peer (SyncState), the tombstones of withdrawn records and the commitment history of replicas.
// Replicas themselves are written by store/records.h (PutReplica, DeleteReplica).
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/resources.h"
#include "store/db.h"

namespace amity::store {

// One change of the feed: the last change of its record within the page scanned.
struct FeedEntry {
  long long seq = 0;
  std::string entity;
  std::string record_id;
};

struct FeedScan {
  std::vector<FeedEntry> entries;  // oldest first, one per record
  long long next = 0;              // the last sequence scanned: the cursor to continue from
  bool has_more = false;
};

// The changes after sequence `after` (at most `limit` of them, every entity), one entry per
// record; `next` is `after` when there are none.
FeedScan ScanFeed(Db& db, long long after, int limit);

// True when a change of record `id` of `entity` ever left it shared or public: its withdrawal
// is then told to peers as a tombstone (a record never shared is never named).
bool EverShared(Db& db, std::string_view entity, std::string_view id);

// True when record `id` of `target` (a resource outside any partnership: a city, an
// organization, a person) is named by a live shared or public record of one of `partnerships`
// (a reference, a list of references or an object list's reference member), directly or
// through up to `depth` shared or public records outside any partnership that are (a person's
// organization, an organization's city).
bool NamedByPartnershipRecord(Db& db, const domain::ResourceSpec& target, std::string_view id,
                              const std::vector<std::string>& partnerships, int depth = 2);

// True when a change moved record `id` of `entity` out of one of `partnerships` (its `before`
// names that partnership_id): its withdrawal concerns the peers bound to it.
bool MovedOutOf(Db& db, std::string_view entity, std::string_view id,
                const std::vector<std::string>& partnerships);

// The last sequence of the change trail (0 when empty).
long long LastChangeSeq(Db& db);

// The pulling side's state for one peer.
struct SyncState {
  std::string peer_id;
  long long cursor = 0;  // the last sequence of the peer's feed applied here
  std::optional<std::string> last_attempt_at;
  std::optional<std::string> last_success_at;
  std::optional<std::string> last_error;
  long long failures = 0;  // consecutive failed pulls
  std::optional<std::string> next_attempt_at;
  long long applied = 0;  // records and tombstones applied in all
};

// The state for `peer_id` (a fresh one when none was saved).
SyncState GetSyncState(Db& db, std::string_view peer_id);
void SaveSyncState(Db& db, const SyncState& state);
// Every saved state.
std::vector<SyncState> ListSyncStates(Db& db);

// Records that `entity` `id` of `owner_instance_id` was withdrawn at `version`.
void PutTombstone(Db& db, std::string_view entity, std::string_view id,
                  std::string_view owner_instance_id, long long version, std::string_view at);
// Forgets a tombstone (the record was shared again).
void ClearTombstone(Db& db, std::string_view id);
// The version a tombstone holds for `id`, or nullopt.
std::optional<long long> TombstoneVersion(Db& db, std::string_view id);

// Adds the entries of a replica's commitment history the owner's feed carried (objects with
// id, kind, from, to, note, at) that are not here yet; the actor is the owner instance.
void PutReplicaHistory(Db& db, std::string_view commitment_id, const boost::json::array& entries,
                       std::string_view owner_instance_id);

}  // namespace amity::store
