// The history of a commitment: its status transitions and progress notes, append-only.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "store/db.h"
#include "store/records.h"

namespace amity::store {

// Appends a transition (from → to, optional note) to the commitment's history.
void AppendTransition(Db& db, std::string_view commitment_id, std::string_view from,
                      std::string_view to, std::string_view note, const WriteContext& context);

// Appends a progress note; returns the stored entry.
boost::json::object AppendNote(Db& db, std::string_view commitment_id, std::string_view note,
                               const WriteContext& context);

// The commitment's history, oldest first; with `after` (UTC instant text) only the entries made
// later than that.
boost::json::array ListHistory(Db& db, std::string_view commitment_id,
                               const std::optional<std::string>& after = std::nullopt);

}  // namespace amity::store
