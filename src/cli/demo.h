// The demo data: the İzmir–Harbin case (embedded JSON, loaded through the API's own
// validation) and a generator of many more partnerships for benchmarks.
#pragma once

#include "store/db.h"

namespace amity::cli {

// Adds `count` generated partnerships (with partner cities, people, meetings, ~100 commitments
// with histories, and events each) straight through the store, one transaction per
// partnership. Deterministic for a given `count` and `busy`: with `busy` over 100, the first
// partnership gets that many commitments (the benchmarks' busy partnership). Prints progress to
// stderr.
void GenerateScaleData(store::Db& db, int count, int busy = 0);

}  // namespace amity::cli
