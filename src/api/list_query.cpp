#include "api/list_query.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "base/id.h"
#include "base/text.h"
#include "domain/hs_code.h"
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
    case FieldType::kEnumList:
      if (std::find(field.values.begin(), field.values.end(), value) == field.values.end()) {
        RejectParameter(parameter, "invalid_enum",
                        "'" + std::string(value) + "' is not a valid " + std::string(field.name));
      }
      break;
    case FieldType::kReference:
      if (!IsUuid(value)) RejectParameter(parameter, "invalid_id", "expected an id (UUID)");
      break;
    case FieldType::kCountry:
    case FieldType::kCountryList:
      if (!IsCountryCode(value))
        RejectParameter(parameter, "invalid_country", "expected e.g. TR or CN");
      break;
    case FieldType::kTariffCode: {
      const auto code = domain::NormalizeTariffCode(value, field.max_length);
      if (!code) {
        RejectParameter(parameter, "invalid_hs_code",
                        "expected " + std::to_string(field.max_length) + " digits, e.g. 0804.20");
      }
      return *code;
    }
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

// Records of `spec` whose every translatable field that has a value has one in `lang`
// (original or translated): {"title ->> ? IS NOT NULL AND (problem IS NULL OR …)", "$.zh", …}.
store::Condition ReadableInCondition(const domain::ResourceSpec& spec, std::string_view lang) {
  store::Condition condition;
  const std::string path = "$." + std::string(lang);
  for (const FieldSpec& field : spec.fields) {
    if (field.type != FieldType::kText) continue;
    const std::string name(field.name);
    if (!condition.sql.empty()) condition.sql += " AND ";
    condition.sql += field.required ? name + " ->> ? IS NOT NULL"
                                    : "(" + name + " IS NULL OR " + name + " ->> ? IS NOT NULL)";
    condition.params.push_back(path);
  }
  return condition;
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
    limit = ParseBoundedInt(name, value, 1, kMaxLimit);
  } else if (name == "offset") {
    offset = ParseBoundedInt(name, value, 0, kMaxOffset);
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

namespace {

std::vector<ListParameter> BuildListParameters(const domain::ResourceSpec& spec) {
  using Kind = ListParameter::Kind;
  std::vector<ListParameter> parameters = {
      {"limit", Kind::kLimit}, {"offset", Kind::kOffset}, {"cursor", Kind::kCursor}};
  ListParameter sort{"sort", Kind::kSort};
  for (std::string_view column : {std::string_view("created_at"), std::string_view("updated_at")}) {
    sort.sort_keys.emplace_back(column);
  }
  for (const FieldSpec& field : spec.fields) {
    if (field.sortable) sort.sort_keys.emplace_back(field.name);
  }
  for (size_t i = 0, columns = sort.sort_keys.size(); i < columns; ++i) {
    sort.sort_keys.push_back("-" + sort.sort_keys[i]);
  }
  parameters.push_back(std::move(sort));
  parameters.push_back({"archived", Kind::kArchived});
  parameters.push_back({"id", Kind::kIds});
  if (spec.name == "commitments") parameters.push_back({"overdue", Kind::kOverdue});
  if (spec.filter_by_language) parameters.push_back({"lang", Kind::kLanguage});
  for (const FieldSpec& field : spec.fields) {
    if (!field.filterable) continue;
    const std::string name(field.name);
    if (field.type != FieldType::kInstant) parameters.push_back({name, Kind::kEquals, &field});
    if (field.type == FieldType::kDate || field.type == FieldType::kInstant) {
      parameters.push_back({name + "_from", Kind::kFrom, &field});
      parameters.push_back({name + "_to", Kind::kTo, &field});
    }
  }
  return parameters;
}

}  // namespace

std::vector<QueryParameter> PagingParameters(int max_limit) {
  using Type = QueryParameter::Type;
  return {{.name = "limit",
           .type = Type::kInteger,
           .description = "entries per page",
           .minimum = 1,
           .maximum = max_limit},
          {.name = "offset",
           .type = Type::kInteger,
           .description = "entries to skip",
           .minimum = 0,
           .maximum = kMaxOffset}};
}

void CheckQuery(std::span<const QueryParameter> declared, const http::Pairs& query) {
  using Type = QueryParameter::Type;
  for (const auto& [name, value] : query) {
    // A structured binding is not captured by name: clang 14 (the fuzz build) refuses it.
    const std::string_view wanted = name;
    const auto parameter = std::find_if(declared.begin(), declared.end(),
                                        [&](const QueryParameter& p) { return p.name == wanted; });
    if (parameter == declared.end()) RejectUnknownParameter(name);
    switch (parameter->type) {
      case Type::kText:
        break;
      case Type::kEnum:
        if (std::find(parameter->values.begin(), parameter->values.end(), value) ==
            parameter->values.end()) {
          std::string choices;
          for (const std::string& choice : parameter->values) {
            (choices += choices.empty() ? "" : ", ") += choice;
          }
          RejectParameter(name, "invalid_enum", "one of: " + choices);
        }
        break;
      case Type::kId:
        if (!IsUuid(value)) RejectParameter(name, "invalid_id", "expected an id (UUID)");
        break;
      case Type::kInstant:
        if (!ParseInstant(value)) {
          RejectParameter(name, "invalid_instant", "expected e.g. 2026-11-23T00:00:00Z");
        }
        break;
      case Type::kInteger:
        ParseBoundedInt(name, value, parameter->minimum, parameter->maximum);
        break;
    }
  }
  for (const QueryParameter& parameter : declared) {
    if (!parameter.required) continue;
    const bool given = std::any_of(query.begin(), query.end(),
                                   [&](const auto& pair) { return pair.first == parameter.name; });
    if (!given) RejectParameter(parameter.name, "required", "required: " + parameter.description);
  }
}

const std::vector<ListParameter>& ListParameters(const domain::ResourceSpec& spec) {
  // Built once per resource: every list request looks its parameters up here.
  static const auto* const all = [] {
    auto* built =
        new std::vector<std::pair<const domain::ResourceSpec*, std::vector<ListParameter>>>();
    for (const domain::ResourceSpec* resource : domain::AllResources()) {
      built->emplace_back(resource, BuildListParameters(*resource));
    }
    return built;
  }();
  for (const auto& [resource, parameters] : *all) {
    if (resource == &spec) return parameters;
  }
  throw std::logic_error("no list parameters for " + std::string(spec.name));
}

namespace {

// A cursor's fields are separated by a character none of them holds (text refuses control
// characters; ids, instants and sort keys have none).
constexpr char kCursorSeparator = '\x1f';

store::ListCursor DecodeListCursor(std::string_view sort, std::string_view text) {
  const auto reject = [] {
    RejectParameter("cursor", "invalid_cursor",
                    "not a cursor of this list: pass the answer's next as it is, with the same "
                    "sort");
  };
  const auto fields = DecodeCursor(text, 3);
  if (!fields) reject();
  const std::string& value = (*fields)[1];
  const std::string& id = (*fields)[2];
  if ((*fields)[0] != sort || value.empty() || !IsUuid(id)) reject();
  store::ListCursor cursor{.id = id};
  if (value[0] == 'v') {
    cursor.value = value.substr(1);
  } else if (value != "n") {
    reject();
  }
  return cursor;
}

}  // namespace

std::string EncodeCursor(std::initializer_list<std::string_view> fields) {
  std::string bytes;
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) bytes += kCursorSeparator;
    bytes += field;
    first = false;
  }
  return EncodeBase64Url(bytes);
}

std::optional<std::vector<std::string>> DecodeCursor(std::string_view text, size_t count) {
  const std::optional<std::string> bytes = DecodeBase64Url(text);
  if (!bytes) return std::nullopt;
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    const size_t end = bytes->find(kCursorSeparator, start);
    fields.push_back(bytes->substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (fields.size() != count) return std::nullopt;
  return fields;
}

std::string EncodeListCursor(std::string_view sort, const store::ListCursor& cursor) {
  const std::string value = cursor.value ? "v" + *cursor.value : std::string("n");
  return EncodeCursor({sort, value, cursor.id});
}

store::ListQuery ParseListQuery(const domain::ResourceSpec& spec, const http::Pairs& query,
                                Date today, const SeesReference& sees) {
  using Kind = ListParameter::Kind;
  const std::vector<ListParameter>& parameters = ListParameters(spec);
  store::ListQuery list;
  std::string sort_key = "-created_at";
  std::optional<std::string> cursor_text;
  for (const auto& [name, value] : query) {
    const std::string_view wanted = name;  // see CheckQuery
    const auto parameter = std::find_if(parameters.begin(), parameters.end(),
                                        [&](const ListParameter& p) { return p.name == wanted; });
    if (parameter == parameters.end()) RejectUnknownParameter(name);
    const FieldSpec* field = parameter->field;
    switch (parameter->kind) {
      case Kind::kLimit:
        ParsePaging(name, value, list.limit, list.offset);
        break;
      case Kind::kOffset:
        list.offset = ParseBoundedInt(name, value, 0, kMaxOffset);
        if (list.offset > kMaxListOffset) {
          RejectParameter(name, "use_cursor",
                          "offsets above " + std::to_string(kMaxListOffset) +
                              " are not served: follow the answer's next cursor (the cursor "
                              "parameter) instead");
        }
        break;
      case Kind::kCursor:
        cursor_text = value;
        break;
      case Kind::kArchived:
        if (value != "true" && value != "false")
          RejectParameter(name, "invalid_boolean", "true or false");
        list.include_archived = value == "true";
        break;
      case Kind::kSort: {
        const std::vector<std::string>& keys = parameter->sort_keys;
        if (std::find(keys.begin(), keys.end(), value) == keys.end()) {
          std::string sortable;
          for (size_t i = 0; i < keys.size() / 2; ++i) (sortable += i ? ", " : "") += keys[i];
          RejectParameter(name, "invalid_sort",
                          "sort by one of: " + sortable + " (prefix - for descending)");
        }
        sort_key = value;
        std::string_view column = value;
        list.descending = column.starts_with('-');
        if (list.descending) column.remove_prefix(1);
        list.sort_column = std::string(column);
        break;
      }
      case Kind::kOverdue:
        if (value != "true")
          RejectParameter(name, "invalid_boolean", "only overdue=true is supported");
        list.conditions.push_back({store::kOpenCommitmentSql, {}});
        list.conditions.push_back({"due_date < ?", {FormatDate(today)}});
        break;
      case Kind::kEquals: {
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
        const bool list_field = domain::IsListType(field->type);
        std::string sql;
        for (size_t i = 0; i < values.size(); ++i) {
          ((sql += i ? " OR " : "") += list_field ? "value" : field->name) += " = ?";
        }
        if (list_field) {  // the stored JSON array holds one of the values
          sql = "EXISTS (SELECT 1 FROM json_each(" + std::string(field->name) + ") WHERE " + sql +
                ")";
        }
        // A date, a person, a meeting or a creator names few records. A choice (area, status …)
        // may match most, and so may a city (the home city's events are half of them) or a
        // partnership (the busy one holds 100,000 commitments; its lists read indexes that start
        // with partnership_id): for those, walking the sort order finds a page early.
        const std::string_view target = field->references;
        const bool selective =
            field->type == FieldType::kDate || field->name == "created_by" ||
            (field->type == FieldType::kReference && (target == "people" || target == "meetings"));
        list.conditions.push_back({std::move(sql), std::move(values), selective});
        break;
      }
      case Kind::kIds: {
        // The records a screen names (the people and cities of the rows it shows), read in one
        // request instead of the whole table.
        std::vector<std::string> ids = SplitComma(value);
        if (ids.empty() || ids.size() > static_cast<size_t>(kMaxLimit)) {
          RejectParameter(name, "out_of_range",
                          "from 1 to " + std::to_string(kMaxLimit) + " comma-separated ids");
        }
        std::string sql;
        for (const std::string& id : ids) {
          if (!IsUuid(id)) RejectParameter(name, "invalid_id", "expected ids (UUIDs)");
          (sql += sql.empty() ? "" : " OR ") += "id = ?";
        }
        list.conditions.push_back({std::move(sql), std::move(ids), true});
        break;
      }
      case Kind::kLanguage: {
        if (!IsLanguage(value)) RejectParameter(name, "invalid_enum", "one of: tr, zh, en");
        list.conditions.push_back(ReadableInCondition(spec, value));
        break;
      }
      case Kind::kFrom:
      case Kind::kTo: {
        const bool upper = parameter->kind == Kind::kTo;
        list.conditions.push_back({std::string(field->name) + (upper ? " <= ?" : " >= ?"),
                                   {RangeBound(*field, name, value, upper)}});
        break;
      }
    }
  }
  // Filtered to one value of the sort column, the records are in id order: sorting by id reads
  // the (archived, column, id) index as an equality and a range, where "(column, id) > (?, ?)"
  // would read on past that value to the end of the index.
  const std::string equal_to_one = list.sort_column + " = ?";
  for (const store::Condition& condition : list.conditions) {
    if (condition.sql == equal_to_one && condition.params.size() == 1) {
      list.sort_key = sort_key;
      list.sort_column = "id";
      break;
    }
  }
  if (cursor_text) {
    if (list.offset > 0) {
      RejectParameter("cursor", "cursor_and_offset", "send either cursor or offset, not both");
    }
    list.after = DecodeListCursor(sort_key, *cursor_text);
  }
  return list;
}

}  // namespace amity::api
