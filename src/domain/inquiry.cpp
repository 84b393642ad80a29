#include "domain/inquiry.h"

#include <algorithm>

namespace amity::domain {

const ResourceSpec& InquiryBody() {
  static const FieldSpec fields[] = {
      {.name = "company",
       .type = FieldType::kString,
       .required = true,
       .max_length = 200,
       .description = "the inquirer's company"},
      {.name = "contact_name",
       .type = FieldType::kString,
       .required = true,
       .max_length = 200,
       .description = "who to answer"},
      {.name = "email", .type = FieldType::kString, .required = true, .max_length = 200},
      {.name = "phone", .type = FieldType::kString, .max_length = 50},
      {.name = "country",
       .type = FieldType::kCountry,
       .required = true,
       .description = "the inquirer's country, ISO 3166-1 alpha-2"},
      {.name = "product_ids",
       .type = FieldType::kReferenceList,
       .references = "products",
       .max_length = 50,
       .description = "products of interest, from the fair's public catalogue"},
      {.name = "message", .type = FieldType::kString, .required = true, .max_length = 4000},
      {.name = "website",
       .type = FieldType::kString,
       .max_length = 200,
       .description = "leave empty (a field hidden from people)"},
  };
  static const ResourceSpec spec{"inquiries", "inquiry", fields};
  return spec;
}

bool LooksLikeEmail(std::string_view email) {
  const size_t at = email.find('@');
  return email.size() >= 3 && email.size() <= 254 && at != std::string_view::npos && at > 0 &&
         at + 1 < email.size() && email.find('@', at + 1) == std::string_view::npos &&
         email.find('.', at + 2) != std::string_view::npos && email.back() != '.' &&
         email.find_first_of(" \t\r\n<>()[],;:\"\\'") == std::string_view::npos;
}

Problems CheckInquiry(std::string_view email, const std::vector<std::string>& product_ids,
                      const std::vector<std::string>& catalogue) {
  Problems problems;
  if (!LooksLikeEmail(email)) {
    problems.push_back(
        {"email", "invalid_email", "expected one e-mail address, like name@example.com"});
  }
  for (size_t i = 0; i < product_ids.size(); ++i) {
    if (std::find(catalogue.begin(), catalogue.end(), product_ids[i]) == catalogue.end()) {
      problems.push_back({"product_ids[" + std::to_string(i) + "]", "not_in_catalogue",
                          "not a product in this fair's catalogue"});
    }
  }
  return problems;
}

namespace {

// The bucket's units at `now`: refilled for the time since it was last updated, up to full.
long long UnitsAt(const TokenBucket& bucket, const RateLimit& limit, Instant now) {
  const long long full = static_cast<long long>(limit.capacity) * limit.window_seconds;
  if (bucket.units < 0) return full;
  const long long elapsed = std::max<long long>(0, (now - bucket.updated).count());
  return std::min(full, bucket.units + elapsed * limit.capacity);
}

}  // namespace

std::optional<int> TakeToken(TokenBucket& bucket, const RateLimit& limit, Instant now) {
  if (limit.capacity <= 0 || limit.window_seconds <= 0) return std::nullopt;
  const long long units = UnitsAt(bucket, limit, now);
  if (units >= limit.window_seconds) {
    bucket.units = units - limit.window_seconds;
    bucket.updated = now;
    return std::nullopt;
  }
  const long long missing = limit.window_seconds - units;
  return static_cast<int>(std::max<long long>(1, (missing + limit.capacity - 1) / limit.capacity));
}

bool BucketFull(const TokenBucket& bucket, const RateLimit& limit, Instant now) {
  return UnitsAt(bucket, limit, now) >=
         static_cast<long long>(limit.capacity) * limit.window_seconds;
}

}  // namespace amity::domain
