#include "store/fair.h"

#include <boost/json.hpp>

namespace amity::store {
namespace {

// A fair's exhibitors, or those of every fair of a partnership.
constexpr char kCountExhibitors[] =
    "SELECT count(*) FROM exhibitors WHERE archived = 0 AND event_id = ?";
constexpr char kCountPartnershipExhibitors[] =
    "SELECT count(*) FROM exhibitors WHERE archived = 0 AND event_id IN "
    "(SELECT id FROM events WHERE partnership_id = ? AND archived = 0)";
constexpr char kLeadsByStatus[] =
    "SELECT status, count(*) FROM leads WHERE archived = 0 AND {by} = ? {visible} GROUP BY status";
constexpr char kWonDeals[] =
    "SELECT deal_hundredths, deal_currency FROM leads WHERE archived = 0 AND {by} = ? "
    "AND status = 'won' {visible} ORDER BY deal_currency";

// `sql` with {by} and {visible} filled in.
std::string Filled(std::string sql, std::string_view by, const Condition* visible) {
  sql.replace(sql.find("{by}"), 4, by);
  const size_t at = sql.find("{visible}");
  sql.replace(at, 9, visible ? "AND (" + visible->sql + ")" : "");
  return sql;
}

void BindVisible(Stmt& statement, int first, const Condition* visible) {
  if (visible == nullptr) return;
  for (const std::string& param : visible->params) statement.Bind(first++, param);
}

constexpr char kExhibitorParties[] =
    "SELECT id, company_id, available_slots FROM exhibitors WHERE event_id = ? AND archived = 0 "
    "ORDER BY id";
constexpr char kBuyerParties[] =
    "SELECT organization_id, '', available_slots FROM fair_buyers WHERE event_id = ? AND "
    "archived = 0 ORDER BY organization_id";
constexpr char kRequests[] =
    "SELECT id, buyer_id, exhibitor_id, coalesce(CAST(priority AS INTEGER), 1) FROM "
    "meeting_requests WHERE event_id = ? AND archived = 0 ORDER BY created_at, id";
constexpr char kDeleteMeetings[] = "DELETE FROM b2b_meetings WHERE event_id = ?";
constexpr char kUpsertRun[] =
    "INSERT INTO b2b_runs (event_id, ran_at, requests, met, met_priority, upper_bound) VALUES "
    "(?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET ran_at = excluded.ran_at, requests = "
    "excluded.requests, met = excluded.met, met_priority = excluded.met_priority, upper_bound = "
    "excluded.upper_bound";
constexpr char kInsertMeeting[] =
    "INSERT INTO b2b_meetings (request_id, event_id, starts_at, ends_at, table_number) VALUES "
    "(?, ?, ?, ?, ?)";
constexpr char kSelectRun[] =
    "SELECT ran_at, requests, met, met_priority, upper_bound FROM b2b_runs WHERE event_id = ?";
constexpr char kSelectMeetings[] =
    "SELECT request_id, starts_at, ends_at, table_number FROM b2b_meetings WHERE event_id = ? "
    "ORDER BY starts_at, table_number";
constexpr char kCountMeetings[] = "SELECT count(*) FROM b2b_meetings WHERE event_id = ?";
constexpr char kCountPartnershipMeetings[] =
    "SELECT count(*) FROM b2b_meetings WHERE event_id IN "
    "(SELECT id FROM events WHERE partnership_id = ? AND archived = 0)";

std::vector<B2bPartyRow> Parties(Db& db, const char* sql, std::string_view event_id) {
  Stmt select = db.Prepare(sql);
  select.Bind(1, event_id);
  std::vector<B2bPartyRow> parties;
  while (select.Step()) {
    B2bPartyRow party{.id = select.String(0), .company_id = select.String(1)};
    const boost::json::value slots = boost::json::parse(select.Text(2));
    for (const boost::json::value& slot : slots.as_array()) {
      party.available.emplace_back(slot.as_string());
    }
    parties.push_back(std::move(party));
  }
  return parties;
}

}  // namespace

std::vector<B2bPartyRow> FairExhibitorParties(Db& db, std::string_view event_id) {
  return Parties(db, kExhibitorParties, event_id);
}

std::vector<B2bPartyRow> FairBuyerParties(Db& db, std::string_view event_id) {
  return Parties(db, kBuyerParties, event_id);
}

std::vector<B2bRequestRow> FairRequests(Db& db, std::string_view event_id) {
  Stmt select = db.Prepare(kRequests);
  select.Bind(1, event_id);
  std::vector<B2bRequestRow> requests;
  while (select.Step()) {
    requests.push_back({select.String(0), select.String(1), select.String(2), select.Int(3)});
  }
  return requests;
}

void StoreB2bSchedule(Db& db, std::string_view event_id, const B2bRun& run,
                      const std::vector<B2bMeetingRow>& meetings) {
  db.Prepare(kDeleteMeetings).Bind(1, event_id).Run();
  db.Prepare(kUpsertRun)
      .Bind(1, event_id)
      .Bind(2, run.ran_at)
      .Bind(3, run.requests)
      .Bind(4, run.met)
      .Bind(5, run.met_priority)
      .Bind(6, run.upper_bound)
      .Run();
  for (const B2bMeetingRow& meeting : meetings) {
    db.Prepare(kInsertMeeting)
        .Bind(1, meeting.request_id)
        .Bind(2, event_id)
        .Bind(3, meeting.starts_at)
        .Bind(4, meeting.ends_at)
        .Bind(5, meeting.table_number)
        .Run();
  }
}

std::optional<B2bRun> LoadB2bRun(Db& db, std::string_view event_id) {
  Stmt select = db.Prepare(kSelectRun);
  select.Bind(1, event_id);
  if (!select.Step()) return std::nullopt;
  return B2bRun{select.String(0), select.Int(1), select.Int(2), select.Int(3), select.Int(4)};
}

std::vector<B2bMeetingRow> LoadB2bMeetings(Db& db, std::string_view event_id) {
  Stmt select = db.Prepare(kSelectMeetings);
  select.Bind(1, event_id);
  std::vector<B2bMeetingRow> meetings;
  while (select.Step()) {
    meetings.push_back({select.String(0), select.String(1), select.String(2), select.Int(3)});
  }
  return meetings;
}

std::optional<std::string> OtherLiveRecord(Db& db, std::string_view table,
                                           const std::vector<std::string_view>& columns,
                                           const std::vector<std::string>& values,
                                           std::string_view except_id) {
  std::string sql = "SELECT id FROM " + std::string(table) + " WHERE archived = 0 AND id <> ?";
  for (std::string_view column : columns) (sql += " AND ") += std::string(column) + " = ?";
  Stmt select = db.Prepare(sql + " LIMIT 1");
  select.Bind(1, except_id);
  for (size_t i = 0; i < values.size(); ++i) select.Bind(static_cast<int>(i) + 2, values[i]);
  if (!select.Step()) return std::nullopt;
  return std::string(select.Text(0));
}

TradeResults CountTradeResults(Db& db, std::string_view id, bool by_partnership,
                               const Condition* exhibitors_visible,
                               const Condition* leads_visible) {
  TradeResults results;
  std::string count_sql = by_partnership ? kCountPartnershipExhibitors : kCountExhibitors;
  if (exhibitors_visible) count_sql += " AND (" + exhibitors_visible->sql + ")";
  Stmt count = db.Prepare(count_sql);
  count.Bind(1, id);
  BindVisible(count, 2, exhibitors_visible);
  count.Step();
  results.exhibitors = count.Int(0);
  Stmt meetings = db.Prepare(by_partnership ? kCountPartnershipMeetings : kCountMeetings);
  meetings.Bind(1, id);
  meetings.Step();
  results.meetings = meetings.Int(0);
  const std::string_view by = by_partnership ? "partnership_id" : "event_id";
  Stmt statuses = db.Prepare(Filled(kLeadsByStatus, by, leads_visible));
  statuses.Bind(1, id);
  BindVisible(statuses, 2, leads_visible);
  while (statuses.Step()) results.leads_by_status[std::string(statuses.Text(0))] = statuses.Int(1);
  Stmt won = db.Prepare(Filled(kWonDeals, by, leads_visible));
  won.Bind(1, id);
  BindVisible(won, 2, leads_visible);
  while (won.Step()) {
    results.won.push_back({static_cast<std::int64_t>(won.Real(0)), std::string(won.Text(1))});
  }
  return results;
}

}  // namespace amity::store
