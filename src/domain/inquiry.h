// The public portal's inquiry form (issue 21): what a buyer may send without an account, the
// rules it must meet, and the per-address token bucket that limits how often. Pure: the caller
// gathers the fair's catalogue and passes the time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"
#include "base/time.h"
#include "domain/resources.h"

namespace amity::domain {

// The body of POST /public/fairs/{id}/inquiries: company, contact_name, email, phone (optional),
// country (ISO 3166-1 alpha-2), product_ids (from the fair's public catalogue), message, and
// `website`, a honeypot people never see and bots fill in.
const ResourceSpec& InquiryBody();

// The largest inquiry body accepted, in bytes (larger: 413 before the body is read).
inline constexpr size_t kMaxInquiryBytes = 16 * 1024;

// Problems of a validated inquiry body beyond its fields' shapes: "email" invalid_email (not
// one address like name@example.com); "product_ids[i]" not_in_catalogue (not a product the fair
// shows publicly). `catalogue` holds the ids of the fair's public products.
Problems CheckInquiry(std::string_view email, const std::vector<std::string>& product_ids,
                      const std::vector<std::string>& catalogue);

// True for one plausible e-mail address: something@host, no spaces, brackets or quotes.
bool LooksLikeEmail(std::string_view email);

// A token bucket: `capacity` requests at once, refilled evenly over `window_seconds` (so 5 per
// 600 s gives one back every 120 s).
struct RateLimit {
  int capacity = 5;
  int window_seconds = 600;
};
// Exact: a token is `window_seconds` units and each second gives back `capacity` units.
struct TokenBucket {
  long long units = -1;  // -1: new, full
  Instant updated{};
};

// Takes one token from `bucket` at `now` (a new bucket, `updated` zero, starts full). Returns
// absent when taken, else the whole seconds until one token is back (at least 1), leaving the
// bucket's tokens as they are. A limit with capacity 0 refuses nothing.
std::optional<int> TakeToken(TokenBucket& bucket, const RateLimit& limit, Instant now);

// True when `bucket` is full again at `now` (it may be forgotten).
bool BucketFull(const TokenBucket& bucket, const RateLimit& limit, Instant now);

}  // namespace amity::domain
