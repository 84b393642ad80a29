// The change trail: one row per create, update, archive and transition of a record.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "store/db.h"
#include "store/records.h"

namespace amity::store {

// Appends a change row. `before` / `after` hold the changed fields (null for none).
void RecordChange(Db& db, std::string_view entity, std::string_view record_id, long long version,
                  std::string_view op, const WriteContext& context,
                  const boost::json::value& before, const boost::json::value& after);

struct ChangeQuery {
  std::optional<std::string> entity;
  std::optional<std::string> record_id;
  std::optional<std::string> actor;   // e-mail address of the user who made the change
  std::optional<std::string> op;      // create, update, archive, transition
  std::optional<std::string> since;   // UTC instant text, inclusive
  std::optional<std::string> until;   // exclusive
  std::optional<long long> from_seq;  // only changes from this one on (see LastWidening)
  // Only changes that set this field (a column name the caller trusts): updates whose `after`
  // holds it, and the create when it gave the field a value (not null).
  std::optional<std::string> field;
  std::optional<long long> version;  // only the change that made this version of the record
  // The feed: changes after this sequence number, oldest first (offset unused). Each page costs
  // what the first does, however far into the feed (a range of the table's own key).
  std::optional<long long> after_seq;
  // Only changes before this sequence number (a keyset: the next batch of an export).
  std::optional<long long> before_seq;
  int limit = 50;
  int offset = 0;
};

// Changes matching `query`, newest first (or with `after_seq` oldest first). The total is given
// when the matches end within 100 entries past the page, and not counted otherwise (null);
// PageInfo::next is unused: the feed continues after the last entry's seq.
Page ListChanges(Db& db, const ChangeQuery& query);

// The WHERE condition (on a row of `changes`) of a change that widened who sees its record: an
// update that made it less private (private → shared or public, shared → public) or moved it to
// another partnership. Before such a change the record may have held what its new audience was
// not meant to read.
inline constexpr char kWideningChangeSql[] =
    "op = 'update' AND (json_extract(before, '$.visibility') = 'private' OR "
    "json_extract(after, '$.visibility') = 'public' OR "
    "json_type(after, '$.partnership_id') IS NOT NULL)";

// The last change that widened who sees record `record_id` of `entity` (kWideningChangeSql), or
// nullopt when none did (the record has been seen by the same audience since it was created).
struct ChangeMark {
  long long seq = 0;
  std::string at;  // UTC instant text
};
std::optional<ChangeMark> LastWidening(Db& db, std::string_view entity, std::string_view record_id);

}  // namespace amity::store
