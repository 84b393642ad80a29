// The demo data: the İzmir–Harbin case (embedded JSON, loaded through the API's own
// validation) and a generator of many more partnerships for benchmarks.
#pragma once

#include <map>
#include <string>

#include "api/api.h"
#include "store/db.h"

namespace amity::cli {

// Adds `count` generated partnerships (with partner cities, people, meetings, ~100 commitments
// with histories, and events each) straight through the store, one transaction per
// partnership. Deterministic for a given `count` and `busy`: with `busy` over 100, the first
// partnership gets that many commitments (the benchmarks' busy partnership). Prints progress to
// stderr.
void GenerateScaleData(store::Db& db, int count, int busy = 0);

// Uploads `bytes` as file `name` of record `holder_id` (collection `holder`; `milestone` may be
// empty) through the API's resumable uploads, as the system. Throws when the API refuses it.
void UploadDemoFile(api::Api& api, const std::string& holder, const std::string& holder_id,
                    const std::string& milestone, const std::string& name,
                    const std::string& bytes);

// The demo's files (demo_files.cpp), kept with the records the demo loader named `ids` (its
// refs to ids).
void LoadDemoFiles(api::Api& api, const std::map<std::string, std::string>& ids);

// A drawn picture of each demo product (demo_product_photos.cpp), uploaded to the product.
void LoadDemoProductPhotos(api::Api& api, const std::map<std::string, std::string>& ids);

}  // namespace amity::cli
