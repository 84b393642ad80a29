#include "api/idempotency.h"

#include <chrono>

#include "auth/secrets.h"
#include "base/time.h"
#include "http/error.h"
#include "store/idempotency.h"

namespace amity::api {

namespace {

constexpr auto kKeptFor = std::chrono::hours(24);
constexpr size_t kMaxKeyLength = 255;

// A key is 1 to 255 visible ASCII characters (a UUID, as the UI sends, is one).
bool IsValidKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  for (const char c : key) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

}  // namespace

bool HasIdempotencyKey(const Call& call) {
  return call.request.method == "POST" && call.authenticated && !call.principal.user_id.empty() &&
         call.request.Header("Idempotency-Key").has_value();
}

http::Response AnswerOnce(Call& call, const std::function<http::Response()>& handle) {
  const std::string_view key = *call.request.Header("Idempotency-Key");
  if (!IsValidKey(key)) {
    throw http::HttpError(400, "Malformed Idempotency-Key",
                          {{"Idempotency-Key", "invalid_key",
                            "send 1 to 255 visible ASCII characters, e.g. a random UUID"}});
  }
  const std::string fingerprint = auth::TokenDigest(call.request.method + " " + call.request.path +
                                                    "\n" + std::string(call.request.body));
  const std::string now = FormatInstant(call.now);
  const std::string expired_before = FormatInstant(call.now - kKeptFor);
  // The lookup, the write and the kept answer in one write transaction: a second request with
  // the key waits for the first one's commit and then finds its answer.
  store::Tx tx(call.db);
  const std::string& caller = call.principal.user_id;
  if (auto kept = store::FindKeptAnswer(call.db, caller, key, expired_before)) {
    if (kept->fingerprint != fingerprint) {
      throw http::HttpError(422, "Idempotency-Key reused",
                            {{"Idempotency-Key", "key_reused",
                              "this key was sent with another request within 24 hours; send a "
                              "new key for a new request"}});
    }
    http::Response replay{.status = kept->status,
                          .content_type = std::move(kept->content_type),
                          .headers = std::move(kept->headers),
                          .body = std::move(kept->body)};
    replay.headers.emplace_back("Idempotency-Replayed", "true");
    return replay;
  }
  http::Response response = handle();
  // Only what was done is kept: a refused request (4xx) wrote nothing and may be sent again.
  if (response.status >= 200 && response.status < 300) {
    store::KeepAnswer(call.db, caller, key,
                      {.fingerprint = fingerprint,
                       .status = response.status,
                       .content_type = response.content_type,
                       .headers = response.headers,
                       .body = response.body},
                      now, expired_before);
  }
  tx.Commit();
  return response;
}

}  // namespace amity::api
