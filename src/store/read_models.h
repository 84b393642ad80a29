// Read models built from several tables: a partnership's health summary for the dashboard and
// its timeline.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "store/db.h"
#include "store/records.h"

namespace amity::store {

// The WHERE condition of an open commitment (domain::IsOpenStatus in SQL): every status but the
// two final ones, which the column's CHECK makes equivalent. Two values, so SQLite compares them
// in place instead of probing a temporary b-tree per row as it does for longer IN lists.
inline constexpr char kOpenCommitmentSql[] = "status NOT IN ('done', 'dropped')";

// Live commitments counted by area and status, each with how many are due before `today`: one
// scan of a covering index, from which every dashboard figure below is derived.
struct CommitmentCount {
  std::string area;
  std::string status;
  long long count = 0;
  long long due_before_today = 0;
  // What the status means for the figures, worked out once per group rather than per use.
  bool open = false;      // domain::IsOpenStatus
  bool done = false;      // status "done"
  bool proposed = false;  // status "proposed" (has not left it)
};
// In area, then status order.
using CommitmentCounts = std::vector<CommitmentCount>;
// Over every live commitment, or one partnership's when `partnership_id` is given. `visible`,
// when given, narrows every commitment, meeting and event counted or listed here and below to
// the rows it allows (a condition on `visibility` and `partnership_id`, see api/access.h).
// The result is kept on `db` until anything is committed to the database (Db::Stamp), so a
// dashboard asked for again between writes does not count again.
CommitmentCounts CountCommitments(Db& db, const std::optional<std::string>& partnership_id,
                                  Date today, const Condition* visible = nullptr);

// The country (ISO 3166-1 alpha-2) of city `id`; nullopt when there is no such city.
std::optional<std::string> CityCountry(Db& db, std::string_view id);

// How many of the partnership's live commitments `counts` (CountCommitments', with the same
// `visible`) holds as done, and how many of those have evidence (store/evidence.h: a link, a live
// file, or a held event naming them), as the dashboard and the timeline count them.
struct DoneFigures {
  long long done = 0;
  long long with_evidence = 0;
};
DoneFigures CountDone(Db& db, std::string_view partnership_id, const CommitmentCounts& counts,
                      const Condition* visible = nullptr);

// The partnership's live cases shared with the partner (shared or public) that `visible` allows.
long long CountCasesShared(Db& db, std::string_view partnership_id, const Condition* visible);

// The dashboard figures of one partnership (a record from GetRecord) with `counts` of its
// commitments: open commitments by area and status, overdue commitments (open, due before
// `today`; at most `overdue_limit`, earliest due first), the next 5 events not cancelled starting
// at or after `now`, the date of the last meeting that started by `now`, and follow-through (done ÷
// all that left proposed).
struct PartnershipSummary {
  // A JSON object: open_by_area, open_total, overdue_total, last_contact, follow_through, done,
  // done_with_evidence, dropped, left_proposed, cases_shared, health.
  std::string figures_json;
  std::string overdue_json;      // JSON array of commitment records
  std::string next_events_json;  // JSON array of event records
};
PartnershipSummary SummarizePartnership(Db& db, const boost::json::object& partnership,
                                        const CommitmentCounts& counts, Date today, Instant now,
                                        const Condition* visible = nullptr, int overdue_limit = 20);

// The partnership's health (domain/health.h) as a JSON object: state, reason,
// months_without_contact, overdue, open and the thresholds used. `counts`: CountCommitments'.
std::string PartnershipHealth(Db& db, const boost::json::object& partnership,
                              const CommitmentCounts& counts, Date today, Instant now,
                              const Condition* visible = nullptr);

// Figures of `counts` (every partnership's or one's):
// {"partnerships", "open", "overdue", "done", "dropped", "left_proposed", "total",
//  "follow_through", "by_area": {area: {the same but partnerships and by_area}}}.
// `partnerships` is reported as the number of partnerships counted. JSON text.
std::string DashboardTotals(const CommitmentCounts& counts, long long partnerships);

// Where a timeline page ends: items before this one (in the order at, kind, key) come on the
// pages before it.
struct TimelineCursor {
  std::string at;
  std::string kind;  // event, meeting, milestone, transition
  std::string key;   // the meeting's or event's id, the history entry's id, the milestone's index
};

struct TimelinePage {
  boost::json::array items;               // oldest first
  std::optional<TimelineCursor> earlier;  // where the page before starts, when there is one
};

// The partnership's latest `limit` milestones, meetings, commitment transitions and events
// (before `before`, when given), oldest first. Each item: {"at", "kind", "ref_id", "summary"}.
// Each kind is read newest first from an index, `limit` + 1 at most, so a page costs the same
// however much the partnership holds. With `visible`, only the rows it allows, and of a
// commitment only the transitions made after the last change that widened who sees it
// (kWideningChangeSql, store/changes.h).
TimelinePage Timeline(Db& db, const boost::json::object& partnership, const Condition* visible,
                      int limit, const std::optional<TimelineCursor>& before);

}  // namespace amity::store
