// The generic handlers every resource shares; resource-specific rules live in record_rules.cpp.
#include "store/records.h"

#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/proposals.h"
#include "api/record_rules.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "api/texts.h"
#include "api/validation.h"
#include "base/text.h"
#include "http/error.h"
#include "http/query.h"

namespace amity::api {
namespace json = boost::json;

namespace {

store::WriteContext WriteContextOf(const Call& call) {
  return {call.Actor(), call.now, call.context.instance_id};
}

[[noreturn]] void Fail(const Problems& problems, std::string_view singular) {
  throw http::HttpError(StatusFor(problems), "Invalid " + std::string(singular), problems);
}

// The stored record `id` as the answer, with its version as ETag, showing what the caller may
// see of it.
http::Response RecordResponse(int status, const domain::ResourceSpec& spec,
                              store::RecordJson record, Redactor& redactor) {
  http::Response response;
  response.status = status;
  response.body = redactor.RedactJson(spec, std::move(record.json));
  response.headers.emplace_back("ETag", "\"" + std::to_string(record.version) + "\"");
  return response;
}

}  // namespace

http::Response RecordResponse(int status, Call& call, const domain::ResourceSpec& spec,
                              std::string_view id) {
  std::optional<store::RecordJson> record = store::GetRecordJson(call.db, spec, id);
  if (!record) NotFound(spec.singular);
  Redactor redactor(call.db, call.principal);
  return RecordResponse(status, spec, std::move(*record), redactor);
}

namespace {

// Partner users work inside what the home city shared: their records are shared, and they may
// not change a record's visibility. `current` is null on create.
void CheckVisibilityChange(const Call& call, json::object& fields, const json::object* current) {
  if (domain::CanChangeVisibility(call.principal)) return;
  const json::value* given = fields.if_contains("visibility");
  const std::string_view now =
      current ? std::string_view(current->at("visibility").as_string()) : "shared";
  if (given && !(given->is_string() && given->as_string() == now)) {
    ForbidRole(call.principal, "visibility", "may not change who sees a record");
  }
  if (!current) fields["visibility"] = "shared";
}

}  // namespace

namespace {

// The sort parameter a list query was read from, e.g. "-due_date".
std::string SortKey(const store::ListQuery& query) {
  if (!query.sort_key.empty()) return query.sort_key;
  return (query.descending ? "-" : "") + query.sort_column;
}

// The request's own URL (path and query) for the page that `cursor` starts: its parameters
// but offset and cursor, then the cursor (RFC 8288 Link target).
std::string NextPageUrl(const http::Request& request, std::string_view cursor) {
  std::string url = request.path + "?";
  for (const auto& [name, value] : request.query) {
    if (name == "cursor" || name == "offset") continue;
    url += http::PercentEncode(name) + "=" + http::PercentEncode(value) + "&";
  }
  return url + "cursor=" + std::string(cursor);
}

}  // namespace

Validated ValidBody(const http::Request& request, const domain::ResourceSpec& body_spec) {
  json::object body;
  Problems problems = ParseObject(request.body, body);
  if (problems.empty()) {
    Validated input = ValidateFields(body_spec, body, Mode::kCreate);
    if (input.problems.empty()) return input;
    problems = std::move(input.problems);
  }
  throw http::HttpError(StatusFor(problems), "Invalid " + std::string(body_spec.singular),
                        problems);
}

json::object LoadLiveRecord(Call& call, const domain::ResourceSpec& spec) {
  const std::string_view id = call.Param("id");
  RequireUuid(id, spec.singular);
  auto record = store::GetRecord(call.db, spec, id);
  if (!record || record->at("archived").as_bool()) NotFound(spec.singular);
  RequireVisible(call, spec, *record);
  return std::move(*record);
}

http::Response ListRecordsHandler(Call& call) {
  const domain::ResourceSpec& spec = *call.route.resource;
  Redactor redactor(call.db, call.principal);
  // Filtering by a record the caller may not see finds nothing, as for a missing id.
  store::ListQuery query =
      ParseListQuery(spec, call.request.query, DateOf(call.now),
                     [&](const domain::FieldSpec& field, std::string_view id) {
                       return redactor.Sees(*domain::FindResource(field.references), id);
                     });
  if (auto visible = VisibleCondition(call.principal, spec)) {
    query.conditions.push_back(std::move(*visible));
  }
  http::Response response;
  std::string& body = response.body;
  body = "{\"items\":";
  store::PageInfo info;
  if (redactor.active()) {
    store::TextPage page = store::ListRecordsJson(call.db, spec, query);
    body += redactor.RedactJson(spec, std::move(page.items_json));
    info = std::move(page.info);
  } else {  // the page is written straight into the body
    info = store::AppendRecordsJson(call.db, spec, query, body);
  }
  body += ",\"total\":" + (info.total ? std::to_string(*info.total) : std::string("null")) +
          ",\"limit\":" + std::to_string(query.limit) +
          ",\"offset\":" + std::to_string(query.offset) +
          ",\"has_more\":" + (info.has_more ? "true" : "false") + ",\"next\":";
  if (info.next) {
    const std::string cursor = EncodeListCursor(SortKey(query), *info.next);
    AppendJsonString(body, cursor);
    response.headers.emplace_back("Link",
                                  "<" + NextPageUrl(call.request, cursor) + ">; rel=\"next\"");
  } else {
    body += "null";
  }
  body += '}';
  return response;
}

http::Response GetRecordHandler(Call& call) {
  const domain::ResourceSpec& spec = *call.route.resource;
  const std::string_view id = call.Param("id");
  RequireUuid(id, spec.singular);
  if (!domain::SeesEverything(call.principal)) {
    // Archived records stay readable by id; the rules still decide who sees them.
    if (const auto record = store::GetRecord(call.db, spec, id))
      RequireVisible(call, spec, *record);
  }
  return RecordResponse(200, call, spec, id);
}

// Permission comes before validation: a caller that may not create records of this kind learns
// nothing from how its body would have been judged. Which partnership a partner user may create
// in is known only from the body: that is checked once the references are.
namespace {

void RequireMayCreate(const Call& call, const domain::ResourceSpec& spec) {
  if (!domain::MayCreate(call.principal, spec.name)) {
    ForbidRole(call.principal, "", "may not create " + std::string(spec.name));
  }
}

}  // namespace

Validated ValidateCreate(const Call& call, const domain::ResourceSpec& spec,
                         const json::object& body) {
  RequireMayCreate(call, spec);
  Validated input = ValidateFields(spec, body, Mode::kCreate);
  if (!input.problems.empty()) Fail(input.problems, spec.singular);
  CheckVisibilityChange(call, input.fields, nullptr);
  ReconcileTexts(spec, input.fields, nullptr);
  return input;
}

CreatedRecord InsertValidated(Call& call, const domain::ResourceSpec& spec, Validated input) {
  Problems problems = CheckReferences(call.db, input.references, call.principal);
  if (!problems.empty()) Fail(problems, spec.singular);
  // Rules see the record as it will be stored, defaults included.
  json::object candidate = input.fields;
  for (const domain::FieldSpec& field : spec.fields) {
    if (!candidate.contains(field.name)) {
      candidate[field.name] = domain::IsListType(field.type) ? json::value(json::array())
                              : field.default_value.empty()  ? json::value(nullptr)
                                                             : json::value(field.default_value);
    }
  }
  if (!domain::CanCreate(call.principal, FactsOf(call, spec, candidate))) {
    ForbidRole(call.principal, "",
               "may not create this " + std::string(spec.singular) +
                   (call.principal.role == domain::Role::kPartner
                        ? " (partner users create shared records in their own partnerships, and "
                          "organizations of their own city)"
                        : ""));
  }
  problems = CheckRecordRules(call.db, spec, candidate);
  if (!problems.empty()) Fail(problems, spec.singular);
  if (!call.principal.user_id.empty()) input.fields["created_by"] = call.principal.user_id;
  CreatedRecord created;
  const json::object record =
      store::InsertRecord(call.db, spec, input.fields, WriteContextOf(call), &created.stored);
  created.id = record.at("id").as_string();
  return created;
}

http::Response RecordAnswer(Call& call, const domain::ResourceSpec& spec, store::RecordJson stored,
                            int status) {
  Redactor redactor(call.db, call.principal);
  return RecordResponse(status, spec, std::move(stored), redactor);
}

http::Response CreateRecordHandler(Call& call) {
  const domain::ResourceSpec& spec = *call.route.resource;
  RequireMayCreate(call, spec);  // before the body is even parsed
  Validated input = ValidateCreate(call, spec, ParseBody(call.request));
  store::Tx tx(call.db);
  CreatedRecord created = InsertValidated(call, spec, std::move(input));
  const std::string location = "/api/v1/" + std::string(spec.name) + "/" + created.id;
  http::Response response = RecordAnswer(call, spec, std::move(created.stored), 201);
  tx.Commit();
  response.headers.emplace_back("Location", location);
  return response;
}

http::Response UpdateRecordHandler(Call& call) {
  const domain::ResourceSpec& spec = *call.route.resource;
  store::Tx tx(call.db);
  // Who may change the record is settled before the request itself is judged.
  const json::object current = LoadLiveRecord(call, spec);
  // A replica's change goes to the instance that owns the record (api/proposals.h).
  if (auto proposed = ProposeIfReplica(call, spec, current, "update")) {
    tx.Commit();
    return std::move(*proposed);
  }
  RequireEditable(call, spec, current);
  CheckVersion(current, IfMatchVersion(call.request, true));
  Validated input = ValidateFields(spec, ParseBody(call.request), Mode::kPatch);
  if (!input.problems.empty()) Fail(input.problems, spec.singular);
  CheckVisibilityChange(call, input.fields, &current);
  ReconcileTexts(spec, input.fields, &current);
  Problems problems = CheckReferences(call.db, input.references, call.principal);
  if (!problems.empty()) Fail(problems, spec.singular);
  Redactor redactor(call.db, call.principal);
  redactor.KeepWithheld(spec, current, input.fields);
  json::object merged = current;
  for (const auto& [key, value] : input.fields) {
    merged[key] = value.is_null() && merged[key].is_array() ? json::value(json::array()) : value;
  }
  // Moving a record (e.g. to another partnership) must keep it within what the caller edits.
  RequireEditable(call, spec, merged);
  problems = CheckRecordRules(call.db, spec, merged);
  if (!problems.empty()) Fail(problems, spec.singular);
  store::UpdateRecord(call.db, spec, current, input.fields, WriteContextOf(call));
  http::Response response = RecordResponse(200, call, spec, call.Param("id"));
  tx.Commit();
  return response;
}

http::Response ArchiveRecordHandler(Call& call) {
  const domain::ResourceSpec& spec = *call.route.resource;
  store::Tx tx(call.db);
  const json::object current = LoadLiveRecord(call, spec);
  // A replica is archived by the instance that owns it, if its rules allow (api/proposals.h).
  if (auto proposed = ProposeIfReplica(call, spec, current, "archive")) {
    tx.Commit();
    return std::move(*proposed);
  }
  if (!domain::CanArchive(call.principal, FactsOf(call, spec, current))) {
    ForbidRole(call.principal, "", "may not archive this " + std::string(spec.singular));
  }
  RequireOwnedHere(call, spec, current);
  CheckVersion(current, IfMatchVersion(call.request, false));
  store::ArchiveRecord(call.db, spec, current, WriteContextOf(call));
  tx.Commit();
  return NoContent();
}

}  // namespace amity::api
