// Maps a JSON request body onto a resource's fields: types, choices, required fields, nested
// objects and lists, translatable texts. Everything that can be checked without the database is
// checked here; references are collected for the caller to check inside its transaction.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"
#include "domain/resources.h"

namespace amity::api {

// A reference found in the input: `field` (e.g. "participants[1].person_id") must name a live
// record of `table`.
struct ReferenceCheck {
  std::string field;
  std::string_view table;
  std::string id;
};

struct Validated {
  boost::json::object fields;  // normalized values (instants in UTC, texts with "original")
  Problems problems;           // empty when valid
  std::vector<ReferenceCheck> references;
};

enum class Mode { kCreate, kPatch };

// Parses `body` as a JSON object. On failure returns problems with code "malformed_json"
// (including invalid UTF-8), "not_object", or "duplicate_key" naming the first key that appears
// twice in one object (e.g. "title.en"; JSON parsers differ in which value they keep).
Problems ParseObject(std::string_view body, boost::json::object& out);

// The "control_character" problem of `field` when `text` holds a control character other than
// tab, line feed and carriage return (see ForbiddenControlCharacter); nullopt when it holds
// none. For every text a person writes.
std::optional<Problem> ControlCharacterProblem(const std::string& field, std::string_view text);

// "must lie between 1900-01-01 and 2200-12-31": the message of a date or instant outside the
// range records accept (InSupportedRange).
std::string DateRangeMessage();

// Validates `input` against `spec`. In kCreate mode required fields must be present and non-null;
// in kPatch mode only the given fields are checked and null clears an optional field.
Validated ValidateFields(const domain::ResourceSpec& spec, const boost::json::object& input,
                         Mode mode);

// The HTTP status for a set of problems: 400 when any is about the shape of the input
// (malformed, duplicate key, unknown or read-only field, wrong type), otherwise 422.
int StatusFor(const Problems& problems);

}  // namespace amity::api
