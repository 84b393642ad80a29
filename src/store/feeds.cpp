#include "store/feeds.h"

namespace amity::store {
namespace {

constexpr char kColumns[] = "id, user_id, kind, partnership_id, lang, created_at";

Feed ReadFeed(const Stmt& row) {
  Feed feed{.id = std::string(row.Text(0)),
            .user_id = std::string(row.Text(1)),
            .kind = std::string(row.Text(2)),
            .lang = std::string(row.Text(4)),
            .created_at = std::string(row.Text(5))};
  if (!row.IsNull(3)) feed.partnership_id = std::string(row.Text(3));
  return feed;
}

}  // namespace

void InsertFeed(Db& db, const Feed& feed, std::string_view token_digest) {
  db.Prepare(
        "INSERT INTO calendar_feeds (id, user_id, kind, partnership_id, lang, token_digest, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, feed.id)
      .Bind(2, feed.user_id)
      .Bind(3, feed.kind)
      .Bind(4, feed.partnership_id)
      .Bind(5, feed.lang)
      .Bind(6, token_digest)
      .Bind(7, feed.created_at)
      .Run();
}

std::optional<Feed> FindFeed(Db& db, std::string_view token_digest) {
  Stmt select = db.Prepare(std::string("SELECT ") + kColumns +
                           " FROM calendar_feeds WHERE token_digest = ? AND revoked_at IS NULL");
  if (!select.Bind(1, token_digest).Step()) return std::nullopt;
  return ReadFeed(select);
}

std::vector<Feed> ListFeeds(Db& db, std::string_view user_id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kColumns +
                           " FROM calendar_feeds WHERE user_id = ? AND revoked_at IS NULL "
                           "ORDER BY created_at, id");
  select.Bind(1, user_id);
  std::vector<Feed> feeds;
  while (select.Step()) feeds.push_back(ReadFeed(select));
  return feeds;
}

bool RevokeFeed(Db& db, std::string_view id, std::string_view user_id, std::string_view now) {
  Stmt update = db.Prepare(
      "UPDATE calendar_feeds SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS "
      "NULL RETURNING id");
  const bool found = update.Bind(1, now).Bind(2, id).Bind(3, user_id).Step();
  if (found) update.Step();
  return found;
}

}  // namespace amity::store
