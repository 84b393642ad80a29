// Study visits requested from a case of the knowledge-exchange library: one request creates, in
// one transaction, a proposed commitment and a study_visit event at the idea stage in the
// caller's partnership, both written through the generic create path (the same checks as POST
// /commitments and POST /events, as the caller) and both linked from the case.
#include "domain/cases.h"

#include <algorithm>
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/record_rules.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "base/text.h"
#include "http/error.h"
#include "store/commitment_history.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

const domain::ResourceSpec& RequestBody() {
  static const domain::ResourceSpec body{"study_visit_requests", "study visit request",
                                         domain::StudyVisitRequestFields()};
  return body;
}

[[noreturn]] void Refuse(Problems problems) {
  throw http::HttpError(422, "Invalid study visit request", std::move(problems));
}

// The partnership to plan in when the body names none: the case's own when the caller works
// there (home roles work everywhere), else a partner user's only partnership.
std::string DefaultPartnership(const Call& call, const json::object& case_record) {
  const std::string own = store::StringMember(case_record, "partnership_id");
  const std::vector<std::string>& assigned = call.principal.partnerships;
  if (domain::SeesEverything(call.principal) ||
      std::find(assigned.begin(), assigned.end(), own) != assigned.end()) {
    return own;
  }
  if (assigned.size() == 1) return assigned.front();
  Refuse({{"partnership_id", "required",
           "name the partnership to plan the visit in: the case belongs to none of yours"}});
}

// The visit's name in each language of the case's title, with the title's translation status
// (the words put before it are fixed, so a machine-translated title stays one).
json::object StudyVisitTitle(const json::object& case_title) {
  json::object title{{"original", case_title.at("original")}};
  for (std::string_view lang : kLanguages) {
    if (const json::value* value = case_title.if_contains(lang); value && value->is_string()) {
      title[lang] = std::string(domain::StudyVisitPrefix(lang)) + std::string(value->as_string());
    }
  }
  if (const json::value* statuses = case_title.if_contains("translations")) {
    title["translations"] = *statuses;
  }
  return title;
}

// `fields` validated and stored as a new record of `spec` by the caller; returns it.
CreatedRecord Create(Call& call, const domain::ResourceSpec& spec, const json::object& fields) {
  return InsertValidated(call, spec, ValidateCreate(call, spec, fields));
}

}  // namespace

http::Response RequestStudyVisit(Call& call) {
  // Planning a visit is creating a commitment and an event: who may not do either learns
  // nothing more.
  for (std::string_view resource : {"commitments", "events"}) {
    if (!domain::MayCreate(call.principal, resource)) {
      ForbidRole(call.principal, "", "may not request a study visit");
    }
  }
  store::Tx tx(call.db);
  const json::object case_record = LoadLiveRecord(call, domain::Cases());
  const Validated request = ValidBody(call.request, RequestBody());
  const json::object& body = request.fields;
  const std::string first_day = store::StringMember(body, "starts_on"),
                    last_day = store::StringMember(body, "ends_on");
  if (Problems problems = domain::CheckStudyVisitDates(*ParseDate(first_day), *ParseDate(last_day),
                                                       DateOf(call.now));
      !problems.empty()) {
    Refuse(std::move(problems));
  }
  if (Problems problems = CheckReferences(call.db, request.references, call.principal);
      !problems.empty()) {
    Refuse(std::move(problems));
  }
  std::string partnership = store::StringMember(body, "partnership_id");
  if (partnership.empty()) partnership = DefaultPartnership(call, case_record);

  // The visit goes to the city whose practice the case is, on its clock.
  const std::string city_id = store::StringMember(case_record, "city_id");
  const std::string zone = store::StringMember(
      store::GetRecord(call.db, domain::Cities(), city_id).value(), "time_zone");
  const auto at = [&](const std::string& day, std::chrono::hours time) {
    return FormatInstant(FromLocal(*ParseDate(day), time, zone));
  };
  const json::object title = StudyVisitTitle(case_record.at("title").as_object());
  const bool partner = call.principal.role == domain::Role::kPartner;

  const CreatedRecord commitment = Create(call, domain::Commitments(),
                                          {{"partnership_id", partnership},
                                           {"text", title},
                                           {"area", case_record.at("area")},
                                           {"proposed_by_side", partner ? "partner" : "home"},
                                           {"due_date", last_day},
                                           {"visibility", "shared"}});
  json::object event_fields{{"kind", "study_visit"},
                            {"partnership_id", partnership},
                            {"title", title},
                            {"description", case_record.at("summary")},
                            {"starts_at", at(first_day, domain::kStudyVisitStartsAt)},
                            {"ends_at", at(last_day, domain::kStudyVisitEndsAt)},
                            {"time_zone", zone},
                            {"city_id", city_id},
                            {"status", "idea"},
                            {"commitment_ids", json::array{json::string(commitment.id)}},
                            {"visibility", "shared"}};
  const CreatedRecord event = Create(call, domain::Events(), event_fields);

  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  if (const std::string note = store::StringMember(body, "note"); !note.empty()) {
    store::AppendNote(call.db, commitment.id, note, write);
  }
  // The case lists what it serves; the links are the server's to add, so a caller who may not
  // edit the case (a partner user) still has its request recorded there.
  json::array commitment_ids = case_record.at("commitment_ids").as_array();
  json::array event_ids = case_record.at("event_ids").as_array();
  commitment_ids.emplace_back(commitment.id);
  event_ids.emplace_back(event.id);
  store::UpdateRecord(
      call.db, domain::Cases(), case_record,
      {{"commitment_ids", std::move(commitment_ids)}, {"event_ids", std::move(event_ids)}}, write);

  Redactor redactor(call.db, call.principal);
  std::string answer = "{\"case_id\":";
  AppendJsonString(answer, case_record.at("id").as_string());
  answer += ",\"commitment\":" + redactor.RedactJson(domain::Commitments(), commitment.stored.json);
  answer += ",\"event\":" + redactor.RedactJson(domain::Events(), event.stored.json) + "}";
  http::Response response;
  response.status = 201;
  response.body = std::move(answer);
  response.headers.emplace_back("Location", "/api/v1/events/" + event.id);
  tx.Commit();
  return response;
}

}  // namespace amity::api
