// Turns list query parameters (?status=agreed,planned&due_date_from=…&sort=-due_date&limit=50)
// into a store::ListQuery for a resource, rejecting unknown parameters and bad values.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/resources.h"
#include "http/message.h"
#include "store/records.h"

namespace amity::api {

// One query parameter of a resource's list. ParseListQuery accepts exactly these, and the
// OpenAPI document describes them, so the two cannot drift apart.
struct ListParameter {
  enum class Kind {
    kLimit,     // page size, 1 to kMaxLimit
    kOffset,    // rows to skip, 0 to kMaxListOffset
    kCursor,    // where the page starts: the `next` of the page before
    kSort,      // one of `sort_keys`
    kArchived,  // true or false: include archived records
    kOverdue,   // commitments: only true (open and due before today)
    kEquals,    // `field` equals the value, or any of comma-separated values; for a list
                // field, the list holds the value or any of them
    kLanguage,  // lang: only records readable in this language (ResourceSpec::filter_by_language)
    kFrom,      // `field` (a date or an instant) on or after the value
    kTo,        // `field` on or before the value
    kIds,       // id: the records with these ids (comma-separated, at most kMaxLimit)
  };
  std::string name;
  Kind kind;
  const domain::FieldSpec* field = nullptr;  // kEquals, kFrom, kTo
  std::vector<std::string> sort_keys = {};   // kSort: each column, and with '-' for descending
};

inline constexpr int kMaxLimit = 200;
inline constexpr int kMaxOffset = 100000000;
// Record lists skip at most this many rows by offset (each costs a row read); deeper pages follow
// the `next` cursor, which costs what the first page does.
inline constexpr int kMaxListOffset = 2000;

// An opaque cursor (base64url) holding `fields`, none of which may hold a control character.
std::string EncodeCursor(std::initializer_list<std::string_view> fields);
// The fields of a cursor EncodeCursor made of `count` fields, or nullopt when `text` is not one.
std::optional<std::vector<std::string>> DecodeCursor(std::string_view text, size_t count);

// The opaque text of `cursor` for a list sorted by `sort` (a sort key such as "-due_date"), which
// ParseListQuery accepts back as `cursor` with that same sort.
std::string EncodeListCursor(std::string_view sort, const store::ListCursor& cursor);

// The query parameters a list of `spec` accepts, derived from its fields' filterable and sortable
// flags: paging, sort, archived, an equality filter per filterable field that is not an instant,
// and _from/_to bounds per filterable date or instant.
const std::vector<ListParameter>& ListParameters(const domain::ResourceSpec& spec);

// A query parameter of a route other than a record list (the change trail, search, the dashboard
// …), declared with its route in the route table: CheckQuery enforces the declarations and the
// OpenAPI document describes them, so the handler only reads values already checked.
struct QueryParameter {
  enum class Type {
    kText,     // any text
    kEnum,     // one of `values`
    kId,       // a UUID
    kInstant,  // an RFC 3339 instant
    kInteger,  // a whole number from `minimum` to `maximum`
  };
  std::string name;
  Type type = Type::kText;
  std::string description = {};
  std::vector<std::string> values = {};  // kEnum
  int minimum = 0;                       // kInteger
  int maximum = 0;
  bool required = false;
};

// The declarations of `limit` (1 to `max_limit`) and `offset` (0 to kMaxOffset).
std::vector<QueryParameter> PagingParameters(int max_limit);

// Throws HttpError 400 naming the parameter when `query` holds one that `declared` does not list,
// a value that does not fit its declaration, or lacks a required one.
void CheckQuery(std::span<const QueryParameter> declared, const http::Pairs& query);

// Tells whether the caller may see record `id` referenced by `field`.
using SeesReference = std::function<bool(const domain::FieldSpec& field, std::string_view id)>;

// Throws HttpError 400 for an unknown parameter or a malformed value, naming the parameter.
// `today` is used by the commitments' `overdue=true` filter. A filter value naming a record
// that `sees` (when given) says the caller may not see matches nothing, as a missing id would.
store::ListQuery ParseListQuery(const domain::ResourceSpec& spec, const http::Pairs& query,
                                Date today, const SeesReference& sees = nullptr);

// Reads a whole number from `value` of parameter `name`; throws HttpError 400 naming the
// parameter when it is not one or lies outside [minimum, maximum].
int ParseBoundedInt(std::string_view name, std::string_view value, int minimum, int maximum);

// When `name` is "limit" (1 to kMaxLimit) or "offset" (0 to kMaxOffset), stores the value and
// returns true; returns false for any other parameter. Throws HttpError 400 for a bad value.
bool ParsePaging(std::string_view name, std::string_view value, int& limit, int& offset);

// Throws HttpError 400 "Invalid query parameter" with one problem on `parameter`.
[[noreturn]] void RejectParameter(std::string_view parameter, std::string code,
                                  std::string message);

// Throws the 400 for a parameter the route does not know.
[[noreturn]] void RejectUnknownParameter(std::string_view parameter);

}  // namespace amity::api
