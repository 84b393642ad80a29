// The demo data: the İzmir–Harbin case (embedded JSON, loaded through the API's own
// validation) and a generator of many more partnerships for benchmarks.
#pragma once

#include <boost/json.hpp>
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

// Posts `body` to `path` through the API as `principal` (no authentication) and returns the
// answer; throws std::runtime_error naming the problems when the API refuses it.
boost::json::object DemoPost(api::Api& api, const std::string& path,
                             const boost::json::object& body, const domain::Principal& principal);

// The instant the demo's applicants apply at (inside the demo calls' windows).
inline constexpr char kDemoApplicationDay[] = "2026-12-01T09:00:00Z";

// The exchange calls of `data` ("exchange_calls", on agreements the loader named in `ids`) and
// forty applicants for each, generated deterministically from the name lists of
// "exchange_applicant_names" (demo_exchange.cpp), posted as the system; a call marked
// "allocate" gets one locked allocation run.
void LoadDemoExchangeCalls(api::Api& api, const boost::json::object& data,
                           const std::map<std::string, std::string>& ids);

// The demo's files (demo_files.cpp), kept with the records the demo loader named `ids` (its
// refs to ids).
void LoadDemoFiles(api::Api& api, const std::map<std::string, std::string>& ids);

// A drawn picture of each demo product (demo_product_photos.cpp), uploaded to the product.
void LoadDemoProductPhotos(api::Api& api, const std::map<std::string, std::string>& ids);

}  // namespace amity::cli
