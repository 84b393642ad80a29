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
  std::optional<std::string> actor;  // e-mail address of the user who made the change
  std::optional<std::string> op;     // create, update, archive, transition
  std::optional<std::string> since;  // UTC instant text, inclusive
  std::optional<std::string> until;  // exclusive
  int limit = 50;
  int offset = 0;
};

// Changes matching `query`, newest first, and how many match in all.
Page ListChanges(Db& db, const ChangeQuery& query);

}  // namespace amity::store
