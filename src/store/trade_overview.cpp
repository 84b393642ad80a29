#include "store/trade_overview.h"

namespace amity::store {
namespace {

// The events with something to count: exhibitors, leads or scheduled meetings. Read from those
// (few) rows rather than by probing every event and partnership, which took 80 ms at --scale 1000.
constexpr char kTradeEvents[] =
    "SELECT event_id FROM exhibitors WHERE archived = 0 UNION SELECT event_id FROM leads "
    "WHERE archived = 0 AND event_id IS NOT NULL UNION SELECT event_id FROM b2b_meetings";
// {events} is kTradeEvents.
constexpr char kActiveFairs[] =
    "SELECT id, partnership_id FROM events WHERE id IN ({events}) AND archived = 0 AND "
    "kind = 'fair' {visible} ORDER BY starts_at DESC, id LIMIT ?";
constexpr char kActivePartnerships[] =
    "SELECT id FROM partnerships WHERE id IN (SELECT partnership_id FROM leads WHERE archived = 0 "
    "UNION SELECT partnership_id FROM events WHERE id IN ({events}) AND archived = 0 AND "
    "kind = 'fair') AND archived = 0 {visible} ORDER BY created_at DESC, id LIMIT ?";

// `sql` with {events} and {visible} filled in and its parameters bound, then the limit.
Stmt Prepared(Db& db, std::string sql, const Condition* visible, int limit) {
  sql.replace(sql.find("{events}"), 8, kTradeEvents);
  const size_t at = sql.find("{visible}");
  sql.replace(at, 9, visible ? "AND (" + visible->sql + ")" : "");
  Stmt statement = db.Prepare(sql);
  int index = 1;
  if (visible) {
    for (const std::string& param : visible->params) statement.Bind(index++, param);
  }
  statement.Bind(index, static_cast<long long>(limit));
  return statement;
}

}  // namespace

TradeHolders FindTradeHolders(Db& db, const Condition* partnerships_visible,
                              const Condition* events_visible, int limit) {
  TradeHolders holders;
  Stmt partnerships = Prepared(db, kActivePartnerships, partnerships_visible, limit);
  while (partnerships.Step()) holders.partnerships.push_back(partnerships.String(0));
  Stmt fairs = Prepared(db, kActiveFairs, events_visible, limit);
  while (fairs.Step()) holders.fairs.push_back({fairs.String(0), fairs.String(1)});
  return holders;
}

}  // namespace amity::store
