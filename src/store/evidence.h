// What shows that a commitment was done (domain::Evidence): files kept with it, its links, and
// the events of its partnership that name it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/commitment_status.h"
#include "store/db.h"

namespace amity::store {

// The ids of the live events of `partnership_id` whose commitment_ids name `commitment_id`, with
// whether each was held; soonest first.
struct LinkedEvent {
  std::string id;
  bool held = false;
};
std::vector<LinkedEvent> LinkedEvents(Db& db, std::string_view partnership_id,
                                      std::string_view commitment_id);

// The evidence counted for closing: live files on the commitment, its links (`links`, from the
// record), and held events naming it.
domain::Evidence CountEvidence(Db& db, std::string_view partnership_id,
                               std::string_view commitment_id, long long links);

}  // namespace amity::store
