// Records of every resource in domain/resources.h, read and written through one generic path:
// the resource's fields are the table's columns, JSON-valued fields are stored as JSON text.
// Values passed in are already validated by the API layer; the database still enforces
// NOT NULL, CHECK and foreign keys. Write functions expect to run inside a Tx and record one row
// in the change trail.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/time.h"
#include "domain/resources.h"
#include "store/db.h"

namespace amity::store {

// Who writes and when; carried into updated_at and the change trail.
struct WriteContext {
  std::string actor;
  Instant now;
  std::string instance_id;
};

// One condition of a list query: `sql` is a WHERE fragment with `?` placeholders bound to
// `params` in order, e.g. {"status IN (?, ?)", {"agreed", "planned"}}.
struct Condition {
  std::string sql;
  std::vector<std::string> params;
  // Matches few rows (an id or a date): the list then tells SQLite that `archived = 0` keeps
  // nearly every row, so that it reads this condition's index rather than walking the sort
  // order's. The statistics of a bounded ANALYZE take the `archived` column for selective.
  bool selective = false;
};

// Where a page starts: just after the record whose sort column holds `value` (nullopt: NULL)
// and whose id is `id`, in the list's order (sort column, then id). Taken from the last record
// of the page before (PageInfo::next), so that records written meanwhile neither repeat nor
// skip a record on the way (keyset paging).
struct ListCursor {
  std::optional<std::string> value;
  std::string id;
};

struct ListQuery {
  std::vector<Condition> conditions;
  std::string sort_column = "created_at";  // must be a column of the table
  bool descending = true;
  // The sort as the caller named it, which its cursors carry (empty: sort_column, with "-" when
  // descending); it differs when a filter makes another column give the same order.
  std::string sort_key;
  int limit = 50;
  int offset = 0;  // only without `after`
  std::optional<ListCursor> after;
  bool include_archived = false;
  // false when the caller knows how many match (the dashboard's overdue list, from its counts):
  // reads only the page, and the total returned is only what the page query read.
  bool count_total = true;
  // false for a bulk read (an export) that would only push out of the record cache what other
  // requests read again: its records are read from the table and not kept.
  bool use_cache = true;
};

// What a list page says besides its records. `total` is every matching record: known when the
// query has no condition (kept counts, see record_counts in schema.sql) or when the matches end
// within 100 records past the page (read with it); nullopt otherwise, rather than counting every
// match. `next` starts the page after, when `has_more`.
struct PageInfo {
  std::optional<long long> total;
  bool has_more = false;
  std::optional<ListCursor> next;
};

struct Page {
  boost::json::array items;
  PageInfo info;
};

// The string value of `key` in `object` (a record, a translatable text, a request body), or ""
// when the key is absent or not a string.
std::string StringMember(const boost::json::object& object, std::string_view key);

// Returns the record with `id` (archived or not) as a JSON object, or nullopt when absent.
std::optional<boost::json::object> GetRecord(Db& db, const domain::ResourceSpec& spec,
                                             std::string_view id);

// Returns one page of records matching `query`, ordered by the sort column then id, and the
// number of all matching records.
Page ListRecords(Db& db, const domain::ResourceSpec& spec, const ListQuery& query);

// The same page written straight to JSON text (the hot read path: no JSON tree is built).
struct TextPage {
  std::string items_json;  // a JSON array of records
  PageInfo info;
};
TextPage ListRecordsJson(Db& db, const domain::ResourceSpec& spec, const ListQuery& query);
// The same page appended to `out` (no copy of it).
PageInfo AppendRecordsJson(Db& db, const domain::ResourceSpec& spec, const ListQuery& query,
                           std::string& out);

// The statements that read a page of `query` (selecting `columns`), to run in order until the
// page is full; each ends with "LIMIT ? OFFSET ?", bound after `params` (with `offset`). Public
// for the plan tests, which check that every list's statements read an index.
struct PageStatement {
  std::string sql;
  std::vector<std::string> params;
  int offset = 0;
};
std::vector<PageStatement> PageStatements(const domain::ResourceSpec& spec, const ListQuery& query,
                                          const std::string& columns);

// The records of `spec` kept in its counts (record_counts): live ones, or with `include_archived`
// every one. Reads one or two rows whatever the table's size.
long long CountRecords(Db& db, const domain::ResourceSpec& spec, bool include_archived);

// Every record `query` matches, counted one by one (its paging ignored): for the few callers that
// need an exact total where PageInfo has none, on tables that stay small (partnerships).
long long CountMatching(Db& db, const domain::ResourceSpec& spec, const ListQuery& query);

// One record as JSON text with its version; nullopt when absent.
struct RecordJson {
  std::string json;
  long long version = 0;
  bool archived = false;
};
std::optional<RecordJson> GetRecordJson(Db& db, const domain::ResourceSpec& spec,
                                        std::string_view id);

// Appends the record at the current row of `stmt` (selected with every column of the table in
// the resource's order) as JSON: id, the fields in declaration order, for time-zoned records a
// "…_local" rendering of each "…_at" instant, then version, created_at, updated_at,
// instance_id, archived. Every record the API shows is written by this function.
void AppendRecordJson(const Stmt& stmt, const domain::ResourceSpec& spec, std::string& out);

// True when `table` holds a record with `id` that is not archived and, when `visible` is given,
// that matches it (a condition on the table's columns, see api/access.h).
bool IsLiveRecord(Db& db, std::string_view table, std::string_view id,
                  const Condition* visible = nullptr);

// Those of `ids` (records of `table`, archived or not) that match `visible`, in one query.
std::vector<std::string> MatchingIds(Db& db, std::string_view table,
                                     const std::vector<std::string>& ids, const Condition& visible);

// Inserts a new record with `fields` (field name → validated value; absent fields take their
// defaults) and records a "create" change. Returns the stored record; `stored`, when given,
// receives it as JSON text too (what GetRecordJson returns), so that a caller answering with it
// does not read it again.
boost::json::object InsertRecord(Db& db, const domain::ResourceSpec& spec,
                                 const boost::json::object& fields, const WriteContext& context,
                                 RecordJson* stored = nullptr);

// Applies `changes` (field name → new value, null clears) to `current` (as returned by
// GetRecord), bumps the version and records an "update" change holding only the fields whose
// values differ. Returns the stored record. Precondition: the caller checked the version.
boost::json::object UpdateRecord(Db& db, const domain::ResourceSpec& spec,
                                 const boost::json::object& current,
                                 const boost::json::object& changes, const WriteContext& context,
                                 std::string_view op = "update");

// Marks the record archived (bumping its version) and records an "archive" change.
void ArchiveRecord(Db& db, const domain::ResourceSpec& spec, const boost::json::object& current,
                   const WriteContext& context);

// Replicas (docs/FEDERATION.md, "Sync"): records owned by another instance, held here as its
// change feed gave them. The feed's `record` carries id, the fields, version, created_at,
// updated_at and instance_id (the owner); `context.instance_id` names the owner in the change
// trail. Writes the record (new, or a newer version of a replica of the same owner) with a
// "create" or "update" change and its search entry; returns false and changes nothing when the
// local copy is as new or newer, or when a local row with that id has another owner. Throws
// (DbError, json errors) on content the table refuses: the caller's Tx rolls back.
bool PutReplica(Db& db, const domain::ResourceSpec& spec, const boost::json::object& record,
                const WriteContext& context);

// Deletes the replica `id` of `spec` (no-op when absent or owned by `local_instance_id`): its
// search entry, its commitment history and, for records of the same owner that need it (a
// required reference), those records too; optional references to it are cleared. When a record
// of another owner (this server's own) still needs it, it is archived instead (ArchiveReplica).
// Returns the (resource, id) of each record withdrawn, the record first.
// Marks the replica `id` of `spec` archived without deleting it (when a record of this server
// still needs it, e.g. a local commitment in a withdrawn partnership); no-op for local records.
void ArchiveReplica(Db& db, const domain::ResourceSpec& spec, std::string_view id,
                    std::string_view local_instance_id);

std::vector<std::pair<std::string, std::string>> DeleteReplica(Db& db,
                                                               const domain::ResourceSpec& spec,
                                                               std::string_view id,
                                                               std::string_view local_instance_id);

}  // namespace amity::store
