#include "store/read_models.h"

#include <algorithm>
#include <any>
#include <charconv>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_map>

#include "base/text.h"
#include "domain/commitment_status.h"
#include "domain/follow_through.h"
#include "domain/health.h"
#include "domain/resources.h"
#include "store/changes.h"
#include "store/records.h"

namespace amity::store {
namespace json = boost::json;

namespace {

// Live commitments by area and status; ?1 is today. Over all partnerships SQLite groups the ~100k
// index entries itself; for one partnership (?2, ~100 rows) reading the rows and counting them in
// C++ costs less than SQLite's GROUP BY with its aggregate functions, and they are read in the
// order of the index by due date (migration 12), unsorted: CountCommitments puts the groups in
// order. Both are served by covering indexes.
constexpr char kCountsAll[] =
    "SELECT area, status, count(*), coalesce(sum(due_date < ?1), 0) FROM commitments "
    "WHERE archived = 0";
constexpr char kCountsOne[] =
    "SELECT area, status, 1, due_date < ?1 FROM commitments "
    "WHERE archived = 0 AND partnership_id = ?2";
// One partnership's counts for a caller who sees every commitment: its kept tallies (migration
// 17), a row per area, status and month due, whatever the number of commitments; ?1 is today's
// month ('YYYY-MM'): the months before it are wholly overdue. Today's month adds those due before
// today from the commitments due in it (kDueThisMonth), a range of the partnership's due index.
constexpr char kTalliesOne[] =
    "SELECT area, status, n, CASE WHEN due_month <> '' AND due_month < ?1 THEN n ELSE 0 END "
    "FROM commitment_tallies WHERE partnership_id = ?2";
constexpr char kDueThisMonth[] =
    "SELECT area, status, 0, 1 FROM commitments "
    "WHERE partnership_id = ?2 AND archived = 0 AND due_date >= ?1 || '-01' AND due_date < ?3";
// The latest contact on either side up to ?2: a meeting, an event that was not cancelled, a
// status change or a progress note. Each part reads the end of an index (the history's per kind).
std::string LastContactSql(const Condition* visible) {
  const std::string narrowed = visible ? " AND (" + visible->sql + ")" : "";
  const std::string history_narrowed =
      visible ? " AND commitment_id IN (SELECT id FROM commitments WHERE " + visible->sql + ")"
              : "";
  std::string sql =
      "SELECT max(at) FROM (SELECT max(starts_at) AS at FROM meetings WHERE partnership_id = ?1 "
      "AND archived = 0 AND starts_at <= ?2" +
      narrowed +
      " UNION ALL SELECT max(starts_at) FROM events WHERE partnership_id = ?1 AND archived = 0 "
      "AND status <> 'cancelled' AND starts_at <= ?2" +
      narrowed;
  for (const char* kind : {"transition", "note"}) {
    sql +=
        " UNION ALL SELECT max(at) FROM commitment_history WHERE commitment_partnership_id = "
        "?1 AND kind = '" +
        std::string(kind) + "' AND at <= ?2" + history_narrowed;
  }
  return sql + ")";
}

constexpr char kTimelineMeetings[] =
    "SELECT id, starts_at, kind, title, time_zone FROM meetings "
    "WHERE partnership_id = ? AND archived = 0";
constexpr char kTimelineEvents[] =
    "SELECT id, starts_at, kind, title, status, time_zone FROM events "
    "WHERE partnership_id = ? AND archived = 0";
constexpr char kTimelineTransitions[] =
    "SELECT h.commitment_id, h.at, h.from_status, h.to_status, h.note, c.text, c.area, h.id "
    "FROM commitment_history h JOIN commitments c ON c.id = h.commitment_id "
    "WHERE h.commitment_partnership_id = ? AND h.kind = 'transition' AND c.archived = 0";

// `sql` narrowed to the rows `visible` allows (appended as "AND (…)").
// Done commitments of partnership ?1 with evidence (store/evidence.h): a link, a live file, or a
// held event naming them. The candidates come from the evidence, not from the done commitments
// (tens of thousands in a busy partnership): the linked ones by a partial index (migration 39),
// every live file of a commitment, the events' lists of the partnership's held events; each is
// then looked up by id, and the outer conditions (unary + keeps them off the indexes) and the
// caller's visibility apply to it.
constexpr char kDoneWithEvidence[] =
    "SELECT count(*) FROM commitments WHERE +partnership_id = ?1 AND +archived = 0 AND "
    "+status = 'done' AND id IN ("
    "SELECT id FROM commitments INDEXED BY commitments_done_linked WHERE partnership_id = ?1 "
    "AND archived = 0 AND status = 'done' AND evidence_links <> '[]' "
    "UNION SELECT holder_id FROM files WHERE holder = 'commitments' AND archived = 0 "
    "UNION SELECT linked.value FROM events, json_each(events.commitment_ids) AS linked "
    "WHERE events.partnership_id = ?1 AND events.status = 'held' AND events.archived = 0)";

// Live cases of partnership ?1 shared with the partner (domain::SharedWithPartner: shared or
// public), as the caller sees them.
constexpr char kCasesShared[] =
    "SELECT count(*) FROM cases WHERE partnership_id = ?1 AND archived = 0 AND "
    "visibility IN ('shared', 'public')";

// The partnership's health (domain/health.h) as a JSON object.
std::string HealthJson(const json::object& partnership,
                       const std::optional<std::string>& last_contact, long long open,
                       long long overdue, Date today) {
  domain::HealthFacts facts{.today = today, .open = open, .overdue = overdue};
  if (last_contact) facts.last_contact = ParseDate(*last_contact);
  facts.created =
      ParseDate(std::string_view(partnership.at("created_at").as_string()).substr(0, 10))
          .value_or(today);
  if (const json::value* months = partnership.if_contains("quiet_after_months");
      months && months->is_number()) {
    facts.quiet_months = static_cast<int>(months->to_number<double>());
  }
  if (const json::value* months = partnership.if_contains("dormant_after_months");
      months && months->is_number()) {
    facts.dormant_months = static_cast<int>(months->to_number<double>());
  }
  const domain::Health health = domain::JudgeHealth(facts);
  return json::serialize(json::object{{"state", health.state},
                                      {"reason", health.reason},
                                      {"months_without_contact", health.months_without_contact},
                                      {"overdue", health.overdue},
                                      {"open", health.open},
                                      {"quiet_after_months", facts.quiet_months},
                                      {"dormant_after_months", facts.dormant_months}});
}

std::string Narrowed(std::string_view sql, const Condition* visible) {
  std::string narrowed(sql);
  if (visible != nullptr) narrowed += " AND (" + visible->sql + ")";
  return narrowed;
}

// Binds the parameters of `visible` from position `index` on.
void BindVisible(Stmt& stmt, int index, const Condition* visible) {
  if (visible == nullptr) return;
  for (const std::string& param : visible->params) stmt.Bind(index++, param);
}

// Inserts a GROUP BY (or any tail) after the narrowing condition.
std::string NarrowedGrouped(std::string_view sql, std::string_view tail, const Condition* visible) {
  return Narrowed(sql, visible) + " " + std::string(tail);
}

// A share (follow-through) as a JSON number that reads back as floating point, or null.
void AppendRatio(std::string& out, std::optional<double> ratio) {
  if (!ratio) {
    out += "null";
    return;
  }
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *ratio);
  const std::string_view text(buffer, static_cast<size_t>(end - buffer));
  out += text;
  if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";
}

// Appends `"key":value` (with a comma unless `first`). `key` is a figure's name or a status, never
// user text, so it needs no escaping.
void AppendMember(std::string& out, std::string_view key, long long value, bool first = false) {
  if (!first) out.push_back(',');
  out.push_back('"');
  out.append(key);
  out += "\":";
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

// What the dashboard reports of a set of commitment counts: open, overdue (open and due before
// today), done, dropped (the final status that is not done), left proposed (every status but
// proposed), all, and follow-through.
struct Tally {
  long long open = 0, overdue = 0, done = 0, dropped = 0, left_proposed = 0, total = 0;
  void Add(const CommitmentCount& count) {
    open += count.open ? count.count : 0;
    overdue += count.open ? count.due_before_today : 0;
    done += count.done ? count.count : 0;
    dropped += !count.open && !count.done ? count.count : 0;
    left_proposed += count.proposed ? 0 : count.count;
    total += count.count;
  }
  // The members, without braces.
  void Append(std::string& out, bool first) const {
    AppendMember(out, "open", open, first);
    AppendMember(out, "overdue", overdue);
    AppendMember(out, "done", done);
    AppendMember(out, "dropped", dropped);
    AppendMember(out, "left_proposed", left_proposed);
    AppendMember(out, "total", total);
    out += ",\"follow_through\":";
    AppendRatio(out, domain::FollowThrough(done, left_proposed));
  }
};

// The date of the latest contact with partnership `id` up to `now` (LastContactSql).
std::optional<std::string> LastContact(Db& db, const std::string& id, Instant now,
                                       const Condition* visible) {
  Stmt select = db.Prepare(LastContactSql(visible));
  select.Bind(1, id).Bind(2, FormatInstant(now));
  const int parts = 4;  // each narrowed part binds the condition's parameters anew
  for (int part = 0; visible != nullptr && part < parts; ++part) {
    BindVisible(select, 3 + part * static_cast<int>(visible->params.size()), visible);
  }
  select.Step();
  if (select.IsNull(0)) return std::nullopt;
  return std::string(select.Text(0).substr(0, 10));
}

}  // namespace

std::string PartnershipHealth(Db& db, const json::object& partnership,
                              const CommitmentCounts& counts, Date today, Instant now,
                              const Condition* visible) {
  Tally tally;
  for (const CommitmentCount& count : counts) tally.Add(count);
  const std::string id(partnership.at("id").as_string());
  return HealthJson(partnership, LastContact(db, id, now, visible), tally.open, tally.overdue,
                    today);
}

std::optional<std::string> CityCountry(Db& db, std::string_view id) {
  Stmt select = db.Prepare("SELECT country FROM cities WHERE id = ?");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return std::string(select.Text(0));
}

namespace {

// Counts already made on a connection, by partnership (or all), day and visibility condition, while
// its Db::Stamp() stays the same: a dashboard viewed again between writes reads its counts here
// instead of scanning the commitments again (~200k instructions for a partnership's ~100).
struct CountsMemo {
  Db::ContentStamp stamp;
  std::unordered_map<std::string, CommitmentCounts> counts;
};
constexpr size_t kMaxMemoCounts = 1024;  // then it starts afresh

// The memo of `db`, emptied when anything was committed since it was filled; null inside a write
// transaction, whose reads may still be rolled back.
CountsMemo* UsableMemo(Db& db) {
  if (db.InWriteTransaction()) return nullptr;
  auto* memo = std::any_cast<CountsMemo>(&db.derived());
  if (memo == nullptr) memo = &db.derived().emplace<CountsMemo>();
  const Db::ContentStamp stamp = db.Stamp();  // before the counts are read, never after
  if (!(memo->stamp == stamp) || memo->counts.size() >= kMaxMemoCounts) {
    memo->counts.clear();
    memo->stamp = stamp;
  }
  return memo;
}

std::string MemoKey(const std::optional<std::string>& partnership_id, Date today,
                    const Condition* visible) {
  std::string key = partnership_id.value_or("*") + '\n' + FormatDate(today);
  if (visible != nullptr) {
    key += '\n' + visible->sql;
    for (const std::string& param : visible->params) (key += '\x1f') += param;
  }
  return key;
}

}  // namespace

CommitmentCounts CountCommitments(Db& db, const std::optional<std::string>& partnership_id,
                                  Date today, const Condition* visible) {
  CountsMemo* memo = UsableMemo(db);
  std::string key;
  if (memo != nullptr) {
    key = MemoKey(partnership_id, today, visible);
    if (auto found = memo->counts.find(key); found != memo->counts.end()) return found->second;
  }
  std::map<std::pair<std::string, std::string>, CommitmentCount> groups;  // by area, then status
  std::pair<std::string, std::string> name;  // reused: no allocation per row
  // Adds the rows of `select`: area, status, how many, how many of them due before today.
  const auto add = [&groups, &name](Stmt& select) {
    while (select.Step()) {
      name.first.assign(select.Text(0));
      name.second.assign(select.Text(1));
      auto group = groups.find(name);
      if (group == groups.end()) {
        const std::string_view status = name.second;
        group = groups
                    .emplace(name, CommitmentCount{.area = name.first,
                                                   .status = name.second,
                                                   .open = domain::IsOpenStatus(status),
                                                   .done = status == "done",
                                                   .proposed = status == "proposed"})
                    .first;
      }
      group->second.count += select.Int(2);
      group->second.due_before_today += select.Int(3);
    }
  };
  const std::string today_text = FormatDate(today);
  if (partnership_id && visible == nullptr) {
    const std::string month = today_text.substr(0, 7);
    Stmt tallies = db.Prepare(kTalliesOne);
    tallies.Bind(1, month).Bind(2, *partnership_id);
    add(tallies);
    Stmt this_month = db.Prepare(kDueThisMonth);
    this_month.Bind(1, month).Bind(2, *partnership_id).Bind(3, today_text);
    add(this_month);
  } else {
    Stmt select =
        db.Prepare(partnership_id ? Narrowed(kCountsOne, visible)
                                  : NarrowedGrouped(kCountsAll, "GROUP BY area, status", visible));
    select.Bind(1, today_text);
    if (partnership_id) select.Bind(2, *partnership_id);
    BindVisible(select, partnership_id ? 3 : 2, visible);
    add(select);
  }
  CommitmentCounts counts;  // in area, then status order: the map's
  counts.reserve(groups.size());
  for (auto& [name, count] : groups) counts.push_back(std::move(count));
  if (memo != nullptr) memo->counts.emplace(std::move(key), counts);
  return counts;
}

DoneFigures CountDone(Db& db, std::string_view partnership_id, const CommitmentCounts& counts,
                      const Condition* visible) {
  DoneFigures figures;
  for (const CommitmentCount& count : counts) figures.done += count.done ? count.count : 0;
  if (figures.done == 0) return figures;  // nothing done, nothing to look for evidence of
  Stmt select = db.Prepare(Narrowed(kDoneWithEvidence, visible));
  select.Bind(1, partnership_id);
  BindVisible(select, 2, visible);
  select.Step();
  figures.with_evidence = select.Int(0);
  return figures;
}

long long CountCasesShared(Db& db, std::string_view partnership_id, const Condition* visible) {
  Stmt select = db.Prepare(Narrowed(kCasesShared, visible));
  select.Bind(1, partnership_id);
  BindVisible(select, 2, visible);
  select.Step();
  return select.Int(0);
}

PartnershipSummary SummarizePartnership(Db& db, const json::object& partnership,
                                        const CommitmentCounts& counts, Date today, Instant now,
                                        const Condition* visible, int overdue_limit) {
  const std::string id(partnership.at("id").as_string());
  // Open commitments by area and status, in the counts' order (area, then status).
  std::string open_by_area = "{";
  std::optional<std::string_view> area_open;  // the area whose object is open in `open_by_area`
  Tally tally;
  for (const CommitmentCount& count : counts) {
    tally.Add(count);
    if (count.open) {
      const bool new_area = area_open != std::string_view(count.area);
      if (new_area) {
        if (area_open) open_by_area += "},";
        AppendJsonString(open_by_area, count.area);
        open_by_area += ":{";
        area_open = count.area;
      }
      AppendMember(open_by_area, count.status, count.count, new_area);
    }
  }
  open_by_area += area_open ? "}}" : "}";
  const std::optional<std::string> last_contact = LastContact(db, id, now, visible);
  const DoneFigures done = CountDone(db, id, counts, visible);
  ListQuery overdue_query{.conditions = {{"partnership_id = ?", {id}},
                                         {kOpenCommitmentSql, {}},
                                         {"due_date < ?", {FormatDate(today)}}},
                          .sort_column = "due_date",
                          .descending = false,
                          .limit = overdue_limit,
                          .count_total = false};  // the counts hold it: tally.overdue
  if (visible != nullptr) overdue_query.conditions.push_back(*visible);
  TextPage overdue;
  if (overdue_limit > 0 && tally.overdue > 0) {
    overdue = ListRecordsJson(db, domain::Commitments(), overdue_query);
  } else {
    overdue.items_json = "[]";
  }
  ListQuery events_query{.conditions = {{"partnership_id = ?", {id}},
                                        {"status <> 'cancelled'", {}},
                                        {"starts_at >= ?", {FormatInstant(now)}}},
                         .sort_column = "starts_at",
                         .descending = false,
                         .limit = 5};
  if (visible != nullptr) events_query.conditions.push_back(*visible);
  TextPage next_events = ListRecordsJson(db, domain::Events(), events_query);

  std::string figures = "{\"open_by_area\":" + open_by_area;
  AppendMember(figures, "open_total", tally.open);
  AppendMember(figures, "overdue_total", tally.overdue);
  figures += ",\"last_contact\":";
  if (last_contact) {
    AppendJsonString(figures, *last_contact);
  } else {
    figures += "null";
  }
  figures += ",\"follow_through\":";
  AppendRatio(figures, domain::FollowThrough(tally.done, tally.left_proposed));
  AppendMember(figures, "done", tally.done);
  AppendMember(figures, "done_with_evidence", done.with_evidence);
  AppendMember(figures, "dropped", tally.dropped);
  AppendMember(figures, "left_proposed", tally.left_proposed);
  AppendMember(figures, "cases_shared", CountCasesShared(db, id, visible));
  figures += ",\"health\":";
  figures += HealthJson(partnership, last_contact, tally.open, tally.overdue, today);
  figures.push_back('}');
  return {std::move(figures), std::move(overdue.items_json), std::move(next_events.items_json)};
}

std::string DashboardTotals(const CommitmentCounts& counts, long long partnerships) {
  // The counts come in area order, so each area's figures are one run of them.
  std::vector<std::pair<std::string_view, Tally>> by_area;
  Tally all;
  for (const CommitmentCount& count : counts) {
    if (by_area.empty() || by_area.back().first != count.area)
      by_area.emplace_back(count.area, Tally{});
    by_area.back().second.Add(count);
    all.Add(count);
  }
  std::string out = "{";
  AppendMember(out, "partnerships", partnerships, true);
  all.Append(out, false);
  out += ",\"by_area\":{";
  bool first = true;
  for (const auto& [area, figures] : by_area) {
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(out, area);
    out += ":{";
    figures.Append(out, true);
    out.push_back('}');
  }
  out += "}}";
  return out;
}

namespace {

// One timeline item with the key it is ordered by: (at, kind, key).
struct TimelineItem {
  TimelineCursor order;
  json::object item;
};

bool Before(const TimelineCursor& a, const TimelineCursor& b) {
  return std::tie(a.at, a.kind, a.key) < std::tie(b.at, b.kind, b.key);
}

// The condition (on `at_column` and `key_column`, for items of `kind`) of the items before
// `cursor`; binds its parameters at `index` on. Items of a kind ordered before the cursor's may
// share its instant; those of a kind after it may not.
std::string BeforeCursor(std::string_view kind, const std::string& at_column,
                         const std::string& key_column, const TimelineCursor& cursor,
                         std::vector<std::string>& params) {
  params.push_back(cursor.at);
  if (kind < cursor.kind) return " AND " + at_column + " <= ?";
  if (kind > cursor.kind) return " AND " + at_column + " < ?";
  params.push_back(cursor.key);
  return " AND (" + at_column + ", " + key_column + ") < (?, ?)";
}

// Runs a timeline source: `sql` (its partnership bound first), narrowed by `visible`, before the
// cursor, newest first, at most `limit` rows; `row` makes each item.
template <typename RowHandler>
void ReadTimelineSource(Db& db, std::string sql, std::string_view kind,
                        const std::string& at_column, const std::string& key_column,
                        std::string_view partnership_id, const Condition* visible,
                        const std::optional<TimelineCursor>& before, int limit, RowHandler row) {
  std::vector<std::string> params;
  if (visible != nullptr) {
    sql += " AND (" + visible->sql + ")";
    params = visible->params;
  }
  if (before) sql += BeforeCursor(kind, at_column, key_column, *before, params);
  sql += " ORDER BY " + at_column + " DESC, " + key_column + " DESC LIMIT ?";
  Stmt select = db.Prepare(sql);
  int index = 1;
  select.Bind(index++, partnership_id);
  for (const std::string& param : params) select.Bind(index++, param);
  select.Bind(index, limit);
  while (select.Step()) row(select);
}

}  // namespace

TimelinePage Timeline(Db& db, const json::object& partnership, const Condition* visible, int limit,
                      const std::optional<TimelineCursor>& before) {
  const std::string id(partnership.at("id").as_string());
  std::vector<TimelineItem> items;
  const json::array& milestones = partnership.at("milestones").as_array();
  for (size_t i = 0; i < milestones.size(); ++i) {
    const json::object& m = milestones[i].as_object();
    char key[8];
    std::snprintf(key, sizeof key, "%02zu", i);
    TimelineItem entry{
        {std::string(m.at("date").as_string()), "milestone", key},
        {{"at", m.at("date")}, {"kind", "milestone"}, {"ref_id", id}, {"summary", m}}};
    if (!before || Before(entry.order, *before)) items.push_back(std::move(entry));
  }
  const int wanted = limit + 1;  // one more tells whether there are earlier items
  ReadTimelineSource(
      db, kTimelineMeetings, "meeting", "starts_at", "id", id, visible, before, wanted,
      [&](const Stmt& row) {
        items.push_back({{std::string(row.Text(1)), "meeting", std::string(row.Text(0))},
                         {{"at", row.Text(1)},
                          {"kind", "meeting"},
                          {"ref_id", row.Text(0)},
                          {"summary",
                           {{"kind", row.Text(2)},
                            {"title", json::parse(row.Text(3))},
                            {"time_zone", row.Text(4)}}}}});
      });
  // A caller shown only some rows sees a commitment's transitions only from the last change that
  // widened who sees it (as its change trail and history, api/users.cpp): its notes before then
  // were written for a narrower audience.
  static const std::string kSinceWidening =
      " AND h.at > coalesce((SELECT max(w.at) FROM changes w WHERE w.entity = 'commitments' "
      "AND w.record_id = c.id AND " +
      std::string(kWideningChangeSql) + "), '')";
  ReadTimelineSource(
      db, std::string(kTimelineTransitions) + (visible != nullptr ? kSinceWidening : ""),
      "transition", "h.at", "h.id", id, visible, before, wanted, [&](const Stmt& row) {
        items.push_back(
            {{std::string(row.Text(1)), "transition", std::string(row.Text(7))},
             {{"at", row.Text(1)},
              {"kind", "transition"},
              {"ref_id", row.Text(0)},
              {"summary",
               {{"from", row.Text(2)},
                {"to", row.Text(3)},
                {"note", row.IsNull(4) ? json::value(nullptr) : json::value(row.Text(4))},
                {"text", json::parse(row.Text(5))},
                {"area", row.Text(6)}}}}});
      });
  ReadTimelineSource(
      db, kTimelineEvents, "event", "starts_at", "id", id, visible, before, wanted,
      [&](const Stmt& row) {
        items.push_back({{std::string(row.Text(1)), "event", std::string(row.Text(0))},
                         {{"at", row.Text(1)},
                          {"kind", "event"},
                          {"ref_id", row.Text(0)},
                          {"summary",
                           {{"kind", row.Text(2)},
                            {"title", json::parse(row.Text(3))},
                            {"status", row.Text(4)},
                            {"time_zone", row.Text(5)}}}}});
      });
  // Dates ("2026-11-10") and UTC instants ("2026-11-10T07:00:00Z") sort correctly as text. The
  // newest `limit` of all kinds make the page.
  std::sort(items.begin(), items.end(),
            [](const TimelineItem& a, const TimelineItem& b) { return Before(a.order, b.order); });
  TimelinePage page;
  size_t first = 0;
  if (items.size() > static_cast<size_t>(limit)) {
    first = items.size() - static_cast<size_t>(limit);
    page.earlier = items[first].order;
  }
  for (size_t i = first; i < items.size(); ++i) page.items.push_back(std::move(items[i].item));
  return page;
}

}  // namespace amity::store
