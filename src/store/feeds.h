// Calendar feeds: who subscribed to what, found by the digest of the secret in their URL.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace amity::store {

struct Feed {
  std::string id;
  std::string user_id;
  std::string kind;  // partnership, mine
  std::optional<std::string> partnership_id;
  std::string lang;
  std::string created_at;
};

void InsertFeed(Db& db, const Feed& feed, std::string_view token_digest);
// The live (not revoked) feed whose secret has this digest.
std::optional<Feed> FindFeed(Db& db, std::string_view token_digest);
// The user's live feeds, oldest first.
std::vector<Feed> ListFeeds(Db& db, std::string_view user_id);
// Revokes the user's feed `id`; false when there is no such live feed of theirs.
bool RevokeFeed(Db& db, std::string_view id, std::string_view user_id, std::string_view now);

}  // namespace amity::store
