#include <gtest/gtest.h>

#include <regex>

#include "api/api.h"
#include "api/exports.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "http/error.h"

namespace amity::api {
namespace {
namespace json = boost::json;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const json::object& Schemas(const json::object& document) {
  return document.at("components").as_object().at("schemas").as_object();
}

// Every route the server matches must be documented, with every schema it names defined.
TEST(OpenApiTest, EveryRouteIsDocumented) {
  const json::object document = OpenApiDocument();
  const auto& paths = document.at("paths").as_object();
  const auto& schemas = Schemas(document);
  for (const Route& route : Routes()) {
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern;
    EXPECT_TRUE(paths.at(route.pattern).as_object().contains(Lower(route.method)))
        << route.method << " " << route.pattern;
    for (const std::string& schema : {route.request_schema, route.response_schema}) {
      if (!schema.empty()) {
        EXPECT_TRUE(schemas.contains(schema)) << schema;
      }
    }
  }
}

bool AdmitsNull(const json::object& schema) {
  if (const json::value* type = schema.if_contains("type")) {
    if (*type == "null") return true;
    if (type->is_array()) {
      for (const json::value& one : type->as_array()) {
        if (one == "null") return true;
      }
    }
    return false;
  }
  if (const json::value* any = schema.if_contains("anyOf")) {
    for (const json::value& one : any->as_array()) {
      if (AdmitsNull(one.as_object())) return true;
    }
  }
  return false;
}

// A record shows every field, null where there is no value; a patch clears a field with null.
TEST(OpenApiTest, OptionalFieldsAdmitNull) {
  const json::object document = OpenApiDocument();
  const auto& schemas = Schemas(document);
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    const std::string name(spec->singular);
    const auto& record = schemas.at(name).as_object();
    const auto& patch = schemas.at(name + "Patch").as_object().at("properties").as_object();
    for (const domain::FieldSpec& field : spec->fields) {
      const auto& read = record.at("properties").as_object().at(field.name).as_object();
      const bool empty_is_null =
          !field.required && !domain::IsListType(field.type) && field.default_value.empty();
      // A reference reads null when its record is hidden from the caller (api/redaction.h).
      const bool withheld = field.personal || field.type == domain::FieldType::kReference;
      EXPECT_EQ(AdmitsNull(read), empty_is_null || withheld) << name << "." << field.name;
      if (field.writable) {
        EXPECT_EQ(AdmitsNull(patch.at(field.name).as_object()), !field.required)
            << name << "Patch." << field.name;
      }
    }
    // Every member of a record is always present, but `hidden` (only when something was
    // withheld).
    EXPECT_EQ(record.at("required").as_array().size() + 1,
              record.at("properties").as_object().size())
        << name;
    EXPECT_TRUE(record.at("properties").as_object().contains("hidden")) << name;
  }
  EXPECT_TRUE(AdmitsNull(
      schemas.at("event").as_object().at("properties").as_object().at("city_id").as_object()));
}

// A value of the parameter's schema, as a query string carries it.
std::string SampleValue(const json::object& schema) {
  if (const json::value* choices = schema.if_contains("enum")) {
    const json::value& first = choices->as_array().front();
    return first.is_string() ? std::string(first.as_string()) : json::serialize(first);
  }
  if (schema.contains("anyOf")) return SampleValue(schema.at("anyOf").at(0).as_object());
  const std::string_view type = schema.at("type").as_string();
  if (type == "array") return SampleValue(schema.at("items").as_object());
  if (type == "integer") return std::to_string(schema.at("minimum").to_number<int>());
  if (type == "boolean") return "true";
  const json::value* format = schema.if_contains("format");
  if (format && *format == "uuid") return "0190a3b4-0000-7000-8000-000000000001";
  if (format && *format == "date") return "2026-11-23";
  if (format && *format == "date-time") return "2026-11-23T10:00:00Z";
  if (const json::value* pattern = schema.if_contains("pattern")) {
    // The first of a few values of the shapes the API declares that the pattern accepts.
    const std::regex shape(std::string(pattern->as_string()), std::regex::ECMAScript);
    for (const char* candidate : {"TR", "080420", "en", "2027-2028"}) {
      if (std::regex_search(candidate, shape)) return candidate;
    }
    ADD_FAILURE() << "no sample value for the pattern " << pattern->as_string();
  }
  return "anything";
}

// Every query parameter the document declares is accepted with a value of its schema, and a
// parameter it does not declare is refused: the document and the parsers cannot disagree.
TEST(OpenApiTest, DeclaredQueryParametersAreAccepted) {
  const json::object document = OpenApiDocument();
  const auto& paths = document.at("paths").as_object();
  const Date today = *ParseDate("2026-11-23");
  int lists = 0;
  for (const Route& route : Routes()) {
    if (route.method != "GET") continue;
    const auto& operation = paths.at(route.pattern).at("get").as_object();
    std::vector<std::string> names;
    http::Pairs required;  // sent along with each parameter tried
    const json::array no_parameters;
    const json::value* declared = operation.if_contains("parameters");
    const json::array& parameters = declared ? declared->as_array() : no_parameters;
    for (const json::value& parameter : parameters) {
      if (parameter.at("in") == "query" && parameter.as_object().contains("required")) {
        required.emplace_back(parameter.at("name").as_string(),
                              SampleValue(parameter.at("schema").as_object()));
      }
    }
    for (const json::value& parameter : parameters) {
      if (parameter.at("in") != "query") continue;
      const std::string name(parameter.at("name").as_string());
      http::Pairs query = required;
      query.emplace_back(name, SampleValue(parameter.at("schema").as_object()));
      if (name == "cursor") {  // opaque: only what a page gave is accepted
        query.back().second = EncodeListCursor(
            "-created_at",
            {.value = "2026-11-23T10:00:00Z", .id = "01900000-0000-7000-8000-000000000000"});
      }
      names.push_back(name);
      if (route.handler == ListRecordsHandler) {
        EXPECT_NO_THROW(ParseListQuery(*route.resource, query, today))
            << route.pattern << "?" << name << "=" << query.back().second;
      } else if (route.handler == ExportRecordsHandler) {
        EXPECT_NO_THROW(ParseExportQuery(*route.resource, query, "en", today))
            << route.pattern << "?" << name << "=" << query.back().second;
      } else {
        EXPECT_NO_THROW(CheckQuery(route.query, query))
            << route.pattern << "?" << name << "=" << query.back().second;
      }
    }
    http::Pairs unknown = required;
    unknown.emplace_back("no_such_parameter", "1");
    if (route.handler == ListRecordsHandler) {
      ++lists;
      EXPECT_THROW(ParseListQuery(*route.resource, unknown, today), http::HttpError);
      EXPECT_EQ(names.size(), ListParameters(*route.resource).size()) << route.pattern;
      EXPECT_NE(std::find(names.begin(), names.end(), "sort"), names.end()) << route.pattern;
    } else if (route.handler == ExportRecordsHandler) {
      EXPECT_THROW(ParseExportQuery(*route.resource, unknown, "en", today), http::HttpError);
      size_t list_parameters = 0;
      for (const ListParameter& parameter : ListParameters(*route.resource)) {
        list_parameters += IsPagingParameter(parameter) ? 0 : 1;
      }
      EXPECT_EQ(names.size(), list_parameters + route.query.size()) << route.pattern;
    } else if (!route.query.empty()) {
      EXPECT_THROW(CheckQuery(route.query, unknown), http::HttpError);
      EXPECT_EQ(names.size(), route.query.size()) << route.pattern;
    }
  }
  EXPECT_EQ(lists, static_cast<int>(domain::AllResources().size()));
}

// The commitments' list documents its filters, ranges and sort orders from the declarations.
TEST(OpenApiTest, CommitmentListParameters) {
  const json::object document = OpenApiDocument();
  const auto& parameters =
      document.at("paths").at("/api/v1/commitments").at("get").at("parameters").as_array();
  const auto find = [&](std::string_view name) -> const json::object* {
    for (const json::value& parameter : parameters) {
      if (parameter.at("name").as_string() == name) return &parameter.as_object();
    }
    return nullptr;
  };
  for (const char* name :
       {"limit", "offset", "sort", "archived", "overdue", "status", "area", "due_date",
        "due_date_from", "due_date_to", "partnership_id", "created_by", "visibility"}) {
    EXPECT_NE(find(name), nullptr) << name;
  }
  EXPECT_EQ(find("text"), nullptr) << "not filterable";
  EXPECT_EQ(find("starts_at"), nullptr) << "not a commitment field";
  const json::array& sorts = find("sort")->at("schema").at("enum").as_array();
  for (const char* key : {"created_at", "-updated_at", "due_date", "-due_date", "status", "area"}) {
    EXPECT_NE(std::find(sorts.begin(), sorts.end(), json::value(key)), sorts.end()) << key;
  }
  EXPECT_EQ(find("status")->at("schema").at("items").at("enum").as_array().size(),
            std::size(domain::kCommitmentStatuses));
  const auto& events = document.at("paths").at("/api/v1/events").at("get").at("parameters");
  bool starts_from = false;
  for (const json::value& parameter : events.as_array()) {
    starts_from |= parameter.at("name") == "starts_at_from";
    EXPECT_NE(parameter.at("name"), "starts_at") << "instants are filtered by range only";
  }
  EXPECT_TRUE(starts_from);
}

}  // namespace
}  // namespace amity::api
