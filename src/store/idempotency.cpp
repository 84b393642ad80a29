#include "store/idempotency.h"

#include <boost/json.hpp>

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kSelectKept[] =
    "SELECT fingerprint, status, content_type, headers, body FROM idempotency_keys "
    "WHERE caller = ? AND key = ? AND created_at >= ?";
constexpr char kForgetExpired[] =
    "DELETE FROM idempotency_keys WHERE (caller, key) IN "
    "(SELECT caller, key FROM idempotency_keys WHERE created_at < ? LIMIT 16)";
constexpr char kKeep[] =
    "INSERT OR REPLACE INTO idempotency_keys "
    "(caller, key, fingerprint, status, content_type, headers, body, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

std::optional<KeptAnswer> FindKeptAnswer(Db& db, std::string_view caller, std::string_view key,
                                         std::string_view not_before) {
  Stmt select = db.Prepare(kSelectKept);
  if (!select.Bind(1, caller).Bind(2, key).Bind(3, not_before).Step()) return std::nullopt;
  KeptAnswer answer{.fingerprint = std::string(select.Text(0)),
                    .status = static_cast<int>(select.Int(1)),
                    .content_type = std::string(select.Text(2)),
                    .body = std::string(select.Text(4))};
  const json::value headers = json::parse(select.Text(3));
  for (const json::value& pair : headers.as_array()) {
    answer.headers.emplace_back(pair.at(0).as_string(), pair.at(1).as_string());
  }
  return answer;
}

void KeepAnswer(Db& db, std::string_view caller, std::string_view key, const KeptAnswer& answer,
                std::string_view now, std::string_view expired_before) {
  db.Prepare(kForgetExpired).Bind(1, expired_before).Run();
  json::array headers;
  for (const auto& [name, value] : answer.headers) headers.push_back(json::array{name, value});
  const std::string headers_json = json::serialize(headers);  // bound without a copy: kept alive
  db.Prepare(kKeep)
      .Bind(1, caller)
      .Bind(2, key)
      .Bind(3, answer.fingerprint)
      .Bind(4, static_cast<long long>(answer.status))
      .Bind(5, answer.content_type)
      .Bind(6, headers_json)
      .Bind(7, answer.body)
      .Bind(8, now)
      .Run();
}

}  // namespace amity::store
