// Which fairs and partnerships have trade results to show on the dashboard: the holders of
// exhibitors, leads or stored B2B meetings. Their figures come from store/fair.h
// (CountTradeResults), one holder at a time, so the dashboard counts exactly what the
// per-fair and per-partnership routes count.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"
#include "store/records.h"

namespace amity::store {

struct TradeFair {
  std::string id;
  std::string partnership_id;
};

struct TradeHolders {
  std::vector<std::string> partnerships;  // newest first
  std::vector<TradeFair> fairs;           // latest start first
};

// The live partnerships and fairs (events of kind fair) with a live exhibitor, a live lead or a
// stored B2B meeting, kept to the rows `partnerships_visible` and `events_visible` keep (nullptr:
// all). A partnership is listed when it has leads or such a fair; at most `limit` of each.
TradeHolders FindTradeHolders(Db& db, const Condition* partnerships_visible,
                              const Condition* events_visible, int limit);

}  // namespace amity::store
