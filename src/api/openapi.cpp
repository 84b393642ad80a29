// The OpenAPI 3.1 document, generated from the route table and the resource descriptions so
// that it cannot drift from what the server validates.
#include <boost/json.hpp>

#include "api/handlers.h"
#include "api/responses.h"
#include "domain/areas.h"
#include "http/router.h"

namespace amity::api {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;

namespace {

json::object Ref(std::string_view name) {
  return {{"$ref", "#/components/schemas/" + std::string(name)}};
}

json::array Strings(std::span<const std::string_view> values) {
  json::array out;
  for (std::string_view value : values) out.push_back(json::string(value));
  return out;
}

json::object FieldSchema(const FieldSpec& field);

json::object ObjectSchema(std::span<const FieldSpec> members) {
  json::object properties;
  json::array required;
  for (const FieldSpec& member : members) {
    properties[member.name] = FieldSchema(member);
    if (member.required) required.push_back(json::string(member.name));
  }
  json::object schema{
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
  if (!required.empty()) schema["required"] = std::move(required);
  return schema;
}

json::object FieldSchema(const FieldSpec& field) {
  json::object schema;
  switch (field.type) {
    case FieldType::kString:
      schema = {{"type", "string"}, {"maxLength", field.max_length}};
      break;
    case FieldType::kText:
      schema = Ref("Text");
      break;
    case FieldType::kEnum:
      schema = {{"type", "string"}, {"enum", Strings(field.values)}};
      if (!field.default_value.empty()) schema["default"] = field.default_value;
      break;
    case FieldType::kDate:
      schema = {{"type", "string"}, {"format", "date"}};
      break;
    case FieldType::kInstant:
      schema = {{"type", "string"}, {"format", "date-time"}};
      break;
    case FieldType::kTimeZone:
      schema = {{"type", "string"}, {"description", "IANA time zone, e.g. Asia/Shanghai"}};
      break;
    case FieldType::kCountry:
      schema = {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}};
      break;
    case FieldType::kNumber:
      schema = {{"type", "number"}, {"minimum", field.minimum}, {"maximum", field.maximum}};
      break;
    case FieldType::kReference:
      schema = {{"type", "string"},
                {"format", "uuid"},
                {"description", "id of a " + std::string(field.references) + " record"}};
      break;
    case FieldType::kEnumList:
      schema = {{"type", "array"},
                {"uniqueItems", true},
                {"maxItems", field.max_length},
                {"items", {{"type", "string"}, {"enum", Strings(field.values)}}}};
      break;
    case FieldType::kReferenceList:
      schema = {{"type", "array"},
                {"uniqueItems", true},
                {"maxItems", field.max_length},
                {"items", {{"type", "string"}, {"format", "uuid"}}}};
      break;
    case FieldType::kLanguageList:
      schema = {{"type", "array"},
                {"uniqueItems", true},
                {"items", {{"type", "string"}, {"pattern", "^[a-z]{2}$"}}}};
      break;
    case FieldType::kObject:
      schema = ObjectSchema(field.members);
      break;
    case FieldType::kObjectList:
      schema = {{"type", "array"},
                {"maxItems", field.max_length},
                {"items", ObjectSchema(field.members)}};
      break;
  }
  if (!field.description.empty()) schema["description"] = field.description;
  if (!field.writable) schema["readOnly"] = true;
  if (field.personal) schema["x-personal-data"] = true;
  return schema;
}

// The record as returned: its fields plus the server's columns.
json::object RecordSchema(const domain::ResourceSpec& spec) {
  json::object schema = ObjectSchema(spec.fields);
  json::object& properties = schema["properties"].as_object();
  properties["id"] = {{"type", "string"}, {"format", "uuid"}, {"readOnly", true}};
  properties["version"] = {{"type", "integer"}, {"readOnly", true}};
  properties["created_at"] = {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}};
  properties["updated_at"] = {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}};
  properties["instance_id"] = {{"type", "string"}, {"format", "uuid"}, {"readOnly", true}};
  properties["archived"] = {{"type", "boolean"}, {"readOnly", true}};
  if (spec.HasTimeZone()) {
    properties["starts_local"] = {{"type", "string"},
                                  {"readOnly", true},
                                  {"description", "starts_at as local time in time_zone"}};
    properties["ends_local"] = {{"type", "string"},
                                {"readOnly", true},
                                {"description", "ends_at as local time in time_zone"}};
  }
  schema.erase("required");
  schema.erase("additionalProperties");
  return schema;
}

json::object InputSchema(const domain::ResourceSpec& spec, bool patch) {
  std::vector<FieldSpec> writable;
  for (const FieldSpec& field : spec.fields) {
    if (field.writable) writable.push_back(field);
  }
  json::object schema = ObjectSchema(writable);
  if (patch) schema.erase("required");
  return schema;
}

json::object Schemas() {
  json::object schemas;
  schemas["Text"] = {
      {"type", "object"},
      {"description", "Translatable text: one value per language and the original language"},
      {"properties",
       {{"original", {{"type", "string"}, {"enum", {"tr", "zh", "en"}}}},
        {"tr", {{"type", "string"}}},
        {"zh", {{"type", "string"}}},
        {"en", {{"type", "string"}}},
        {"translations",
         {{"type", "object"},
          {"description", "per translated language: by human or machine, and reviewed"},
          {"additionalProperties",
           {{"type", "object"},
            {"properties",
             {{"by", {{"type", "string"}, {"enum", {"human", "machine"}}}},
              {"reviewed", {{"type", "boolean"}}}}}}}}}}},
      {"additionalProperties", false}};
  schemas["TranslationQueue"] = {
      {"type", "object"},
      {"properties",
       {{"lang", {{"type", "string"}}},
        {"total", {{"type", "integer"}}},
        {"items",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"kind", {{"type", "string"}}},
              {"id", {{"type", "string"}}},
              {"field", {{"type", "string"}}},
              {"state", {{"type", "string"}, {"enum", {"missing", "unreviewed"}}}},
              {"updated_at", {{"type", "string"}}},
              {"text", Ref("Text")}}}}}}}}}};
  schemas["Problem"] = {{"type", "object"},
                        {"properties",
                         {{"type", {{"type", "string"}}},
                          {"title", {{"type", "string"}}},
                          {"status", {{"type", "integer"}}},
                          {"detail", {{"type", "string"}}},
                          {"problems",
                           {{"type", "array"},
                            {"items",
                             {{"type", "object"},
                              {"properties",
                               {{"field", {{"type", "string"}}},
                                {"code", {{"type", "string"}}},
                                {"message", {{"type", "string"}}}}}}}}}}}};
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    const std::string name(spec->singular);
    schemas[name] = RecordSchema(*spec);
    schemas[name + "Input"] = InputSchema(*spec, false);
    schemas[name + "Patch"] = InputSchema(*spec, true);
    schemas[name + "Page"] = {{"type", "object"},
                              {"properties",
                               {{"items", {{"type", "array"}, {"items", Ref(name)}}},
                                {"total", {{"type", "integer"}}},
                                {"limit", {{"type", "integer"}}},
                                {"offset", {{"type", "integer"}}}}}};
  }
  schemas["TransitionInput"] = {
      {"type", "object"},
      {"required", {"to"}},
      {"additionalProperties", false},
      {"properties",
       {{"to", {{"type", "string"}, {"enum", Strings(domain::kCommitmentStatuses)}}},
        {"note", {{"type", "string"}}}}}};
  schemas["NoteInput"] = {{"type", "object"},
                          {"required", {"note"}},
                          {"additionalProperties", false},
                          {"properties", {{"note", {{"type", "string"}}}}}};
  schemas["HistoryEntry"] = {{"type", "object"},
                             {"properties",
                              {{"id", {{"type", "string"}}},
                               {"kind", {{"type", "string"}, {"enum", {"transition", "note"}}}},
                               {"from", {{"type", {"string", "null"}}}},
                               {"to", {{"type", {"string", "null"}}}},
                               {"note", {{"type", {"string", "null"}}}},
                               {"at", {{"type", "string"}, {"format", "date-time"}}},
                               {"actor", {{"type", "string"}}}}}};
  schemas["History"] = {
      {"type", "object"},
      {"properties", {{"items", {{"type", "array"}, {"items", Ref("HistoryEntry")}}}}}};
  schemas["Timeline"] = {
      {"type", "object"},
      {"properties",
       {{"items",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"at", {{"type", "string"}}},
              {"kind",
               {{"type", "string"}, {"enum", {"milestone", "meeting", "transition", "event"}}}},
              {"ref_id", {{"type", "string"}}},
              {"summary", {{"type", "object"}}}}}}}}}}}};
  schemas["Dashboard"] = {
      {"type", "object"},
      {"properties",
       {{"today", {{"type", "string"}, {"format", "date"}}},
        {"total", {{"type", "integer"}}},
        {"partnerships",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"partnership", Ref("partnership")},
              {"open_by_area", {{"type", "object"}}},
              {"open_total", {{"type", "integer"}}},
              {"overdue", {{"type", "array"}, {"items", Ref("commitment")}}},
              {"overdue_total", {{"type", "integer"}}},
              {"next_events", {{"type", "array"}, {"items", Ref("event")}}},
              {"last_contact", {{"type", {"string", "null"}}, {"format", "date"}}},
              {"follow_through", {{"type", {"number", "null"}}}},
              {"done", {{"type", "integer"}}},
              {"left_proposed", {{"type", "integer"}}},
              {"legal_steps", {{"type", "array"}}}}}}}}}}}};
  schemas["Area"] = {{"type", "object"},
                     {"properties",
                      {{"code", {{"type", "string"}, {"enum", Strings(domain::kAreaCodes)}}},
                       {"name", Ref("Text")}}}};
  schemas["AreaList"] = {{"type", "object"},
                         {"properties", {{"items", {{"type", "array"}, {"items", Ref("Area")}}}}}};
  schemas["SearchResults"] = {
      {"type", "object"},
      {"properties",
       {{"query", {{"type", "string"}}},
        {"accents", {{"type", "string"}, {"enum", {"insensitive", "sensitive"}}}},
        {"total", {{"type", "integer"}}},
        {"groups",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"kind", {{"type", "string"}}},
              {"total", {{"type", "integer"}}},
              {"items",
               {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"properties",
                   {{"id", {{"type", "string"}}},
                    {"title", {}},
                    {"score", {{"type", "number"}}},
                    {"matches",
                     {{"type", "array"},
                      {"items",
                       {{"type", "object"},
                        {"properties",
                         {{"field", {{"type", "string"}}},
                          {"lang", {{"type", "string"}}},
                          {"segments", {{"type", "array"}}}}}}}}}}}}}}}}}}}}}}}};
  schemas["ChangePage"] = {{"type", "object"},
                           {"properties",
                            {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                             {"total", {{"type", "integer"}}}}}};
  const auto string_type = [](std::string_view format = {}) {
    json::object type{{"type", "string"}};
    if (!format.empty()) type["format"] = format;
    return type;
  };
  const json::object nullable_string{{"type", {"string", "null"}}};
  schemas["LoginInput"] = {
      {"type", "object"},
      {"required", {"email", "password"}},
      {"additionalProperties", false},
      {"properties", {{"email", string_type("email")}, {"password", string_type("password")}}}};
  schemas["PasswordInput"] = {
      {"type", "object"},
      {"required", {"current_password", "new_password"}},
      {"additionalProperties", false},
      {"properties",
       {{"current_password", string_type("password")},
        {"new_password", {{"type", "string"}, {"format", "password"}, {"minLength", 12}}}}}};
  json::object user_properties{{"email", string_type("email")},
                               {"display_name", string_type()},
                               {"role", {{"type", "string"}, {"enum", Strings(domain::kRoles)}}},
                               {"person_id", nullable_string},
                               {"partnerships", {{"type", "array"}, {"items", string_type()}}},
                               {"disabled", {{"type", "boolean"}}}};
  schemas["UserInput"] = {{"type", "object"},
                          {"required", {"email", "role"}},
                          {"additionalProperties", false},
                          {"properties", user_properties}};
  json::object patch_properties = user_properties;
  patch_properties.erase("email");
  schemas["UserPatch"] = {
      {"type", "object"}, {"additionalProperties", false}, {"properties", patch_properties}};
  json::object user_read = user_properties;
  user_read["id"] = string_type();
  user_read["version"] = {{"type", "integer"}};
  user_read["created_at"] = string_type("date-time");
  user_read["updated_at"] = string_type("date-time");
  schemas["User"] = {{"type", "object"}, {"properties", user_read}};
  json::object with_password = user_read;
  with_password["password"] = {{"type", "string"},
                               {"description", "the first password, shown only in this answer"}};
  schemas["UserWithPassword"] = {{"type", "object"}, {"properties", with_password}};
  schemas["UserList"] = {{"type", "object"},
                         {"properties", {{"items", {{"type", "array"}, {"items", Ref("User")}}}}}};
  schemas["Session"] = {{"type", "object"},
                        {"properties",
                         {{"user", Ref("User")},
                          {"csrf_token",
                           {{"type", "string"},
                            {"description",
                             "send as X-CSRF-Token with every change made with "
                             "the session cookie"}}},
                          {"expires_at", string_type("date-time")}}}};
  json::object token_properties{
      {"id", string_type()},           {"user_id", string_type()},
      {"name", string_type()},         {"created_at", string_type("date-time")},
      {"expires_at", nullable_string}, {"last_used_at", nullable_string},
      {"revoked_at", nullable_string}};
  schemas["TokenInput"] = {
      {"type", "object"},
      {"required", {"name"}},
      {"additionalProperties", false},
      {"properties", {{"name", string_type()}, {"expires_at", string_type("date-time")}}}};
  schemas["Token"] = {{"type", "object"}, {"properties", token_properties}};
  token_properties["token"] = {{"type", "string"},
                               {"description", "the secret, shown only in this answer"}};
  schemas["TokenWithSecret"] = {{"type", "object"}, {"properties", token_properties}};
  schemas["TokenList"] = {
      {"type", "object"},
      {"properties", {{"items", {{"type", "array"}, {"items", Ref("Token")}}}}}};
  schemas["AuthEventPage"] = {{"type", "object"},
                              {"properties",
                               {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                                {"total", {{"type", "integer"}}}}}};
  return schemas;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

json::object OpenApiDocument() {
  json::object paths;
  for (const Route& route : Routes()) {
    json::object operation{{"summary", route.summary},
                           {"operationId", Lower(route.method) + route.pattern}};
    json::array parameters;
    for (std::string_view segment : http::SplitPath(route.pattern)) {
      if (segment.starts_with('{')) {
        parameters.push_back(json::object{{"name", segment.substr(1, segment.size() - 2)},
                                          {"in", "path"},
                                          {"required", true},
                                          {"schema", {{"type", "string"}}}});
      }
    }
    if (route.method == "PATCH") {
      parameters.push_back(json::object{{"name", "If-Match"},
                                        {"in", "header"},
                                        {"required", true},
                                        {"schema", {{"type", "string"}}}});
    }
    if (!parameters.empty()) operation["parameters"] = std::move(parameters);
    if (!route.request_schema.empty()) {
      operation["requestBody"] = {
          {"required", true},
          {"content", {{"application/json", {{"schema", Ref(route.request_schema)}}}}}};
    }
    json::object success{{"description", "success"}};
    if (!route.response_schema.empty()) {
      success["content"] = {{"application/json", {{"schema", Ref(route.response_schema)}}}};
    } else if (route.pattern.starts_with("/public")) {
      success["content"] = {{"text/html", {{"schema", {{"type", "string"}}}}}};
    }
    if (route.access == Access::kPublic) operation["security"] = json::array();
    operation["responses"] = {
        {std::to_string(route.success_status), std::move(success)},
        {"default",
         {{"description", "problem"},
          {"content", {{"application/problem+json", {{"schema", Ref("Problem")}}}}}}}};
    if (!paths.contains(route.pattern)) paths[route.pattern] = json::object();
    paths[route.pattern].as_object()[Lower(route.method)] = std::move(operation);
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "Amity API"},
            {"version", "1"},
            {"description",
             "Sister-city partnerships: register, meetings, commitments, "
             "events. Errors are RFC 9457 problem details. Sign in with POST /api/v1/session "
             "(cookie + X-CSRF-Token on changes) or send an API token as Authorization: Bearer."}}},
          {"security", {{{"bearer", json::array()}}, {{"session", json::array()}}}},
          {"paths", std::move(paths)},
          {"components",
           {{"schemas", Schemas()},
            {"securitySchemes",
             {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
              {"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "amity_session"}}}}}}}};
}

http::Response OpenApi(Call& call) {
  static const std::string document = json::serialize(OpenApiDocument());
  http::Response response;
  response.body = document;
  return response;
}

}  // namespace amity::api
