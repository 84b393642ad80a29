// libFuzzer target: a JSON request body mapped onto a resource the way POST (create) and PATCH
// do it, through api::ParseObject and api::ValidateFields.
//
// Input: one selector byte, then the body. The selector's low four bits pick the resource (modulo
// the number of resources, in domain::AllResources() order) and its bit 0x10 the mode: with the
// eight resources of today '@' 'A' … 'G' create cities, organizations, people, partnerships,
// meetings, commitments, events, glossary, and 'P' 'Q' … 'W' patch them.
//
// Besides "no crash, no leak, no undefined behaviour" it checks what the callers rely on:
//  - a body that does not parse yields problems (status 400) and leaves the output empty;
//  - problems have a code, and StatusFor is 400 or 422;
//  - a valid result holds only writable fields of the resource, null only where a patch clears
//    an optional field, every required field on create, references that are UUIDs, and instants
//    that are the instants given (written in UTC);
//  - the normalized result validates again without problems to the same fields (normalizing is
//    stable, so a stored record read back and written again does not change), and serializes to
//    JSON that parses back to an object.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "api/validation.h"
#include "base/id.h"
#include "base/time.h"
#include "domain/resources.h"

namespace {

namespace json = boost::json;
using amity::api::Mode;
using amity::api::Validated;
using amity::domain::FieldSpec;
using amity::domain::ResourceSpec;

void Check(bool ok, const char* what, const ResourceSpec& spec, Mode mode) {
  if (ok) return;
  std::fprintf(stderr, "invariant violated (%.*s, %s): %s\n", static_cast<int>(spec.name.size()),
               spec.name.data(), mode == Mode::kCreate ? "create" : "patch", what);
  std::abort();
}

void CheckProblems(const amity::Problems& problems, const ResourceSpec& spec, Mode mode) {
  for (const amity::Problem& problem : problems) {
    Check(!problem.code.empty(), "a problem without a code", spec, mode);
    Check(!problem.message.empty(), "a problem without a message", spec, mode);
  }
  const int status = amity::api::StatusFor(problems);
  Check(status == 400 || status == 422, "StatusFor is neither 400 nor 422", spec, mode);
}

void CheckValid(const ResourceSpec& spec, Mode mode, const json::object& input,
                const Validated& result) {
  for (const auto& [key, value] : result.fields) {
    const FieldSpec* field = spec.Field(key);
    Check(field != nullptr, "a field the resource does not have", spec, mode);
    Check(field->writable, "a read-only field in the result", spec, mode);
    Check(!value.is_null() || (mode == Mode::kPatch && !field->required),
          "null for a required field, or on create", spec, mode);
    if (field->type == amity::domain::FieldType::kInstant && value.is_string()) {
      const auto given = amity::ParseInstant(input.at(key).as_string());
      Check(given.has_value() && amity::ParseInstant(value.as_string()) == given,
            "an instant normalized to another instant", spec, mode);
    }
  }
  if (mode == Mode::kCreate) {
    for (const FieldSpec& field : spec.fields) {
      Check(!field.writable || !field.required || result.fields.contains(field.name),
            "a required field missing on create", spec, mode);
    }
  }
  for (const amity::api::ReferenceCheck& reference : result.references) {
    Check(!reference.field.empty() && !reference.table.empty(), "an unnamed reference", spec, mode);
    Check(amity::IsUuid(reference.id), "a reference that is not a UUID", spec, mode);
  }

  const Validated again = amity::api::ValidateFields(spec, result.fields, mode);
  Check(again.problems.empty(), "the normalized fields do not validate again", spec, mode);
  Check(again.fields == result.fields, "validating the normalized fields changes them", spec, mode);
  Check(again.references.size() == result.references.size(),
        "validating again finds other references", spec, mode);

  json::object reparsed;
  Check(amity::api::ParseObject(json::serialize(result.fields), reparsed).empty(),
        "the normalized fields do not serialize to a JSON object", spec, mode);
  Check(reparsed.size() == result.fields.size(), "serializing loses fields", spec, mode);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto resources = amity::domain::AllResources();
  const ResourceSpec& spec = *resources[(data[0] & 0x0F) % resources.size()];
  const Mode mode = (data[0] & 0x10) != 0 ? Mode::kPatch : Mode::kCreate;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);

  json::object input;
  const amity::Problems parse_problems = amity::api::ParseObject(body, input);
  if (!parse_problems.empty()) {
    CheckProblems(parse_problems, spec, mode);
    Check(amity::api::StatusFor(parse_problems) == 400, "a parse failure is not a 400", spec, mode);
    Check(input.empty(), "a parse failure fills the output", spec, mode);
    return 0;
  }

  const Validated result = amity::api::ValidateFields(spec, input, mode);
  if (!result.problems.empty()) {
    CheckProblems(result.problems, spec, mode);
    return 0;
  }
  CheckValid(spec, mode, input, result);
  return 0;
}
