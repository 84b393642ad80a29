// The answers kept for POST requests sent with an Idempotency-Key (migration 15): looked up and
// written inside the transaction of the write they answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/db.h"

namespace amity::store {

struct KeptAnswer {
  std::string fingerprint;  // of the request first sent with the key
  int status = 0;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// The answer kept for `key` of user `caller` since `not_before` (UTC instant text), or nullopt
// when there is none (never sent, or kept longer ago).
std::optional<KeptAnswer> FindKeptAnswer(Db& db, std::string_view caller, std::string_view key,
                                         std::string_view not_before);

// Keeps `answer` for `key` of `caller` at `now`, replacing an expired one; first forgets up to 16
// answers kept before `expired_before`, so the table holds about a day of keys. Throws DbError.
void KeepAnswer(Db& db, std::string_view caller, std::string_view key, const KeptAnswer& answer,
                std::string_view now, std::string_view expired_before);

}  // namespace amity::store
