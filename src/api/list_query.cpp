#include "api/list_query.h"

#include <algorithm>
#include <charconv>

#include "base/id.h"
#include "base/text.h"
#include "http/error.h"
#include "store/read_models.h"

namespace amity::api {
using domain::FieldSpec;
using domain::FieldType;

namespace {

std::vector<std::string> SplitComma(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    parts.emplace_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

// Checks one filter value of `field`; returns it normalized.
std::string FilterValue(const FieldSpec& field, std::string_view parameter,
                        std::string_view value) {
  switch (field.type) {
    case FieldType::kEnum:
      if (std::find(field.values.begin(), field.values.end(), value) == field.values.end()) {
        RejectParameter(parameter, "invalid_enum",
                        "'" + std::string(value) + "' is not a valid " + std::string(field.name));
      }
      break;
    case FieldType::kReference:
      if (!IsUuid(value)) RejectParameter(parameter, "invalid_id", "expected an id (UUID)");
      break;
    case FieldType::kCountry:
      if (!IsCountryCode(value))
        RejectParameter(parameter, "invalid_country", "expected e.g. TR or CN");
      break;
    case FieldType::kDate:
      if (!ParseDate(value)) RejectParameter(parameter, "invalid_date", "expected YYYY-MM-DD");
      break;
    default:
      break;
  }
  return std::string(value);
}

// A range bound for a date or instant field. Instants accept a date too: "_from" a date means
// its first second (UTC), "_to" its last.
std::string RangeBound(const FieldSpec& field, std::string_view parameter, std::string_view value,
                       bool upper) {
  if (field.type == FieldType::kDate) return FilterValue(field, parameter, value);
  if (const auto instant = ParseInstant(value)) return FormatInstant(*instant);
  if (ParseDate(value)) return std::string(value) + (upper ? "T23:59:59Z" : "T00:00:00Z");
  RejectParameter(parameter, "invalid_instant", "expected a date or an RFC 3339 instant");
}

}  // namespace

void RejectParameter(std::string_view parameter, std::string code, std::string message) {
  throw http::HttpError(400, "Invalid query parameter",
                        {{std::string(parameter), std::move(code), std::move(message)}});
}

void RejectUnknownParameter(std::string_view parameter) {
  RejectParameter(parameter, "unknown_parameter", "unknown query parameter");
}

bool ParsePaging(std::string_view name, std::string_view value, int& limit, int& offset) {
  if (name == "limit") {
    limit = ParseBoundedInt(name, value, 1, 200);
  } else if (name == "offset") {
    offset = ParseBoundedInt(name, value, 0, 100000000);
  } else {
    return false;
  }
  return true;
}

int ParseBoundedInt(std::string_view name, std::string_view value, int minimum, int maximum) {
  int number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < minimum ||
      number > maximum) {
    RejectParameter(name, "out_of_range",
                    "expected a whole number from " + std::to_string(minimum) + " to " +
                        std::to_string(maximum));
  }
  return number;
}

store::ListQuery ParseListQuery(const domain::ResourceSpec& spec, const http::Pairs& query,
                                Date today, const SeesReference& sees) {
  store::ListQuery list;
  for (const auto& [name, value] : query) {
    if (ParsePaging(name, value, list.limit, list.offset)) {
      continue;
    } else if (name == "archived") {
      if (value != "true" && value != "false")
        RejectParameter(name, "invalid_boolean", "true or false");
      list.include_archived = value == "true";
    } else if (name == "sort") {
      std::string_view column = value;
      list.descending = column.starts_with('-');
      if (list.descending) column.remove_prefix(1);
      const FieldSpec* field = spec.Field(column);
      if (column != "created_at" && column != "updated_at" && (!field || !field->sortable)) {
        std::string sortable = "created_at, updated_at";
        for (const FieldSpec& f : spec.fields) {
          if (f.sortable) sortable += ", " + std::string(f.name);
        }
        RejectParameter(name, "invalid_sort",
                        "sort by one of: " + sortable + " (prefix - for descending)");
      }
      list.sort_column = std::string(column);
    } else if (name == "overdue" && spec.name == "commitments") {
      if (value != "true")
        RejectParameter(name, "invalid_boolean", "only overdue=true is supported");
      list.conditions.push_back({store::kOpenCommitmentSql, {}});
      list.conditions.push_back({"due_date < ?", {FormatDate(today)}});
    } else if (const FieldSpec* field = spec.Field(name);
               field && field->filterable && field->type != FieldType::kInstant) {
      std::vector<std::string> values;
      for (const std::string& part : SplitComma(value)) {
        values.push_back(FilterValue(*field, name, part));
        // No record has the empty id: the comparison then matches nothing.
        if (field->type == FieldType::kReference && sees && !sees(*field, values.back())) {
          values.back().clear();
        }
      }
      // "a = ? OR a = ? …" rather than "a IN (?, ?, …)": SQLite builds a temporary b-tree for
      // an IN list of more than two values and probes it for every row, while equal
      // comparisons cost a few instructions (it still uses an index on `a` for either form).
      std::string sql;
      for (size_t i = 0; i < values.size(); ++i) {
        ((sql += i ? " OR " : "") += field->name) += " = ?";
      }
      list.conditions.push_back({std::move(sql), std::move(values)});
    } else if (name.ends_with("_from") || name.ends_with("_to")) {
      const bool upper = name.ends_with("_to");
      const std::string base = name.substr(0, name.size() - (upper ? 3 : 5));
      const FieldSpec* ranged = spec.Field(base);
      if (!ranged || !ranged->filterable ||
          (ranged->type != FieldType::kDate && ranged->type != FieldType::kInstant)) {
        RejectUnknownParameter(name);
      }
      list.conditions.push_back(
          {base + (upper ? " <= ?" : " >= ?"), {RangeBound(*ranged, name, value, upper)}});
    } else {
      RejectUnknownParameter(name);
    }
  }
  return list;
}

}  // namespace amity::api
