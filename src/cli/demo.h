// The demo data: the İzmir–Harbin case (embedded JSON, loaded through the API's own
// validation) and a generator of many more partnerships for benchmarks.
#pragma once

#include "store/db.h"

namespace amity::cli {

// Adds `count` generated partnerships (with partner cities, people, meetings, ~100 commitments
// with histories, and events each) straight through the store, one transaction per
// partnership. Deterministic for a given `count`. Prints progress to stderr.
void GenerateScaleData(store::Db& db, int count);

}  // namespace amity::cli
