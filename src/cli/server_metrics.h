// The text of GET /metrics: the HTTP server's counters (http::Metrics) and what only the
// composer knows: the database and write-ahead log sizes, texts waiting for machine translation
// and the time of the newest backup.
#pragma once

#include <string>

#include "http/metrics.h"
#include "store/pool.h"

namespace amity::cli {

// Renders every metric in the Prometheus text format. `backup_dir`: where amity-backup keeps its
// copies (amity-*.db); empty or absent counts as no backup (time 0). Throws on a database error.
std::string ServerMetricsText(const http::Metrics& metrics, const std::string& db_path,
                              const std::string& backup_dir, store::Pool& pool);

}  // namespace amity::cli
