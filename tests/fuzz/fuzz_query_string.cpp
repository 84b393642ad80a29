// libFuzzer target: a request target as it comes off the wire, through what the server and the
// API do with it before any database work: http::PercentDecode of the path, http::SplitPath and
// http::Pattern::Match against the API's route patterns, http::ParseQuery of the query string,
// and api::ParseListQuery of the decoded parameters for a resource.
//
// Input: "path?query", optionally followed by a line break and a route pattern of the fuzzer's
// own ("/api/v1/x/{id}"), which is split and matched against the path too. When the path names a
// resource (/api/v1/commitments…) its list query is parsed for that resource, otherwise for every
// resource.
//
// Besides "no crash, no leak, no undefined behaviour" it checks:
//  - decoding never makes text longer, and leaves text without '%' (and '+') unchanged;
//  - segments are non-empty, hold no '/', and are the path's text without its slashes;
//  - a path matches the pattern made of itself, and a match yields one parameter per "{name}"
//    segment, holding the path's segment;
//  - parsed query pairs, percent-encoded again, parse back to the same pairs;
//  - ParseListQuery either throws a 400 HttpError with one problem naming a given parameter, or
//    returns paging within bounds, a sort column the resource allows, and conditions that start
//    with a column of the resource (or look inside a list column) and have as many '?' placeholders
//    as parameters (no value of the query ever reaches the SQL text), range bounds being dates or
//    UTC instants.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/list_query.h"
#include "base/time.h"
#include "domain/resources.h"
#include "http/error.h"
#include "http/query.h"
#include "http/router.h"

namespace {

using amity::domain::ResourceSpec;

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "invariant violated: %s\n", what);
  std::abort();
}

// A copy in a heap block of exactly its size, so that AddressSanitizer sees any read past the
// end of a part (a string_view into the whole input would hide reads into the next part).
class ExactCopy {
 public:
  explicit ExactCopy(std::string_view text)
      : size_(text.size()), data_(std::make_unique<char[]>(text.size())) {
    std::copy(text.begin(), text.end(), data_.get());
  }
  std::string_view view() const { return {data_.get(), size_}; }

 private:
  size_t size_;
  std::unique_ptr<char[]> data_;
};

// The patterns of the API's route table (src/api/api.cpp), without the methods.
const std::vector<amity::http::Pattern>& RoutePatterns() {
  static const std::vector<amity::http::Pattern> patterns = [] {
    std::vector<amity::http::Pattern> list;
    for (const ResourceSpec* spec : amity::domain::AllResources()) {
      const std::string base = "/api/v1/" + std::string(spec->name);
      list.emplace_back(base);
      list.emplace_back(base + "/{id}");
      list.emplace_back(base + "/{id}/changes");
    }
    for (const char* pattern : {"/api/v1/commitments/{id}/transitions",
                                "/api/v1/commitments/{id}/notes",
                                "/api/v1/commitments/{id}/history",
                                "/api/v1/partnerships/{id}/timeline",
                                "/api/v1/dashboard",
                                "/api/v1/areas",
                                "/api/v1/areas/{code}",
                                "/api/v1/search",
                                "/api/v1/translations",
                                "/api/v1/changes",
                                "/api/v1/audit",
                                "/api/v1/session",
                                "/api/v1/session/password",
                                "/api/v1/users",
                                "/api/v1/users/{id}",
                                "/api/v1/users/{id}/password",
                                "/api/v1/tokens",
                                "/api/v1/tokens/{id}",
                                "/api/v1/openapi.json",
                                "/healthz"}) {
      list.emplace_back(pattern);
    }
    return list;
  }();
  return patterns;
}

bool IsParameter(std::string_view part) {
  return part.size() > 2 && part.front() == '{' && part.back() == '}';
}

void CheckDecoded(std::string_view raw, const std::string& decoded, bool plus_is_space) {
  Check(decoded.size() <= raw.size(), "decoding made the text longer");
  if (raw.find('%') == std::string_view::npos) {
    std::string expected(raw);
    if (plus_is_space) std::replace(expected.begin(), expected.end(), '+', ' ');
    Check(decoded == expected, "decoding changed text without escapes");
  }
}

void CheckMatch(const amity::http::Pattern& pattern, const std::vector<std::string_view>& segments,
                const amity::http::Params& params) {
  const std::vector<std::string_view> parts = amity::http::SplitPath(pattern.text());
  Check(parts.size() == segments.size(), "a match with another number of segments");
  size_t next = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!IsParameter(parts[i])) {
      Check(parts[i] == segments[i], "a match with another literal segment");
      continue;
    }
    Check(next < params.size(), "a parameter segment without a parameter");
    Check(params[next].first == parts[i].substr(1, parts[i].size() - 2),
          "a parameter with another name");
    Check(params[next].second == segments[i], "a parameter with another value");
    ++next;
  }
  Check(next == params.size(), "more parameters than parameter segments");
}

// Percent-encodes everything but unreserved characters (RFC 3986). A NUL byte goes back raw: it
// can only have come raw, since a decoded one (%00) is refused.
std::string Encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '\0') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

void CheckListQuery(const ResourceSpec& spec, const amity::http::Pairs& query, amity::Date today) {
  amity::store::ListQuery list;
  try {
    list = amity::api::ParseListQuery(spec, query, today);
  } catch (const amity::http::HttpError& error) {
    Check(error.status() == 400, "a list query error that is not a 400");
    Check(error.problems().size() == 1, "a list query error without exactly one problem");
    const std::string& field = error.problems()[0].field;
    Check(std::any_of(query.begin(), query.end(),
                      [&](const auto& pair) { return pair.first == field; }),
          "a list query error naming no given parameter");
    return;
  }
  Check(list.limit >= 1 && list.limit <= 200, "limit out of bounds");
  Check(list.offset >= 0, "negative offset");
  const auto is_column = [&](std::string_view name) {
    return name == "created_at" || name == "updated_at" || spec.Field(name) != nullptr;
  };
  // "id" when a filter holds the sort column to one value (the same order, read by id).
  Check(is_column(list.sort_column) || list.sort_column == "id",
        "sorting by something that is not a column");
  for (const amity::store::Condition& condition : list.conditions) {
    std::string_view sql = condition.sql;
    // A list field (tags, …) is filtered inside its stored JSON array.
    constexpr std::string_view kInList = "EXISTS (SELECT 1 FROM json_each(";
    if (sql.starts_with(kInList)) {
      sql.remove_prefix(kInList.size());
      const std::string_view column = sql.substr(0, sql.find(')'));
      Check(is_column(column) && spec.Field(column) != nullptr &&
                amity::domain::IsListType(spec.Field(column)->type),
            "a json_each condition on something that is not a list column");
    } else {
      const std::string_view column = sql.substr(0, sql.find(' '));
      Check(is_column(column) || column == "id", "a condition not starting with a column");
    }
    Check(static_cast<size_t>(std::count(sql.begin(), sql.end(), '?')) == condition.params.size(),
          "placeholders and parameters differ in number");
    // A range bound (due_date_from, starts_at_to, …) is a date, or an instant as FormatInstant
    // writes it, so that it compares with the stored text.
    if (sql.ends_with(" >= ?") || sql.ends_with(" <= ?")) {
      const std::string& bound = condition.params.at(0);
      const auto instant = amity::ParseInstant(bound);
      Check(amity::ParseDate(bound).has_value() ||
                (instant.has_value() && amity::FormatInstant(*instant) == bound),
            "a range bound that is neither a date nor a UTC instant");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t line_break = input.find('\n');
  const std::string_view target = input.substr(0, line_break);
  const size_t question = target.find('?');
  const ExactCopy raw_path(target.substr(0, question));
  const ExactCopy raw_query(question == std::string_view::npos ? std::string_view()
                                                               : target.substr(question + 1));

  // The path, as the server decodes and the API routes it.
  const ResourceSpec* named = nullptr;
  if (const auto path = amity::http::PercentDecode(raw_path.view(), false)) {
    CheckDecoded(raw_path.view(), *path, false);
    const ExactCopy path_copy(*path);
    const std::vector<std::string_view> segments = amity::http::SplitPath(path_copy.view());
    std::string joined;
    for (const std::string_view segment : segments) {
      Check(!segment.empty(), "an empty segment");
      Check(segment.find('/') == std::string_view::npos, "a segment with a slash");
      joined += segment;
    }
    std::string without_slashes(*path);
    std::erase(without_slashes, '/');
    Check(joined == without_slashes, "segments are not the path without its slashes");

    amity::http::Params params;
    for (const amity::http::Pattern& pattern : RoutePatterns()) {
      if (pattern.Match(segments, params)) CheckMatch(pattern, segments, params);
    }
    const amity::http::Pattern itself(*path);
    Check(itself.Match(segments, params), "a path does not match its own pattern");
    CheckMatch(itself, segments, params);
    if (line_break != std::string_view::npos) {
      const amity::http::Pattern pattern(std::string(input.substr(line_break + 1)));
      if (pattern.Match(segments, params)) CheckMatch(pattern, segments, params);
    }
    if (segments.size() >= 3 && segments[0] == "api" && segments[1] == "v1") {
      named = amity::domain::FindResource(segments[2]);
    }
  }

  // The query string.
  const auto query = amity::http::ParseQuery(raw_query.view());
  if (!query) return 0;
  std::string encoded;
  for (const auto& [name, value] : *query) {
    Check(name.size() + value.size() <= raw_query.view().size(), "a pair longer than its query");
    if (!encoded.empty()) encoded += '&';
    encoded += Encode(name) + "=" + Encode(value);
  }
  const auto reparsed = amity::http::ParseQuery(encoded);
  Check(reparsed.has_value(), "encoded pairs do not parse");
  Check(*reparsed == *query, "encoded pairs parse to other pairs");

  static const amity::Date today = *amity::ParseDate("2027-01-05");
  if (named != nullptr) {
    CheckListQuery(*named, *query, today);
  } else {
    for (const ResourceSpec* spec : amity::domain::AllResources()) {
      CheckListQuery(*spec, *query, today);
    }
  }
  return 0;
}
