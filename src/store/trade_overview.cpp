#include "store/trade_overview.h"

namespace amity::store {
namespace {

// Fairs with something to count: exhibitors, leads or scheduled meetings (each index-backed).
constexpr char kActiveFairs[] =
    "SELECT id, partnership_id FROM events WHERE archived = 0 AND kind = 'fair' AND ("
    "EXISTS (SELECT 1 FROM exhibitors x WHERE x.event_id = events.id AND x.archived = 0) OR "
    "EXISTS (SELECT 1 FROM leads l WHERE l.event_id = events.id AND l.archived = 0) OR "
    "EXISTS (SELECT 1 FROM b2b_meetings m WHERE m.event_id = events.id)) {visible} "
    "ORDER BY starts_at DESC, id LIMIT ?";
constexpr char kActivePartnerships[] =
    "SELECT id FROM partnerships WHERE archived = 0 AND ("
    "EXISTS (SELECT 1 FROM leads l WHERE l.partnership_id = partnerships.id AND l.archived = 0) "
    "OR EXISTS (SELECT 1 FROM events e WHERE e.partnership_id = partnerships.id AND "
    "e.archived = 0 AND e.kind = 'fair' AND ("
    "EXISTS (SELECT 1 FROM exhibitors x WHERE x.event_id = e.id AND x.archived = 0) OR "
    "EXISTS (SELECT 1 FROM b2b_meetings m WHERE m.event_id = e.id)))) {visible} "
    "ORDER BY created_at DESC, id LIMIT ?";

// `sql` with {visible} filled in and its parameters bound, then the limit.
Stmt Prepared(Db& db, std::string sql, const Condition* visible, int limit) {
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
