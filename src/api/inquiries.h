// The public portal's fair catalogue and inquiry form (issue 21), Amity's first public write
// path: GET /public/fairs/{id}/catalogue and POST /public/fairs/{id}/inquiries. An inquiry
// becomes a private lead of the fair's partnership (source portal_inquiry); it never makes
// anything public. Rate-limited per client address by an InquiryLimiter.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "base/time.h"
#include "domain/inquiry.h"

namespace amity::api {

// The token buckets of the addresses that sent inquiries lately, in memory (a restart forgets
// them). Thread-safe.
class InquiryLimiter {
 public:
  explicit InquiryLimiter(domain::RateLimit limit) : limit_(limit) {}

  // Takes a token for `address` at `now`: absent when the inquiry may go on, else the seconds
  // to wait (Retry-After). Buckets that are full again are forgotten now and then, so memory
  // stays bounded by the addresses seen within one window.
  std::optional<int> Take(const std::string& address, Instant now);

  const domain::RateLimit& limit() const { return limit_; }

 private:
  domain::RateLimit limit_;
  std::mutex mutex_;
  std::map<std::string, domain::TokenBucket> buckets_;
  size_t takes_since_sweep_ = 0;
};

}  // namespace amity::api
