// The OpenAPI 3.1 document, generated from the route table and the resource descriptions so
// that it cannot drift from what the server validates.
#include <boost/json.hpp>

#include "api/exports.h"
#include "api/files.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/proposals.h"
#include "api/responses.h"
#include "api/sync.h"
#include "api/uploads.h"
#include "base/text.h"
#include "domain/access.h"
#include "domain/areas.h"
#include "domain/cases.h"
#include "domain/commitment_status.h"
#include "domain/exchange_agreement.h"
#include "domain/exchange_call.h"
#include "domain/fair.h"
#include "domain/files.h"
#include "domain/inquiry.h"
#include "domain/lead.h"
#include "http/router.h"
#include "store/search_index.h"

namespace amity::api {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;

namespace {

json::object Ref(std::string_view name) {
  return {{"$ref", "#/components/schemas/" + std::string(name)}};
}

json::array Strings(const std::vector<std::string>& values) {
  return json::array(values.begin(), values.end());
}

json::array Strings(std::span<const std::string_view> values) {
  json::array out;
  for (std::string_view value : values) out.push_back(json::string(value));
  return out;
}

// Who a schema describes: what the server answers, or what a client may send.
enum class Use { kRead, kWrite };

// `schema` that also admits null (an absent value the answer shows as null, or that a client sends
// to clear a field).
json::object Nullable(json::object schema) {
  if (schema.contains("$ref")) {
    json::object either{{"anyOf", json::array{{{"$ref", schema.at("$ref")}}, {{"type", "null"}}}}};
    schema.erase("$ref");
    for (auto& [key, value] : schema) either[key] = std::move(value);  // the annotations
    return either;
  }
  schema["type"] = json::array{schema.at("type"), "null"};
  if (json::value* choices = schema.if_contains("enum")) choices->as_array().push_back(nullptr);
  return schema;
}

json::object FieldSchema(const FieldSpec& field, Use use);

// An object with `members`. Answers leave out members that were not given (never null); requests
// may send null for an optional member, which means the same.
json::object ObjectSchema(std::span<const FieldSpec> members, Use use) {
  json::object properties;
  json::array required;
  for (const FieldSpec& member : members) {
    json::object schema = FieldSchema(member, use);
    if (use == Use::kWrite && !member.required) schema = Nullable(std::move(schema));
    properties[member.name] = std::move(schema);
    if (member.required) required.push_back(json::string(member.name));
  }
  json::object schema{
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
  if (!required.empty()) schema["required"] = std::move(required);
  return schema;
}

// The schema of one value of `field`, null not included.
json::object FieldSchema(const FieldSpec& field, Use use) {
  json::object schema;
  switch (field.type) {
    case FieldType::kString:
      schema = {{"type", "string"}, {"maxLength", field.max_length}};
      break;
    case FieldType::kUrl:
      schema = {{"type", "string"}, {"format", "uri"}, {"maxLength", field.max_length}};
      break;
    case FieldType::kText:
      schema = Ref(use == Use::kRead ? "Text" : "TextInput");
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
                {"maxItems", field.max_length},
                {"items", {{"type", "string"}, {"pattern", "^[a-z]{2}$"}}}};
      break;
    case FieldType::kStringList:
      schema = {{"type", "array"},
                {"uniqueItems", true},
                {"maxItems", field.max_length},
                {"items",
                 {{"type", "string"},
                  {"minLength", 1},
                  {"maxLength", domain::kMaxListStringCharacters},
                  {"pattern", "^[^,]*$"}}}};
      break;
    case FieldType::kCountryList:
      schema = {{"type", "array"},
                {"uniqueItems", true},
                {"maxItems", field.max_length},
                {"items", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}}}};
      break;
    case FieldType::kTariffCode:
      // Read: digits only; written: with the separators tariff books print.
      schema = {{"type", "string"},
                {"pattern", use == Use::kRead ? "^[0-9]{" + std::to_string(field.max_length) + "}$"
                                              : std::string("^[0-9][0-9. ]*[0-9]$")}};
      break;
    case FieldType::kObject:
      schema = ObjectSchema(field.members, use);
      break;
    case FieldType::kObjectList:
      schema = {{"type", "array"},
                {"maxItems", field.max_length},
                {"items", ObjectSchema(field.members, use)}};
      break;
  }
  if (!field.description.empty()) schema["description"] = field.description;
  if (!field.writable) schema["readOnly"] = true;
  if (field.personal) schema["x-personal-data"] = true;
  return schema;
}

// Whether a record's field can read as null: optional fields without a default that are not lists
// (those read as []), personal data, which is withheld (null) from partner users, and references,
// withheld (null) from callers who may not see the record referenced (api/redaction.h).
bool ReadsAsNull(const FieldSpec& field) {
  return field.personal || field.type == FieldType::kReference ||
         (!field.required && !domain::IsListType(field.type) && field.default_value.empty());
}

// The `hidden` member of records and change entries: which fields lost a value the caller may not
// see. Absent when nothing was withheld.
json::object HiddenSchema() {
  return {{"type", "array"},
          {"items", {{"type", "string"}}},
          {"readOnly", true},
          {"description",
           "the fields that lost a value the caller may not see (a reference, a list entry, a "
           "change's before); absent when nothing was withheld"}};
}

// The record as returned: every field (null when absent), the server's columns, and for a record
// with a time zone each "…_at" instant as local time in that zone.
json::object RecordSchema(const domain::ResourceSpec& spec) {
  json::object properties;
  json::array required;
  const FieldSpec* zone = spec.Field("time_zone");
  for (const FieldSpec& field : spec.fields) {
    json::object schema = FieldSchema(field, Use::kRead);
    properties[field.name] = ReadsAsNull(field) ? Nullable(std::move(schema)) : std::move(schema);
    required.push_back(json::string(field.name));
  }
  if (zone != nullptr) {
    for (const FieldSpec& field : spec.fields) {
      if (field.type != FieldType::kInstant || !field.name.ends_with("_at")) continue;
      const std::string local = std::string(field.name.substr(0, field.name.size() - 3)) + "_local";
      properties[local] = {
          {"type", "string"},
          {"format", "date-time"},
          {"readOnly", true},
          {"description", std::string(field.name) + " as local time in time_zone, with offset"}};
      if (field.required && zone->required) required.push_back(json::string(local));
    }
  }
  properties["id"] = {{"type", "string"}, {"format", "uuid"}, {"readOnly", true}};
  properties["version"] = {{"type", "integer"}, {"minimum", 1}, {"readOnly", true}};
  properties["created_at"] = {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}};
  properties["updated_at"] = {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}};
  properties["instance_id"] = {{"type", "string"}, {"readOnly", true}};
  properties["archived"] = {{"type", "boolean"}, {"readOnly", true}};
  properties["hidden"] = HiddenSchema();
  for (const char* column :
       {"id", "version", "created_at", "updated_at", "instance_id", "archived"})
    required.push_back(column);
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

// The body of a create (required fields required) or a patch (any subset). Optional fields accept
// null: on create the same as leaving them out, on a patch it clears them.
json::object InputSchema(const domain::ResourceSpec& spec, bool patch) {
  std::vector<FieldSpec> writable;
  for (const FieldSpec& field : spec.fields) {
    if (field.writable) writable.push_back(field);
  }
  json::object schema = ObjectSchema(writable, Use::kWrite);
  if (patch) schema.erase("required");
  return schema;
}

json::object StringType(std::string_view format = {}) {
  json::object type{{"type", "string"}};
  if (!format.empty()) type["format"] = format;
  return type;
}

json::object NullableString(std::string_view format = {}) { return Nullable(StringType(format)); }

json::object Integer() { return {{"type", "integer"}}; }

json::object ArrayOf(json::object items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}

// An object whose members are exactly `properties`, all of them always present except `optional`.
json::object Closed(json::object properties,
                    std::initializer_list<std::string_view> optional = {}) {
  json::array required;
  for (const auto& [key, value] : properties) {
    if (std::find(optional.begin(), optional.end(), key) == optional.end()) {
      required.push_back(json::string(key));
    }
  }
  json::object schema{{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = std::move(required);
  schema["additionalProperties"] = false;
  return schema;
}

// A page of `items` with the total and the paging it was read with.
json::object PageOf(json::object item) {
  return Closed({{"items", ArrayOf(std::move(item))},
                 {"total", Integer()},
                 {"limit", Integer()},
                 {"offset", Integer()}});
}

// A page of records: the total when known without counting every match (else null), whether more
// follow and the cursor of the next page (null on the last).
json::object RecordPageOf(json::object item) {
  return Closed({{"items", ArrayOf(std::move(item))},
                 {"total",
                  {{"type", {"integer", "null"}},
                   {"description",
                    "every matching record, when known without counting them all (no filter, or "
                    "few matches); null otherwise"}}},
                 {"limit", Integer()},
                 {"offset", Integer()},
                 {"has_more", {{"type", "boolean"}}},
                 {"next",
                  {{"type", {"string", "null"}},
                   {"description", "pass as cursor for the next page; null on the last"}}}});
}

json::array ResourceNames() {
  json::array names;
  for (const domain::ResourceSpec* spec : domain::AllResources()) names.emplace_back(spec->name);
  return names;
}

// What searches find and change trails name: records of every resource, and files.
json::array RecordKinds() {
  json::array kinds = ResourceNames();
  kinds.emplace_back(store::kFileKind);
  return kinds;
}

json::object Schemas() {
  json::object schemas;
  json::object languages;
  json::object language_inputs;
  for (std::string_view language : kLanguages) {
    languages[language] = StringType();
    language_inputs[language] = NullableString();
  }
  const json::object translation_status =
      Closed({{"by", {{"type", "string"}, {"enum", {"human", "machine"}}}},
              {"reviewed", {{"type", "boolean"}}}},
             {"by", "reviewed"});
  const json::object translations{
      {"type", "object"},
      {"description", "per translated language: by human or machine, and reviewed"},
      {"propertyNames", {{"enum", Strings(kLanguages)}}},
      {"additionalProperties", translation_status}};
  {
    json::object properties = languages;
    properties["original"] = {{"type", "string"}, {"enum", Strings(kLanguages)}};
    properties["translations"] = translations;
    json::object optional_languages = Closed(std::move(properties));
    optional_languages["required"] = {"original"};
    optional_languages["description"] =
        "Translatable text: one value per language and the language it was written in";
    schemas["Text"] = std::move(optional_languages);
  }
  {
    json::object properties = language_inputs;
    properties["original"] = {{"type", "string"}, {"enum", Strings(kLanguages)}};
    properties["translations"] = Nullable(translations);
    json::object input = Closed(std::move(properties));
    input.erase("required");
    input["description"] =
        "Translatable text: a value in at least one language; original defaults to the first "
        "given";
    schemas["TextInput"] = std::move(input);
  }
  schemas["TranslationQueue"] =
      Closed({{"lang", {{"type", "string"}, {"enum", Strings(kLanguages)}}},
              {"total", Integer()},
              {"limit", Integer()},
              {"offset", Integer()},
              {"items",
               ArrayOf(Closed({{"kind", {{"type", "string"}, {"enum", ResourceNames()}}},
                               {"id", StringType("uuid")},
                               {"field", StringType()},
                               {"state", {{"type", "string"}, {"enum", {"missing", "unreviewed"}}}},
                               {"updated_at", StringType("date-time")},
                               {"text", Ref("Text")}}))}});
  schemas["Problem"] = Closed(
      {{"type", StringType()},
       {"title", StringType()},
       {"status", {{"type", "integer"}, {"minimum", 400}, {"maximum", 599}}},
       {"detail", StringType()},
       {"problems",
        ArrayOf(
            Closed({{"field", StringType()}, {"code", StringType()}, {"message", StringType()}}))},
       {"problems_omitted",
        {{"type", "integer"},
         {"minimum", 1},
         {"description", "problems past the first 100, not listed"}}}},
      {"detail", "problems", "problems_omitted"});
  schemas["Problem"].as_object()["description"] = "RFC 9457 problem details";
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    const std::string name(spec->singular);
    schemas[name] = RecordSchema(*spec);
    schemas[name + "Input"] = InputSchema(*spec, false);
    schemas[name + "Patch"] = InputSchema(*spec, true);
    schemas[name + "Page"] = RecordPageOf(Ref(name));
  }
  schemas["TransitionInput"] = ObjectSchema(domain::TransitionBody().fields, Use::kWrite);
  schemas["NoteInput"] = Closed({{"note", StringType()}});
  schemas["LeadTransitionInput"] = ObjectSchema(domain::LeadTransitionBody().fields, Use::kWrite);
  {
    // The portal's fair catalogue and inquiry form (api/inquiries.cpp).
    schemas["InquiryInput"] = ObjectSchema(domain::InquiryBody().fields, Use::kWrite);
    schemas["InquiryReceipt"] =
        Closed({{"status", {{"type", "string"}, {"enum", json::array{"received"}}}}});
    const json::object number = Nullable({{"type", "number"}});
    const json::object product =
        Closed({{"id", StringType("uuid")},
                {"name", StringType()},
                {"description", StringType()},
                {"hs_code", {{"type", "string"}, {"pattern", "^[0-9]{6}$"}}},
                {"hs_chapter", NullableString()},
                {"hs_heading", NullableString()},
                {"unit", NullableString()},
                {"certifications", ArrayOf(StringType())},
                {"minimum_order", number},
                {"price_min", number},
                {"price_max", number},
                {"currency", NullableString()}});
    schemas["FairCatalogue"] =
        Closed({{"event_id", StringType("uuid")},
                {"lang", {{"type", "string"}, {"enum", json::array{"tr", "zh", "en"}}}},
                {"title", StringType()},
                {"starts_at", StringType("date-time")},
                {"ends_at", StringType("date-time")},
                {"time_zone", StringType()},
                {"venue", NullableString()},
                {"city", StringType()},
                {"exhibitors", ArrayOf(Closed({{"id", StringType("uuid")},
                                               {"company_id", StringType("uuid")},
                                               {"company", StringType()},
                                               {"stand", NullableString()},
                                               {"products", ArrayOf(product)}}))}});
  }
  {
    // The export fair's results (api/fair.cpp): amounts in hundredths, per currency.
    const json::object count = {{"type", "integer"}, {"minimum", 0}};
    json::object by_status;
    for (std::string_view status : domain::kLeadStatuses) by_status[status] = count;
    json::object statuses = Closed(by_status);
    const json::object uuid = StringType("uuid");
    const json::object instant = StringType("date-time");
    const json::object request_schema{{"request_id", uuid},
                                      {"buyer_id", uuid},
                                      {"exhibitor_id", uuid},
                                      {"company_id", uuid},
                                      {"priority", count}};
    json::object meeting = request_schema;
    meeting["starts_at"] = instant;
    meeting["ends_at"] = instant;
    meeting["table"] = count;
    schemas["B2bSchedule"] =
        Closed({{"event_id", uuid},
                {"time_zone", StringType()},
                {"plan", Nullable(Closed({{"id", uuid},
                                          {"day_start", {{"type", "number"}}},
                                          {"day_end", {{"type", "number"}}},
                                          {"slot_minutes", {{"type", "number"}}},
                                          {"tables", {{"type", "number"}}}}))},
                {"slots", ArrayOf(Closed({{"starts_at", instant}, {"ends_at", instant}}))},
                {"run", Nullable(Closed({{"ran_at", instant},
                                         {"requests", count},
                                         {"met", count},
                                         {"met_priority", count},
                                         {"upper_bound", count}}))},
                {"meetings", ArrayOf(Closed(meeting))},
                {"unmet", ArrayOf(Closed(request_schema))}});
    schemas["TradeResults"] = Closed(
        {{"event_id", StringType("uuid")},
         {"partnership_id", StringType("uuid")},
         {"exhibitors", count},
         {"meetings_scheduled", count},
         {"leads", Closed({{"total", count}, {"by_status", statuses}})},
         {"deals",
          ArrayOf(Closed({{"currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}}},
                          {"hundredths", count},
                          {"amount", {{"type", "string"}, {"pattern", "^[0-9]+\\.[0-9]{2}$"}}},
                          {"count", count}}))}},
        {"event_id", "partnership_id"});
    // A fair on the dashboard: its results, named and dated.
    json::object fair = schemas["TradeResults"].as_object();
    fair["properties"].as_object()["title"] = Ref("Text");
    fair["properties"].as_object()["starts_at"] = instant;
    fair["required"] = json::array{"event_id", "partnership_id", "exhibitors", "meetings_scheduled",
                                   "leads",    "deals",          "title",      "starts_at"};
    schemas["TradeOverview"] = Closed(
        {{"partnerships", ArrayOf(Ref("TradeResults"))}, {"fairs", ArrayOf(std::move(fair))}});
  }
  {
    // Signed approvals of agreement texts (api/agreement_texts.cpp).
    schemas["AgreementTextApprovalInput"] =
        Closed({{"content_hash", StringType()}}, {"content_hash"});
    const json::object boolean{{"type", "boolean"}};
    const json::object approval{{"id", StringType("uuid")},
                                {"instance_id", StringType("uuid")},
                                {"owner", boolean},
                                {"this_instance", boolean},
                                {"agreement_version", Integer()},
                                {"content_hash", StringType()},
                                {"key_id", StringType()},
                                {"public_key", StringType()},
                                {"key_fingerprint", StringType()},
                                {"signature", StringType()},
                                {"approved_at", StringType("date-time")},
                                {"approved_by_role", StringType()},
                                {"key_known", boolean},
                                {"signature_valid", boolean},
                                {"valid", boolean},
                                {"stale", boolean}};
    schemas["AgreementTextProof"] = Closed({{"agreement_id", StringType("uuid")},
                                            {"owner_instance_id", StringType("uuid")},
                                            {"instance_id", StringType("uuid")},
                                            {"version", Integer()},
                                            {"canonical", StringType()},
                                            {"content_hash", StringType()},
                                            {"approved_by_owner", boolean},
                                            {"approved_by_other", boolean},
                                            {"approved_by_both", boolean},
                                            {"approvals", ArrayOf(Closed(approval))}});
  }
  schemas["StudyVisitRequestInput"] = ObjectSchema(domain::StudyVisitRequestFields(), Use::kWrite);
  schemas["StudyVisitRequest"] = Closed({{"case_id", StringType("uuid")},
                                         {"commitment", Ref("commitment")},
                                         {"event", Ref("event")}});
  {
    // Exchange agreements (api/exchange_agreements.cpp).
    schemas["IscedFieldList"] = Closed(
        {{"items",
          ArrayOf(Closed(
              {{"code", StringType()},
               {"level", {{"type", "string"}, {"enum", {"broad", "narrow", "detailed"}}}},
               {"parent", NullableString()},
               {"name",
                Closed({{"tr", StringType()}, {"zh", StringType()}, {"en", StringType()}})}}))}});
    const json::object uuid = StringType("uuid");
    const json::object instant = StringType("date-time");
    const auto choice = [](std::span<const std::string_view> values) {
      return json::object{{"type", "string"}, {"enum", Strings(values)}};
    };
    const json::object change =
        Closed({{"kind", {{"type", "string"}, {"enum", {"field", "added", "removed", "changed"}}}},
                {"field", StringType()},
                {"condition_id", StringType()},
                {"before", StringType()},
                {"after", StringType()}});
    json::object approval_properties{{"id", uuid},
                                     {"side", choice(domain::kApprovalSides)},
                                     {"user_id", StringType()},
                                     {"user_email", StringType()},
                                     {"approved_at", instant},
                                     {"content_hash", StringType()},
                                     {"superseded_at", NullableString("date-time")}};
    const json::object approval = Closed(approval_properties);
    const json::object condition =
        Closed({{"id", uuid},
                {"direction", choice(domain::kExchangeDirections)},
                {"host_institution_id", uuid},
                {"host_department", StringType()},
                {"isced_code", StringType()},
                {"level", choice(domain::kStudyLevels)},
                {"seats_per_year", {{"type", "integer"}, {"minimum", 1}, {"maximum", 999}}},
                {"months_per_student", {{"type", "integer"}, {"minimum", 1}, {"maximum", 24}}},
                {"language", StringType()},
                {"min_cefr", choice(domain::kCefrLevels)},
                {"extra_requirements", StringType()}});
    schemas["ExchangeAgreement"] = Closed(
        {{"id", uuid},
         {"partnership_id", uuid},
         {"home_institution_id", uuid},
         {"partner_institution_id", uuid},
         {"first_year", StringType()},
         {"last_year", StringType()},
         {"academic_years", ArrayOf(StringType())},
         {"state", choice(domain::kAgreementStates)},
         {"visibility", choice(domain::kAgreementVisibilities)},
         {"content_hash",
          {{"type", "string"},
           {"description",
            "SHA-256 of the canonical content (RFC 8785 style) both sides approve"}}},
         {"conditions", ArrayOf(condition)},
         {"approvals", ArrayOf(approval)},
         {"changes_since_approval",
          {{"anyOf", json::array{Closed({{"approval", approval}, {"changes", ArrayOf(change)}}),
                                 {{"type", "null"}}}},
           {"description",
            "the latest approval of other content than the current, and the "
            "differences; null when there is none"}}},
         {"version", Integer()},
         {"created_by", NullableString()},
         {"created_at", instant},
         {"updated_at", instant}});
    schemas["ExchangeAgreementList"] = Closed({{"items", ArrayOf(Ref("ExchangeAgreement"))}});
    schemas["ExchangeAgreementInput"] =
        ObjectSchema(domain::ExchangeAgreementFields(), Use::kWrite);
    json::object patch = ObjectSchema(domain::ExchangeAgreementPatchFields(), Use::kWrite);
    patch.erase("required");
    schemas["ExchangeAgreementPatch"] = std::move(patch);
    schemas["AgreementApprovalInput"] =
        ObjectSchema(domain::AgreementApprovalFields(), Use::kWrite);
    approval_properties["content"] = {{"type", "object"}};
    approval_properties["changes_since"] = ArrayOf(change);
    schemas["AgreementApprovalHistory"] = Closed({{"agreement_id", uuid},
                                                  {"content_hash", StringType()},
                                                  {"items", ArrayOf(Closed(approval_properties))}});
    const json::object withheld{
        {"type", {"integer", "null"}},
        {"description", "null for partner users: it counts personal data (applications)"}};
    const json::object figures{{"seats", Integer()},    {"applications", withheld},
                               {"allocated", withheld}, {"accepted", Integer()},
                               {"declined", Integer()}, {"free", withheld}};
    json::object row{{"academic_year", StringType()},
                     {"direction", choice(domain::kExchangeDirections)},
                     {"condition_id", uuid},
                     {"isced_code", StringType()},
                     {"level", choice(domain::kStudyLevels)},
                     {"host_department", StringType()}};
    json::object total{{"academic_year", StringType()},
                       {"direction", choice(domain::kExchangeDirections)}};
    for (const auto& [key, value] : figures) {
      row[key] = value;
      total[key] = value;
    }
    schemas["SeatGrid"] = Closed({{"agreement_id", uuid},
                                  {"state", choice(domain::kAgreementStates)},
                                  {"rows", ArrayOf(Closed(row))},
                                  {"totals", ArrayOf(Closed(total))}});

    // Calls and applications (api/exchange_calls.cpp).
    const json::object number{{"type", "number"}};
    schemas["ExchangeCall"] =
        Closed({{"id", uuid},
                {"agreement_id", uuid},
                {"partnership_id", uuid},
                {"academic_year", StringType()},
                {"direction", choice(domain::kExchangeDirections)},
                {"opens_on", StringType("date")},
                {"closes_on", StringType("date")},
                {"time_zone", StringType()},
                {"closes_at", instant},
                {"window", {{"type", "string"}, {"enum", {"not_open", "open", "closed"}}}},
                {"academic_weight", number},
                {"language_weight", number},
                {"scales", ArrayOf(number)},
                {"max_choices", {{"type", "integer"}, {"minimum", 1}, {"maximum", 20}}},
                {"tie_seed", {{"type", "string"}, {"pattern", "^[0-9]{1,20}$"}}},
                {"conditions", ArrayOf(Closed({{"id", uuid},
                                               {"host_institution_id", uuid},
                                               {"host_department", StringType()},
                                               {"isced_code", StringType()},
                                               {"level", choice(domain::kStudyLevels)},
                                               {"seats", Integer()},
                                               {"months_per_student", Integer()},
                                               {"language", StringType()},
                                               {"min_cefr", choice(domain::kCefrLevels)},
                                               {"extra_requirements", StringType()}}))},
                {"created_by", NullableString()},
                {"created_at", instant}});
    schemas["ExchangeCallList"] = Closed({{"items", ArrayOf(Ref("ExchangeCall"))}});
    schemas["ExchangeCallInput"] = ObjectSchema(domain::ExchangeCallFields(), Use::kWrite);
    schemas["ExchangeApplication"] = Closed(
        {{"id", uuid},
         {"call_id", uuid},
         {"visibility", {{"type", "string"}, {"enum", {"private"}}}},
         {"status", choice(domain::kApplicationStatuses)},
         {"name_native", StringType()},
         {"name_latin", StringType()},
         {"student_number", StringType()},
         {"home_department", StringType()},
         {"isced_code", StringType()},
         {"level", choice(domain::kStudyLevels)},
         {"academic_average", number},
         {"average_scale", number},
         {"language_score", number},
         {"language_results",
          ArrayOf(Closed({{"language", StringType()}, {"result", StringType()}}))},
         {"choices", ArrayOf(uuid)},
         {"score",
          {{"type", "string"},
           {"description", "the score under the call's formula, exact to four decimals"}}},
         {"eligible_choices", Integer()},
         {"eligibility",
          ArrayOf(Closed(
              {{"rank", Integer()},
               {"condition_id", StringType()},
               {"eligible", {{"type", "boolean"}}},
               {"failures", ArrayOf(Closed({{"rule",
                                             {{"type", "string"},
                                              {"enum", {"level", "language", "field", "offered"}}}},
                                            {"required", StringType()},
                                            {"stated", StringType()}}))}}))},
         {"history", ArrayOf(Closed({{"kind", choice(domain::kApplicationEvents)},
                                     {"at", instant},
                                     {"user_email", StringType()},
                                     {"late", {{"type", "boolean"}}},
                                     {"fields", ArrayOf(StringType())},
                                     {"reason", StringType()}}))},
         {"version", Integer()},
         {"created_at", instant},
         {"updated_at", instant}});
    schemas["ExchangeApplicationList"] =
        Closed({{"call_id", uuid}, {"items", ArrayOf(Ref("ExchangeApplication"))}});
    schemas["ExchangeApplicationInput"] =
        ObjectSchema(domain::ExchangeApplicationFields(), Use::kWrite);
    json::object application_patch =
        ObjectSchema(domain::ExchangeApplicationPatchFields(), Use::kWrite);
    application_patch.erase("required");
    schemas["ExchangeApplicationPatch"] = std::move(application_patch);
    schemas["ApplicationWithdrawalInput"] =
        ObjectSchema(domain::ApplicationWithdrawalFields(), Use::kWrite);
    // Allocation runs (api/exchange_runs.cpp).
    json::object run_properties{
        {"id", uuid},
        {"call_id", uuid},
        {"created_at", instant},
        {"created_by_email", StringType()},
        {"previous_run_id",
         {{"anyOf", json::array{uuid, {{"type", "null"}}}},
          {"description", "the locked run whose placements were floors here (re-run)"}}},
        {"seed", StringType()},
        {"formula", StringType()},
        {"code_version", StringType()},
        {"input_hash", {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}}},
        {"result_hash", {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}}},
        {"cutoffs", ArrayOf(Closed({{"condition_id", uuid},
                                    {"seats", Integer()},
                                    {"admitted", Integer()},
                                    {"cutoff_score", NullableString()}}))},
        {"locked_at", NullableString("date-time")},
        {"locked_by_email", NullableString()}};
    schemas["AllocationRunList"] =
        Closed({{"call_id", uuid}, {"items", ArrayOf(Closed(run_properties))}});
    run_properties["placements"] = ArrayOf(
        Closed({{"application_id", uuid},
                {"condition_id", NullableString("uuid")},
                {"rank", Integer()},
                {"score", StringType()},
                {"lottery", StringType()},
                {"explanation",
                 ArrayOf(Closed(
                     {{"rank", Integer()},
                      {"condition_id", uuid},
                      {"reason", {{"type", "string"}, {"enum", {"no_seats", "outranked", "held"}}}},
                      {"cutoff_score", StringType()},
                      {"own_score", StringType()},
                      {"decided_by_lottery", {{"type", "boolean"}}}}))}}));
    run_properties["input"] = StringType();
    run_properties["result"] = StringType();
    schemas["AllocationRun"] = Closed(run_properties);
    // Nominations to the host side (api/exchange_nominations.cpp): only the minimum set.
    schemas["Nomination"] = Closed(
        {{"id", uuid},
         {"run_id", uuid},
         {"call_id", uuid},
         {"agreement_id", uuid},
         {"condition_id", uuid},
         {"personal_data", {{"type", "string"}, {"enum", {"shared_on_purpose"}}}},
         {"name_native", StringType()},
         {"name_latin", StringType()},
         {"home_institution_id", uuid},
         {"home_department", StringType()},
         {"host_institution_id", uuid},
         {"host_department", StringType()},
         {"isced_code", StringType()},
         {"level", choice(domain::kStudyLevels)},
         {"academic_year", StringType()},
         {"direction", choice(domain::kExchangeDirections)},
         {"months", Integer()},
         {"language", StringType()},
         {"language_level", StringType()},
         {"sent_at", instant},
         {"sent_by_email", StringType()},
         {"status", {{"type", "string"}, {"enum", {"sent", "accepted", "rejected", "withdrawn"}}}},
         {"decided_at", NullableString("date-time")},
         {"decided_by_email", NullableString()},
         {"reason", StringType()}});
    schemas["NominationList"] = Closed({{"run_id", uuid}, {"items", ArrayOf(Ref("Nomination"))}});
    // A send: the new nominations, those of earlier runs it keeps and those it withdraws.
    schemas["NominationSend"] = Closed({{"run_id", uuid},
                                        {"items", ArrayOf(Ref("Nomination"))},
                                        {"kept", ArrayOf(Ref("Nomination"))},
                                        {"withdrawn", ArrayOf(Ref("Nomination"))}});
    schemas["AgreementNominationList"] =
        Closed({{"agreement_id", uuid}, {"items", ArrayOf(Ref("Nomination"))}});
    json::object decision =
        Closed({{"decision", {{"type", "string"}, {"enum", {"accept", "reject"}}}},
                {"reason",
                 {{"type", "string"}, {"maxLength", 2000}, {"description", "required to reject"}}}},
               {"reason"});
    schemas["NominationDecisionInput"] = std::move(decision);
  }
  const json::object status_or_null{{"type", {"string", "null"}},
                                    {"enum", [] {
                                       json::array statuses = Strings(domain::kCommitmentStatuses);
                                       statuses.push_back(nullptr);
                                       return statuses;
                                     }()}};
  schemas["HistoryEntry"] =
      Closed({{"id", StringType()},
              {"kind", {{"type", "string"}, {"enum", {"transition", "note"}}}},
              {"from", status_or_null},
              {"to", status_or_null},
              {"note", NullableString()},
              {"at", StringType("date-time")},
              {"actor", StringType()}});
  schemas["History"] = Closed({{"items", ArrayOf(Ref("HistoryEntry"))}});
  const FieldSpec* milestones = domain::Partnerships().Field("milestones");
  {
    // What each kind of timeline entry shows of its record.
    const auto entry = [](std::string_view kind, json::object summary) {
      return Closed({{"at", StringType()},
                     {"kind", {{"type", "string"}, {"const", kind}}},
                     {"ref_id", StringType("uuid")},
                     {"summary", std::move(summary)}});
    };
    json::object kinds{
        {"oneOf",
         {entry("milestone", ObjectSchema(milestones->members, Use::kRead)),
          entry("meeting",
                Closed({{"kind", FieldSchema(*domain::Meetings().Field("kind"), Use::kRead)},
                        {"title", Ref("Text")},
                        {"time_zone", StringType()}})),
          entry("transition",
                Closed({{"from", StringType()},
                        {"to", StringType()},
                        {"note", NullableString()},
                        {"text", Ref("Text")},
                        {"area", FieldSchema(*domain::Commitments().Field("area"), Use::kRead)}})),
          entry("event",
                Closed({{"kind", FieldSchema(*domain::Events().Field("kind"), Use::kRead)},
                        {"title", Ref("Text")},
                        {"status", FieldSchema(*domain::Events().Field("status"), Use::kRead)},
                        {"time_zone", StringType()}}))}}};
    schemas["Timeline"] =
        Closed({{"items", ArrayOf(std::move(kinds))},
                {"earlier",
                 {{"type", {"string", "null"}},
                  {"description", "pass as before for the items before these; null when none"}}},
                {"done",
                 {{"type", "integer"},
                  {"description", "the partnership's done commitments (those the caller sees)"}}},
                {"done_with_evidence",
                 {{"type", "integer"},
                  {"description",
                   "of those, the ones with evidence: a link, a file or a held event naming "
                   "them"}}}});
  }
  {
    // Counts of commitments: open, overdue, done, dropped, left proposed, all, and done / left
    // proposed.
    const json::object figures = Closed({{"open", Integer()},
                                         {"overdue", Integer()},
                                         {"done", Integer()},
                                         {"dropped", Integer()},
                                         {"left_proposed", Integer()},
                                         {"total", Integer()},
                                         {"follow_through", {{"type", {"number", "null"}}}}});
    const json::object area_names{{"enum", Strings(domain::kAreaCodes)}};
    json::object totals = figures;
    totals["properties"].as_object()["partnerships"] = Integer();
    totals["properties"].as_object()["by_area"] = {
        {"type", "object"}, {"propertyNames", area_names}, {"additionalProperties", figures}};
    totals["required"].as_array().push_back("partnerships");
    totals["required"].as_array().push_back("by_area");
    schemas["Dashboard"] =
        Closed({{"today", StringType("date")},
                {"total", Integer()},
                {"totals", std::move(totals)},
                {"partnerships",
                 ArrayOf(Closed(
                     {{"partnership", Ref("partnership")},
                      {"open_by_area",
                       {{"type", "object"},
                        {"description", "open commitments by area and status"},
                        {"propertyNames", area_names},
                        {"additionalProperties",
                         {{"type", "object"},
                          {"propertyNames", {{"enum", Strings(domain::kCommitmentStatuses)}}},
                          {"additionalProperties", Integer()}}}}},
                      {"open_total", Integer()},
                      {"overdue", ArrayOf(Ref("commitment"))},
                      {"overdue_total", Integer()},
                      {"next_events", ArrayOf(Ref("event"))},
                      {"last_contact", NullableString("date")},
                      {"follow_through", {{"type", {"number", "null"}}}},
                      {"done", Integer()},
                      {"done_with_evidence", Integer()},
                      {"dropped", Integer()},
                      {"left_proposed", Integer()},
                      {"cases_shared",
                       {{"type", "integer"},
                        {"description", "live cases shared with the partner (shared or public)"}}},
                      {"health", Ref("PartnershipHealth")},
                      {"legal_steps",
                       ArrayOf(Closed({{"kind", FieldSchema(milestones->members[0], Use::kRead)},
                                       {"done", {{"type", "boolean"}}}}))}}))}});
  }
  schemas["PartnershipHealth"] =
      Closed({{"state",
               {{"type", "string"},
                {"enum", {"active", "quiet", "dormant", "at_risk"}},
                {"description",
                 "dormant: no contact for dormant_after_months; at_risk: 3+ "
                 "open commitments, a third or more overdue; quiet: no contact "
                 "for quiet_after_months; else active (first that holds)"}}},
              {"reason",
               {{"type", "string"},
                {"enum", {"no_contact", "never_contacted", "overdue", "recent_contact"}}}},
              {"months_without_contact", Integer()},
              {"overdue", Integer()},
              {"open", Integer()},
              {"quiet_after_months", Integer()},
              {"dormant_after_months", Integer()}});
  {
    // The annual council report (api/reports.cpp).
    const json::object share{{"type", {"number", "null"}},
                             {"description", "done ÷ left proposed, at the cut-off"}};
    const json::object file = Closed({{"id", StringType("uuid")}, {"name", StringType()}});
    json::object commitment{
        {"id", StringType("uuid")},
        {"text", Ref("Text")},
        {"area", {{"type", "string"}, {"enum", Strings(domain::kAreaCodes)}}},
        {"status", {{"type", "string"}, {"enum", Strings(domain::kCommitmentStatuses)}}},
        {"due_date", NullableString("date")},
        {"made", StringType("date")},
        {"done_at", NullableString("date")},
        {"evidence",
         Closed({{"files", ArrayOf(file)}, {"links", Integer()}, {"held_events", Integer()}})}};
    json::object late = commitment;
    late["days_overdue"] = Integer();
    late["why"] = Nullable({{"type", "string"}, {"description", "the latest note written on it"}});
    late["why_at"] = NullableString("date");
    const json::object occasion = Closed({{"id", StringType("uuid")},
                                          {"title", Ref("Text")},
                                          {"kind", StringType()},
                                          {"starts_at", StringType("date-time")},
                                          {"local_date", StringType("date")},
                                          {"time_zone", StringType()}});
    const json::object section = Closed(
        {{"partnership", Closed({{"id", StringType("uuid")},
                                 {"home_city", Nullable(Ref("Text"))},
                                 {"partner_city", Nullable(Ref("Text"))},
                                 {"tier", StringType()},
                                 {"status", StringType()},
                                 {"since", StringType("date")}})},
         {"years", Closed({{"first", Integer()}, {"last", Integer()}})},
         {"legal_steps",
          ArrayOf(
              Closed({{"kind", {{"type", "string"}, {"enum", Strings(domain::kMilestoneKinds)}}},
                      {"required", {{"type", "boolean"}}},
                      {"date", NullableString("date")},
                      {"reference", NullableString()},
                      {"note", NullableString()},
                      {"documents", ArrayOf(file)}}))},
         {"figures", Closed({{"meetings", Integer()},
                             {"events_held", Integer()},
                             {"made", Integer()},
                             {"done", Integer()},
                             {"done_with_evidence", Integer()},
                             {"dropped", Integer()},
                             {"overdue", Integer()},
                             {"cases_shared", Integer()},
                             {"follow_through", share}})},
         {"programmes",
          Closed(
              {{"exchange",
                Closed({{"academic_year", {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{4}$"}}},
                        {"agreements", Integer()},
                        {"directions",
                         ArrayOf(Closed({{"direction", StringType()},
                                         {"seats", Integer()},
                                         {"applications", {{"type", {"integer", "null"}}}},
                                         {"allocated", {{"type", {"integer", "null"}}}},
                                         {"accepted", {{"type", {"integer", "null"}}}},
                                         {"declined", {{"type", {"integer", "null"}}}}}))}})},
               {"trade", Ref("TradeResults")}})},
         {"health", Ref("PartnershipHealth")},
         {"activity", ArrayOf(Closed({{"year", Integer()},
                                      {"meetings", Integer()},
                                      {"events_held", Integer()},
                                      {"made", Integer()},
                                      {"done", Integer()},
                                      {"cases_shared", Integer()}}))},
         {"by_area", ArrayOf(Closed({{"area", StringType()},
                                     {"made", Integer()},
                                     {"done", Integer()},
                                     {"dropped", Integer()},
                                     {"left_proposed", Integer()},
                                     {"overdue", Integer()},
                                     {"follow_through", share}}))},
         {"narrative", Nullable({{"$ref", "#/components/schemas/Text"},
                                 {"description", "the officer's narrative (home roles only)"}})},
         {"narrative_version", {{"type", {"integer", "null"}}}},
         {"agreed", ArrayOf(Closed(commitment))},
         {"done", ArrayOf(Closed(commitment))},
         {"overdue", ArrayOf(Closed(std::move(late)))},
         {"events", ArrayOf(occasion)},
         {"meetings", ArrayOf(occasion)}});
    schemas["CouncilReport"] =
        Closed({{"year", Integer()},
                {"lang", {{"type", "string"}, {"enum", {"tr", "zh", "en"}}}},
                {"second", Nullable({{"type", "string"}, {"enum", {"tr", "zh", "en"}}})},
                {"today", StringType("date")},
                {"cut_off", StringType("date")},
                {"truncated",
                 {{"type", "boolean"},
                  {"description",
                   "true when the caller sees more partnerships than the 200 (oldest first) one "
                   "report holds: ask for each of the others by partnership_id"}}},
                {"partnerships", ArrayOf(section)}});
    schemas["ReportNarrativeInput"] = ObjectSchema(ReportNarrativeBody().fields, Use::kWrite);
    schemas["ReportNarrative"] = Closed({{"partnership_id", StringType("uuid")},
                                         {"year", Integer()},
                                         {"narrative", Ref("Text")},
                                         {"version", Integer()},
                                         {"updated_at", StringType("date-time")}});
  }
  schemas["PartnershipHealthPage"] =
      Closed({{"items", ArrayOf(Closed({{"partnership_id", StringType("uuid")},
                                        {"health", Ref("PartnershipHealth")}}))},
              {"total", {{"type", {"integer", "null"}}}},
              {"limit", Integer()},
              {"offset", Integer()}});
  {
    const json::object kind{{"type", "string"}, {"enum", {"digest", "health", "event_reminder"}}};
    const json::object lang{{"type", "string"}, {"enum", {"tr", "zh", "en"}}};
    const json::object notice{{"id", StringType("uuid")},
                              {"kind", kind},
                              {"lang", lang},
                              {"subject", StringType()},
                              {"body", StringType()},
                              {"link", {{"type", "string"}, {"description", "the app's path"}}},
                              {"created_at", StringType("date-time")},
                              {"read_at", NullableString("date-time")}};
    schemas["NoticeList"] = Closed({{"items", ArrayOf(Closed(notice))}, {"unread", Integer()}});
    schemas["NoticesRead"] = Closed({{"unread", Integer()}, {"marked", Integer()}}, {"marked"});
    const json::object boolean{{"type", "boolean"}};
    const json::object email =
        Closed({{"digest", boolean}, {"health", boolean}, {"event_reminder", boolean}});
    schemas["NoticeSettings"] =
        Closed({{"lang", lang}, {"email", email}, {"mail_configured", boolean}});
    schemas["NoticeSettingsInput"] = Closed(
        {{"lang", lang},
         {"email", Closed({{"digest", boolean}, {"health", boolean}, {"event_reminder", boolean}},
                          {"digest", "health", "event_reminder"})}},
        {"lang", "email"});
    const json::object mail{
        {"id", StringType("uuid")},
        {"kind", kind},
        {"recipient", StringType()},
        {"subject", StringType()},
        {"state", {{"type", "string"}, {"enum", {"pending", "sending", "sent", "failed"}}}},
        {"attempts", Integer()},
        {"next_attempt_at", NullableString("date-time")},
        {"last_error", NullableString()},
        {"created_at", StringType("date-time")},
        {"sent_at", NullableString("date-time")}};
    schemas["MailOutbox"] = Closed({{"configured", boolean},
                                    {"counts", Closed({{"pending", Integer()},
                                                       {"sending", Integer()},
                                                       {"sent", Integer()},
                                                       {"failed", Integer()}})},
                                    {"items", ArrayOf(Closed(mail))}});
  }
  {
    const json::object feed{{"id", StringType("uuid")},
                            {"kind", {{"type", "string"}, {"enum", {"partnership", "mine"}}}},
                            {"partnership_id", NullableString("uuid")},
                            {"lang", {{"type", "string"}, {"enum", {"tr", "zh", "en"}}}},
                            {"created_at", StringType("date-time")}};
    schemas["FeedList"] = Closed({{"items", ArrayOf(Closed(feed))}});
    json::object created = feed;
    created["url"] = {{"type", "string"},
                      {"description", "the feed's secret address, shown only now"}};
    schemas["Feed"] = Closed(created);
    schemas["FeedInput"] =
        Closed({{"kind", {{"type", "string"}, {"enum", {"partnership", "mine"}}}},
                {"partnership_id", NullableString("uuid")},
                {"lang", {{"type", "string"}, {"enum", {"tr", "zh", "en"}}}}},
               {"partnership_id"});
  }
  {
    // Federation (api/federation.cpp, docs/FEDERATION.md).
    const json::object ids = ArrayOf(StringType("uuid"));
    const json::object fingerprint{{"type", "string"},
                                   {"pattern", "^[0-9]{5}( [0-9]{5}){5}$"},
                                   {"description",
                                    "six groups of five digits, the same on both "
                                    "sides"}};
    const json::object key{{"type", "string"}, {"description", "Ed25519 public key, Base64"}};
    const json::object peer{
        {"id", StringType("uuid")},
        {"instance_id", StringType("uuid")},
        {"url", StringType()},
        {"role", {{"type", "string"}, {"enum", {"inviter", "invitee"}}}},
        {"state", {{"type", "string"}, {"enum", {"pending", "active", "revoked"}}}},
        {"partnership_ids", ids},
        {"key_id", StringType()},
        {"public_key", key},
        {"fingerprint", fingerprint},
        {"confirmed_here_at", NullableString("date-time")},
        {"confirmed_there_at", NullableString("date-time")},
        {"created_at", StringType("date-time")},
        {"updated_at", StringType("date-time")},
        {"revoked_at", NullableString("date-time")}};
    schemas["Peer"] = Closed(peer);
    schemas["Federation"] = Closed(
        {{"instance_id", StringType("uuid")},
         {"url", StringType()},
         {"key_id", StringType()},
         {"public_key", key},
         {"key_created_at", StringType("date-time")},
         {"retired_keys",
          ArrayOf(Closed({{"key_id", StringType()}, {"retired_at", StringType("date-time")}}))},
         {"peers", ArrayOf(Ref("Peer"))}});
    schemas["FederationInvitationInput"] = Closed({{"partnership_ids", ids}});
    schemas["FederationInvitation"] =
        Closed({{"id", StringType("uuid")},
                {"invitation",
                 {{"type", "string"},
                  {"description", "hand this to the other admin; its code is shown only now"}}},
                {"partnership_ids", ids},
                {"expires_at", StringType("date-time")}});
    schemas["FederationAcceptInput"] = Closed({{"invitation", StringType()}});
    schemas["PeerConfirmInput"] = Closed({{"fingerprint", StringType()}});
    schemas["PeerConfirmation"] = Closed(
        {{"peer", Ref("Peer")}, {"notified", {{"type", "boolean"}}}, {"error", NullableString()}});
    schemas["PeerHello"] = Closed({{"instance_id", StringType("uuid")},
                                   {"peer_instance_id", StringType("uuid")},
                                   {"partnership_ids", ids},
                                   {"at", StringType("date-time")}});
    schemas["PeerHelloResult"] =
        Closed({{"status", Integer()},
                {"answer", {{"oneOf", json::array{Ref("PeerHello"), {{"type", "null"}}}}}},
                {"error", NullableString()}});
    schemas["FederationKeyRotation"] =
        Closed({{"key_id", StringType()},
                {"public_key", key},
                {"peers", ArrayOf(Closed({{"peer_id", StringType("uuid")},
                                          {"notified", {{"type", "boolean"}}},
                                          {"error", NullableString()}}))}});
    schemas["PeerRegisterInput"] = Closed({{"code", StringType()},
                                           {"instance_id", StringType("uuid")},
                                           {"url", StringType()},
                                           {"key_id", StringType()},
                                           {"public_key", key}});
    schemas["PeerRegistration"] = Closed({{"instance_id", StringType("uuid")},
                                          {"key_id", StringType()},
                                          {"public_key", key},
                                          {"partnership_ids", ids},
                                          {"fingerprint", fingerprint}});
    schemas["PeerConfirmAnswer"] =
        Closed({{"confirmed", {{"type", "boolean"}}},
                {"state", {{"type", "string"}, {"enum", {"pending", "active"}}}}});
    schemas["PeerKeyInput"] = Closed({{"key_id", StringType()}, {"public_key", key}});
    schemas["PeerKeyAnswer"] = Closed({{"key_id", StringType()}});
    // Sync (api/sync.cpp): the feed's items are an upsert (a record, as the owner shows it to
    // the peer) or a tombstone (id and version only).
    const json::object entity{{"type", "string"}, {"enum", ResourceNames()}};
    const json::object history_entry =
        Closed({{"id", StringType("uuid")},
                {"kind", {{"type", "string"}, {"enum", {"transition", "note"}}}},
                {"from", NullableString()},
                {"to", NullableString()},
                {"note", NullableString()},
                {"at", StringType("date-time")}});
    // A file of the record, as the peer holds it (docs/FEDERATION.md, "Files").
    const json::object replica_file = Closed({{"id", StringType("uuid")},
                                              {"name", StringType()},
                                              {"media_type", StringType()},
                                              {"size", Integer()},
                                              {"sha256", StringType()},
                                              {"milestone", NullableString()},
                                              {"created_at", StringType("date-time")}});
    const json::object upsert = Closed({{"seq", Integer()},
                                        {"entity", entity},
                                        {"id", StringType("uuid")},
                                        {"op", {{"type", "string"}, {"enum", {"upsert"}}}},
                                        {"version", Integer()},
                                        {"record", {{"type", "object"}}},
                                        {"history", ArrayOf(history_entry)},
                                        {"files", ArrayOf(replica_file)}},
                                       {"history", "files"});
    const json::object tombstone = Closed({{"seq", Integer()},
                                           {"entity", entity},
                                           {"id", StringType("uuid")},
                                           {"op", {{"type", "string"}, {"enum", {"tombstone"}}}},
                                           {"version", Integer()}});
    schemas["PeerFeed"] = Closed({{"instance_id", StringType("uuid")},
                                  {"after", Integer()},
                                  {"next", Integer()},
                                  {"has_more", {{"type", "boolean"}}},
                                  {"items", ArrayOf({{"oneOf", json::array{upsert, tombstone}}})}});
    schemas["PeerNotifyInput"] = Closed({{"seq", Integer()}});
    schemas["PeerNotifyAnswer"] = Closed({{"accepted", {{"type", "boolean"}}}});
    schemas["SyncStatus"] =
        Closed({{"peers", ArrayOf(Closed({
                              {"peer_id", StringType("uuid")},
                              {"instance_id", StringType("uuid")},
                              {"url", StringType()},
                              {"state", {{"type", "string"}, {"enum", {"pending", "active"}}}},
                              {"cursor", Integer()},
                              {"last_attempt_at", NullableString("date-time")},
                              {"last_success_at", NullableString("date-time")},
                              {"lag_seconds", Nullable(Integer())},
                              {"last_error", NullableString()},
                              {"failures", Integer()},
                              {"next_attempt_at", NullableString("date-time")},
                              {"applied", Integer()},
                              {"proposals_pending", Integer()},
                              {"proposals_rejected", Integer()},
                          }))}});
    // Proposals (api/proposals.cpp): changes made to replicas, sent to the owning instance.
    const json::object proposal_state{{"type", "string"},
                                      {"enum", {"pending", "applied", "rejected", "dismissed"}}};
    json::array proposable_kinds;
    for (const domain::ResourceSpec* spec : domain::AllResources()) {
      if (Proposable(spec->name, "update")) proposable_kinds.emplace_back(spec->name);
    }
    const json::object proposable{{"type", "string"}, {"enum", std::move(proposable_kinds)}};
    const json::object proposal_operation{{"type", "string"},
                                          {"enum", {"update", "archive", "transition", "note"}}};
    schemas["FederationProposal"] =
        Closed({{"id", StringType("uuid")},
                {"entity", proposable},
                {"record_id", StringType("uuid")},
                {"owner_instance_id", StringType("uuid")},
                {"operation", proposal_operation},
                {"body", {{"type", "object"}}},
                {"base_version", Integer()},
                {"user_id", StringType("uuid")},
                {"created_at", StringType("date-time")},
                {"state", proposal_state},
                {"applied_version", Nullable(Integer())},
                {"problem", {{"oneOf", json::array{Ref("Problem"), {{"type", "null"}}}}}},
                {"attempts", Integer()},
                {"last_error", NullableString()},
                {"decided_at", NullableString("date-time")}});
    schemas["FederationProposalList"] = Closed({{"items", ArrayOf(Ref("FederationProposal"))}});
    schemas["PeerProposalInput"] = Closed({{"id", StringType("uuid")},
                                           {"entity", proposable},
                                           {"record_id", StringType("uuid")},
                                           {"operation", proposal_operation},
                                           {"base_version", Integer()},
                                           {"body", {{"type", "object"}}},
                                           {"actor", StringType()}});
    schemas["PeerProposalAnswer"] =
        Closed({{"id", StringType("uuid")},
                {"state", {{"type", "string"}, {"enum", {"applied", "rejected"}}}},
                {"version", Integer()},
                {"problem", Ref("Problem")}},
               {"version", "problem"});
    schemas["ReplicaHolders"] =
        Closed({{"instance_id", StringType("uuid")},
                {"holders", ArrayOf(Closed({{"instance_id", StringType("uuid")},
                                            {"url", StringType()},
                                            {"synced_at", NullableString("date-time")}}))}});
  }
  schemas["Area"] = Closed({{"code", {{"type", "string"}, {"enum", Strings(domain::kAreaCodes)}}},
                            {"name", Ref("Text")}});
  schemas["AreaList"] = Closed({{"items", ArrayOf(Ref("Area"))}});
  schemas["HsName"] = Closed({{"tr", StringType()}, {"zh", StringType()}, {"en", StringType()}});
  schemas["HsHeading"] =
      Closed({{"code", {{"type", "string"}, {"pattern", "^[0-9]{4}$"}}}, {"name", Ref("HsName")}});
  schemas["HsChapter"] = Closed({{"code", {{"type", "string"}, {"pattern", "^[0-9]{2}$"}}},
                                 {"reserved", {{"type", "boolean"}}},
                                 {"name", Ref("HsName")},
                                 {"headings", ArrayOf(Ref("HsHeading"))}});
  schemas["HsChapterList"] = Closed({{"items", ArrayOf(Ref("HsChapter"))}});
  schemas["HsCode"] =
      Closed({{"code", {{"type", "string"}, {"pattern", "^[0-9]{6}$"}}},
              {"chapter", Closed({{"code", {{"type", "string"}, {"pattern", "^[0-9]{2}$"}}},
                                  {"name", Ref("HsName")}})},
              {"heading", {{"oneOf", json::array{Ref("HsHeading"), {{"type", "null"}}}}}}});
  schemas["File"] = Closed(
      {{"id", StringType("uuid")},
       {"version", Integer()},
       {"holder", {{"type", "string"}, {"enum", Strings(domain::FileHolders())}}},
       {"holder_id", StringType("uuid")},
       {"milestone", Nullable({{"type", "string"}, {"enum", Strings(domain::kMilestoneKinds)}})},
       {"name", StringType()},
       {"media_type", {{"type", "string"}, {"description", "sniffed from the bytes"}}},
       {"size", Integer()},
       {"sha256", {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}}},
       {"personal_data", {{"type", "boolean"}}},
       {"archived", {{"type", "boolean"}}},
       {"created_at", StringType("date-time")},
       {"created_by", {{"type", "string"}, {"description", "the uploader's user id (home roles)"}}},
       {"instance_id",
        {{"type", "string"},
         {"format", "uuid"},
         {"description", "the instance that owns it: another one's for a replica's file"}}},
       {"content_url", StringType()},
       {"thumbnail_url",
        Nullable({{"type", "string"},
                  {"description",
                   "a JPEG preview (images, a PDF's first page), once made in the background; "
                   "null when there is none (yet)"}})},
       {"may_remove",
        {{"type", "boolean"},
         {"description",
          "whether you may remove it: who may archive its record, or its uploader while "
          "allowed to change the record"}}}},
      {"created_by"});
  schemas["FileList"] = Closed({{"items", ArrayOf(Ref("File"))}});
  schemas["Evidence"] = Closed(
      {{"files", ArrayOf(Ref("File"))},
       {"links", FieldSchema(*domain::Commitments().Field("evidence_links"), Use::kRead)},
       {"events",
        ArrayOf(Closed(
            {{"id", StringType("uuid")},
             {"title", Ref("Text")},
             {"starts_at", StringType("date-time")},
             {"status", {{"type", "string"}, {"enum", Strings(domain::kEventStatuses)}}},
             {"time_zone",
              {{"type", "string"}, {"description", "the IANA zone of starts_at's place"}}}}))},
       {"has_evidence", {{"type", "boolean"}}}});
  schemas["Upload"] =
      Closed({{"id", StringType("uuid")},
              {"name", StringType()},
              {"holder", {{"type", "string"}, {"enum", Strings(domain::FileHolders())}}},
              {"holder_id", StringType("uuid")},
              {"milestone", NullableString()},
              {"personal_data", {{"type", "boolean"}}},
              {"length", Integer()},
              {"offset", Integer()},
              {"created_at", StringType("date-time")},
              {"expires_at", StringType("date-time")},
              {"file_id", NullableString("uuid")}});
  const json::object search_title{
      {"description",
       "the record's name: a text, a plain string, or a partnership's two cities; a file's "
       "name"},
      {"anyOf",
       {Ref("Text"), StringType(),
        Closed({{"home_city", Nullable(Ref("Text"))}, {"partner_city", Nullable(Ref("Text"))}})}}};
  schemas["SearchResults"] = Closed(
      {{"query", StringType()},
       {"accents", {{"type", "string"}, {"enum", {"insensitive", "sensitive"}}}},
       {"total", Integer()},
       {"groups",
        ArrayOf(Closed(
            {{"kind",
              {{"type", "string"},
               {"enum", RecordKinds()},
               {"description", "a resource, or files: documents found by their name or text"}}},
             {"total", Integer()},
             {"best_score", {{"type", "number"}}},
             {"items",
              ArrayOf(Closed(
                  {{"id", StringType("uuid")},
                   {"title", search_title},
                   {"score", {{"type", "number"}}},
                   {"matches",
                    ArrayOf(Closed(
                        {{"field",
                          {{"type", "string"},
                           {"description", "for files: name, or text (a piece of the document)"}}},
                         {"lang", StringType()},
                         {"segments", ArrayOf(Closed({{"text", StringType()},
                                                      {"match", {{"type", "boolean"}}}}))}}))},
                   {"holder", Closed({{"kind", {{"type", "string"}, {"enum", ResourceNames()}}},
                                      {"id", StringType("uuid")},
                                      {"title", search_title}})}},
                  {"holder"}))}}))}});
  schemas["ChangePage"] = Closed(
      {{"items",
        ArrayOf(Closed(
            {{"seq", Integer()},
             {"entity",
              {{"type", "string"},
               {"enum",
                [] {
                  // Records, and the sends and decisions of exchange nominations.
                  json::array kinds = RecordKinds();
                  kinds.push_back("exchange_nominations");
                  kinds.push_back("exchange_nomination");
                  return kinds;
                }()}}},
             {"record_id", StringType("uuid")},
             {"version", Integer()},
             {"op", {{"type", "string"}, {"enum", {"create", "update", "archive", "transition"}}}},
             {"actor", StringType()},
             {"at", StringType("date-time")},
             {"instance_id", StringType()},
             {"before",
              {{"type", {"object", "null"}}, {"description", "the fields changed, before"}}},
             {"after",
              {{"type", {"object", "null"}}, {"description", "the fields changed, after"}}},
             {"hidden", HiddenSchema()}},
            {"hidden"}))},
       {"total",
        {{"type", {"integer", "null"}},
         {"description", "every matching entry when few match; null otherwise (not counted)"}}},
       {"limit", Integer()},
       {"offset", Integer()},
       {"has_more", {{"type", "boolean"}}},
       {"next_after_seq",
        {{"type", "integer"},
         {"description", "with after_seq: pass as after_seq to continue the feed"}}}},
      {"next_after_seq"});
  json::object revision{
      {"version", {{"type", "integer"}, {"description", "the meeting's version it made"}}},
      {"seq", Integer()},
      {"op", {{"type", "string"}, {"enum", {"create", "update"}}}},
      {"actor", StringType()},
      {"at", StringType("date-time")},
      {"original",
       {{"type", {"string", "null"}}, {"description", "the language the minutes were written in"}}},
      {"languages",
       {{"type", "array"},
        {"items", {{"type", "string"}, {"enum", Strings(kLanguages)}}},
        {"description",
         "the languages whose wording differs from the revision before (every language of the "
         "text when that one is hidden or there is none)"}}}};
  schemas["MinutesRevisionPage"] = Closed({{"items", ArrayOf(Closed(revision))},
                                           {"total", {{"type", {"integer", "null"}}}},
                                           {"limit", Integer()},
                                           {"offset", Integer()},
                                           {"has_more", {{"type", "boolean"}}}});
  revision["minutes"] = Nullable(Ref("Text"));
  revision["previous"] = Nullable(Ref("Text"));
  revision["hidden"] = HiddenSchema();
  schemas["MinutesRevision"] = Closed(std::move(revision), {"hidden"});
  schemas["LoginInput"] =
      Closed({{"email", StringType("email")}, {"password", StringType("password")}});
  schemas["PasswordInput"] =
      Closed({{"current_password", StringType("password")},
              {"new_password", {{"type", "string"}, {"format", "password"}, {"minLength", 12}}}});
  const json::object role{{"type", "string"}, {"enum", Strings(domain::kRoles)}};
  json::object user_properties{{"email", StringType("email")},
                               {"display_name", StringType()},
                               {"role", role},
                               {"person_id", NullableString("uuid")},
                               {"partnerships", ArrayOf(StringType("uuid"))},
                               {"disabled", {{"type", "boolean"}}}};
  json::object user_input = Closed(user_properties);
  user_input["required"] = {"email", "role"};
  schemas["UserInput"] = std::move(user_input);
  json::object patch_properties = user_properties;
  patch_properties.erase("email");
  json::object user_patch = Closed(std::move(patch_properties));
  user_patch.erase("required");
  schemas["UserPatch"] = std::move(user_patch);
  json::object user_read = user_properties;
  user_read["id"] = StringType("uuid");
  user_read["version"] = Integer();
  user_read["created_at"] = StringType("date-time");
  user_read["updated_at"] = StringType("date-time");
  schemas["User"] = Closed(user_read);
  user_read["password"] = {{"type", "string"},
                           {"description", "the first password, shown only in this answer"}};
  schemas["UserWithPassword"] = Closed(std::move(user_read));
  schemas["UserList"] = Closed({{"items", ArrayOf(Ref("User"))}});
  schemas["Session"] = Closed({{"user", Ref("User")},
                               {"csrf_token",
                                {{"type", "string"},
                                 {"description",
                                  "send as X-CSRF-Token with every change made with the session "
                                  "cookie (absent when signed in with a token)"}}},
                               {"expires_at", StringType("date-time")}},
                              {"csrf_token", "expires_at"});
  json::object token_properties{{"id", StringType("uuid")},
                                {"user_id", StringType("uuid")},
                                {"name", StringType()},
                                {"created_at", StringType("date-time")},
                                {"expires_at", NullableString("date-time")},
                                {"last_used_at", NullableString("date-time")},
                                {"revoked_at", NullableString("date-time")}};
  json::object token_input = Closed({{"name", {{"type", "string"}, {"minLength", 1}}},
                                     {"expires_at", NullableString("date-time")}},
                                    {"expires_at"});
  schemas["TokenInput"] = std::move(token_input);
  schemas["Token"] = Closed(token_properties);
  token_properties["token"] = {{"type", "string"},
                               {"description", "the secret, shown only in this answer"}};
  schemas["TokenWithSecret"] = Closed(std::move(token_properties));
  schemas["TokenList"] = Closed({{"items", ArrayOf(Ref("Token"))}});
  schemas["AuthEventPage"] = PageOf(Closed({{"id", Integer()},
                                            {"at", StringType("date-time")},
                                            {"kind", StringType()},
                                            {"email", StringType()},
                                            {"user_id", NullableString("uuid")},
                                            {"actor", StringType()},
                                            {"address", StringType()},
                                            {"detail", {{"type", "object"}}}}));
  schemas["Health"] =
      Closed({{"status", {{"type", "string"}, {"const", "ok"}}},
              {"version",
               {{"type", "string"}, {"pattern", "^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$"}}}});
  schemas["OpenApiDocument"] = {{"type", "object"},
                                {"description", "this document"},
                                {"required", {"openapi", "info", "paths"}}};
  return schemas;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The schema of one value a query parameter compares with `field`.
json::object ParameterValue(const FieldSpec& field) {
  // A tariff code is filtered by as it is written (0804.20), like a request body's.
  json::object schema =
      FieldSchema(field, field.type == FieldType::kTariffCode ? Use::kWrite : Use::kRead);
  // A list field is filtered by the values its entries take.
  if (domain::IsListType(field.type)) schema = schema.at("items").as_object();
  for (const char* annotation : {"readOnly", "default", "description", "x-personal-data"}) {
    schema.erase(annotation);
  }
  return schema;
}

json::object ListParameterSchema(const ListParameter& parameter) {
  using Kind = ListParameter::Kind;
  json::object schema;
  std::string description;
  switch (parameter.kind) {
    case Kind::kLimit:
      schema = {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxLimit}, {"default", 50}};
      description = "records per page";
      break;
    case Kind::kOffset:
      schema = {{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxListOffset}, {"default", 0}};
      description = "records to skip (small offsets only: deeper pages follow the cursor)";
      break;
    case Kind::kCursor:
      schema = {{"type", "string"}, {"pattern", "^[A-Za-z0-9_-]+$"}};
      description =
          "where the page starts: the `next` of the page before (same sort; not with offset)";
      break;
    case Kind::kSort:
      schema = {{"type", "string"}, {"enum", json::array()}, {"default", "-created_at"}};
      for (const std::string& key : parameter.sort_keys) {
        schema["enum"].as_array().emplace_back(key);
      }
      description = "the order: a column, with - before it for descending";
      break;
    case Kind::kArchived:
      schema = {{"type", "boolean"}, {"default", false}};
      description = "include archived records";
      break;
    case Kind::kOverdue:
      schema = {{"type", "boolean"}, {"enum", {true}}};
      description = "only open commitments due before today";
      break;
    case Kind::kEquals:
      schema = {{"type", "array"}, {"minItems", 1}, {"items", ParameterValue(*parameter.field)}};
      description = "records whose " + std::string(parameter.field->name) +
                    (domain::IsListType(parameter.field->type) ? " holds" : " is") +
                    " this value, or any of comma-separated values";
      break;
    case Kind::kIds:
      schema = {{"type", "array"},
                {"minItems", 1},
                {"maxItems", kMaxLimit},
                {"items", StringType("uuid")}};
      description = "only the records with these ids (comma-separated)";
      break;
    case Kind::kLanguage:
      schema = {{"type", "string"}, {"enum", Strings(kLanguages)}};
      description =
          "only records readable in this language: every translatable field that has a value "
          "has one in it (original or translated)";
      break;
    case Kind::kFrom:
    case Kind::kTo: {
      const bool upper = parameter.kind == Kind::kTo;
      description = "records whose " + std::string(parameter.field->name) +
                    (upper ? " is on or before" : " is on or after") + " this";
      if (parameter.field->type == FieldType::kDate) {
        schema = StringType("date");
      } else {
        schema = {{"anyOf", {StringType("date-time"), StringType("date")}}};
        description +=
            upper ? " (a date: its last second, UTC)" : " (a date: its first second, UTC)";
      }
      break;
    }
  }
  json::object declared{{"name", parameter.name},
                        {"in", "query"},
                        {"description", std::move(description)},
                        {"schema", std::move(schema)}};
  if (parameter.kind == Kind::kEquals || parameter.kind == Kind::kIds) {
    declared["style"] = "form";
    declared["explode"] = false;
  }
  return declared;
}

json::object QueryParameterSchema(const QueryParameter& parameter) {
  using Type = QueryParameter::Type;
  json::object schema;
  switch (parameter.type) {
    case Type::kText:
      schema = StringType();
      break;
    case Type::kEnum:
      schema = {{"type", "string"}, {"enum", json::array()}};
      for (const std::string& value : parameter.values) {
        schema["enum"].as_array().emplace_back(value);
      }
      break;
    case Type::kId:
      schema = StringType("uuid");
      break;
    case Type::kInstant:
      schema = StringType("date-time");
      break;
    case Type::kInteger:
      schema = {
          {"type", "integer"}, {"minimum", parameter.minimum}, {"maximum", parameter.maximum}};
      break;
  }
  json::object declared{{"name", parameter.name},
                        {"in", "query"},
                        {"description", parameter.description},
                        {"schema", std::move(schema)}};
  if (parameter.required) declared["required"] = true;
  return declared;
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
    if (route.method == "POST") {
      parameters.push_back(json::object{
          {"name", "Idempotency-Key"},
          {"in", "header"},
          {"description",
           "1 to 255 visible ASCII characters (e.g. a random UUID): the same key from the same "
           "signed-in user within 24 hours answers the first answer again (header "
           "Idempotency-Replayed: true) without a second write; with another request, 422"},
          {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", 255}}}});
    }
    if (route.handler == ListRecordsHandler || route.handler == ExportRecordsHandler) {
      for (const ListParameter& parameter : ListParameters(*route.resource)) {
        if (route.handler == ExportRecordsHandler && IsPagingParameter(parameter)) continue;
        parameters.push_back(ListParameterSchema(parameter));
      }
    }
    for (const QueryParameter& parameter : route.query) {
      parameters.push_back(QueryParameterSchema(parameter));
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
    } else if (route.handler == CouncilReportPdf || route.handler == CataloguePdf) {
      success["content"] = {{"application/pdf", {{"schema", {{"type", "string"}}}}}};
    } else if (route.handler == CalendarFeed || route.handler == PublicCalendar ||
               route.handler == B2bScheduleCalendar) {
      success["content"] = {{"text/calendar", {{"schema", {{"type", "string"}}}}}};
    } else if (route.pattern.starts_with("/public") || route.handler == UnsubscribePage ||
               route.handler == Unsubscribe) {
      success["content"] = {{"text/html", {{"schema", {{"type", "string"}}}}}};
    } else if (route.pattern.ends_with("/export")) {
      const json::object bytes{{"schema", {{"type", "string"}, {"format", "binary"}}}};
      success["description"] =
          "every matching row the caller may see, one per row after a header row; "
          "X-Export-Rows says how many";
      success["content"] = {
          {"text/csv", bytes},
          {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes}};
    } else if (route.handler == PeerBlob) {
      success["content"] = {
          {"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
    } else if (route.pattern == "/metrics") {
      success["content"] = {{"text/plain", {{"schema", {{"type", "string"}}}}}};
    }
    if (route.handler == PatchUpload) {
      operation["requestBody"] = {{"required", true},
                                  {"content",
                                   {{"application/offset+octet-stream",
                                     {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
    }
    if (route.access == Access::kPublic) operation["security"] = json::array();
    operation["responses"] = {
        {std::to_string(route.success_status), std::move(success)},
        {"default",
         {{"description", "problem"},
          {"content", {{"application/problem+json", {{"schema", Ref("Problem")}}}}}}}};
    if (route.handler == FileContent ||
        route.handler == PublicFileContent) {  // the file's own type, whole or a range
      const json::object bytes{{"*/*", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
      operation["responses"].as_object()["200"] = {{"description", "the file"}, {"content", bytes}};
      operation["responses"].as_object()["206"] = {{"description", "the range asked for"},
                                                   {"content", bytes}};
      operation["responses"].as_object()["304"] = {{"description", "not modified (ETag)"}};
    }
    if (route.handler == FileThumbnail || route.handler == PublicFileThumbnail) {
      operation["responses"].as_object()["200"] = {
          {"description", "the thumbnail"},
          {"content", {{"image/jpeg", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
      operation["responses"].as_object()["304"] = {{"description", "not modified (ETag)"}};
    }
    // On a replica these changes are proposed to the owning instance (api/proposals.h).
    const std::string_view proposed = route.handler == TransitionCommitment   ? "transition"
                                      : route.handler == AddCommitmentNote    ? "note"
                                      : route.handler == UpdateRecordHandler  ? "update"
                                      : route.handler == ArchiveRecordHandler ? "archive"
                                                                              : "";
    const std::string_view entity =
        route.resource != nullptr ? route.resource->name : std::string_view("commitments");
    if (!proposed.empty() && Proposable(entity, proposed)) {
      operation["responses"].as_object()["202"] = {
          {"description",
           "the record is a replica: the change was kept and will be sent to the "
           "instance that owns it"},
          {"content", {{"application/json", {{"schema", Ref("FederationProposal")}}}}}};
    }
    if (route.handler == PostInquiry) {
      operation["responses"].as_object()["429"] = {
          {"description", "too many inquiries from this address: retry after the seconds given"},
          {"headers", {{"Retry-After", {{"schema", {{"type", "integer"}, {"minimum", 1}}}}}}},
          {"content", {{"application/problem+json", {{"schema", Ref("Problem")}}}}}};
    }
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
