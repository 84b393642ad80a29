// Nominations to the host side (docs/EXCHANGE.md "Nominations"): from a LOCKED allocation run an
// officer sends one nomination per placed student holding only the minimum set the host needs
// (names in native script and Latin, home institution and department, field, level, period,
// language level): personal data shared on purpose, the send recorded in the change trail. The
// host side (partner users of the partnership for home → partner; home officers for partner →
// home) accepts or rejects each, a reason required for a rejection, recorded with who and when.
// Nothing else of an application ever reaches a partner user.
#include "store/exchange_nominations.h"

#include <boost/json.hpp>
#include <map>

#include "api/access.h"
#include "api/exchange_agreements.h"
#include "api/exchange_calls.h"
#include "api/exports.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/exchange_agreement.h"
#include "http/error.h"
#include "store/changes.h"

namespace amity::api {
namespace json = boost::json;

namespace {

[[noreturn]] void Refuse(int status, Problems problems) {
  throw http::HttpError(status, status == 409 ? "Conflict" : "Unprocessable Content",
                        std::move(problems));
}

json::object NominationJson(const store::ExchangeNomination& n) {
  const auto or_null = [](const std::string& text) {
    return text.empty() ? json::value(nullptr) : json::value(text);
  };
  return {{"id", n.id},
          {"run_id", n.run_id},
          {"call_id", n.call_id},
          {"agreement_id", n.agreement_id},
          {"condition_id", n.condition_id},
          {"personal_data", "shared_on_purpose"},
          {"name_native", n.name_native},
          {"name_latin", n.name_latin},
          {"home_institution_id", n.home_institution_id},
          {"home_department", n.home_department},
          {"host_institution_id", n.host_institution_id},
          {"host_department", n.host_department},
          {"isced_code", n.isced_code},
          {"level", n.level},
          {"academic_year", n.academic_year},
          {"direction", n.direction},
          {"months", n.months},
          {"language", n.language},
          {"language_level", n.language_level},
          {"sent_at", n.sent_at},
          {"sent_by_email", n.sent_by_email},
          {"status", n.status},
          {"decided_at", or_null(n.decided_at)},
          {"decided_by_email", or_null(n.decided_by_email)},
          {"reason", n.reason}};
}

json::array ItemsJson(const std::vector<store::ExchangeNomination>& nominations) {
  json::array items;
  for (const store::ExchangeNomination& n : nominations) items.push_back(NominationJson(n));
  return items;
}

json::object ListJson(std::string_view key, std::string_view id,
                      const std::vector<store::ExchangeNomination>& nominations) {
  return {{key, id}, {"items", ItemsJson(nominations)}};
}

// Whether the caller decides for the host of `n`: partner users of the agreement's partnership
// host home → partner students; home officers host partner → home ones.
bool DecidesFor(const domain::Principal& principal, const store::ExchangeAgreement& agreement,
                const store::ExchangeNomination& n) {
  if (n.direction == "home_to_partner") {
    return principal.role == domain::Role::kPartner && SeesAgreement(principal, agreement);
  }
  return IsExchangeWriter(principal);
}

// Whether the caller sees `n`: home roles all; partner users those their side hosts.
bool SeesNomination(const domain::Principal& principal, const store::ExchangeNomination& n) {
  return domain::SeesEverything(principal) || n.direction == "home_to_partner";
}

// The CEFR (or HSK / YDS) result the application states for `language`, or "".
std::string LanguageLevel(const std::string& results_json, std::string_view language) {
  const json::value results = json::parse(results_json);
  if (!results.is_array()) return "";
  for (const json::value& result : results.as_array()) {
    const json::object* object = result.if_object();
    if (object == nullptr) continue;
    const json::value* lang = object->if_contains("language");
    const json::value* level = object->if_contains("result");
    if (lang && lang->is_string() && lang->as_string() == language && level && level->is_string()) {
      return std::string(level->as_string());
    }
  }
  return "";
}

}  // namespace

http::Response SendNominations(Call& call) {
  if (!domain::SeesEverything(call.principal)) NotFound("allocation run");
  store::Tx tx(call.db);
  const std::string_view id = call.Param("id");
  RequireUuid(id, "allocation run");
  const std::optional<store::AllocationRun> run = store::GetRun(call.db, id);
  if (!run) NotFound("allocation run");
  const auto [exchange_call, agreement] = LoadCall(call, run->call_id);
  if (!IsExchangeWriter(call.principal)) {
    ForbidRole(call.principal, "", "may not send nominations (officers of the home city)");
  }
  if (run->locked_at.empty()) {
    Refuse(409, {{"locked_at", "not_locked", "only a locked run's result is nominated"}});
  }
  if (!store::ListRunNominations(call.db, run->id).empty()) {
    Refuse(409, {{"nominations", "sent", "this run's nominations are sent already"}});
  }
  // What an earlier run of the call nominated and still stands (sent or accepted), by application.
  std::map<std::string, store::ExchangeNomination> standing;
  for (store::ExchangeNomination& n : store::ListAgreementNominations(call.db, agreement.id)) {
    if (n.call_id == exchange_call.id && (n.status == "sent" || n.status == "accepted")) {
      standing.insert_or_assign(n.application_id, std::move(n));
    }
  }
  const domain::AgreementContent& content = agreement.content;
  std::vector<store::ExchangeNomination> sent, kept;
  json::object per_host;
  for (const store::AllocationPlacement& placement : store::ListPlacements(call.db, run->id)) {
    if (placement.condition_id.empty()) continue;
    if (const auto found = standing.find(placement.application_id);
        found != standing.end() && found->second.condition_id == placement.condition_id) {
      kept.push_back(std::move(found->second));  // the same seat: the host has it already
      standing.erase(found);
      continue;
    }
    const domain::ExchangeCondition* condition = nullptr;
    for (const domain::ExchangeCondition& c : content.conditions) {
      if (c.id == placement.condition_id) condition = &c;
    }
    const std::optional<store::ExchangeApplication> application =
        store::GetApplication(call.db, placement.application_id);
    if (condition == nullptr || !application) continue;
    store::ExchangeNomination n{
        .id = NewId(),
        .run_id = run->id,
        .call_id = exchange_call.id,
        .agreement_id = agreement.id,
        .application_id = application->id,
        .condition_id = condition->id,
        .academic_year = exchange_call.academic_year,
        .direction = exchange_call.direction,
        .host_institution_id = domain::HostInstitution(content, *condition),
        .host_department = condition->host_department,
        .name_native = application->name_native,
        .name_latin = application->name_latin,
        .home_institution_id = exchange_call.direction == "home_to_partner"
                                   ? content.home_institution_id
                                   : content.partner_institution_id,
        .home_department = application->home_department,
        .isced_code = condition->isced_code,
        .level = condition->level,
        .months = condition->months_per_student,
        .language = condition->language,
        .language_level = LanguageLevel(application->language_results_json, condition->language),
        .sent_at = FormatInstant(call.now),
        .sent_by_email = call.principal.email};
    store::InsertNomination(call.db, n);
    per_host[n.host_institution_id] =
        (per_host.contains(n.host_institution_id) ? per_host[n.host_institution_id].as_int64()
                                                  : 0) +
        1;
    sent.push_back(std::move(n));
  }
  // An earlier nomination this run does not repeat (the student left or moved to a better choice)
  // is withdrawn, with the reason the host reads.
  std::vector<store::ExchangeNomination> withdrawn;
  for (auto& [application_id, n] : standing) {
    n.status = "withdrawn";
    n.decided_at = FormatInstant(call.now);
    n.decided_by_email = call.principal.email;
    n.reason = "withdrawn by the allocation run of " + run->locked_at;
    store::DecideNomination(call.db, n);
    withdrawn.push_back(std::move(n));
  }
  if (sent.empty() && withdrawn.empty() && !kept.empty()) {
    Refuse(409, {{"nominations", "sent", "every placement of this run is nominated already"}});
  }
  // The audit trail: who sent how many to which host, not whom (the names stay in the rows).
  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  store::RecordChange(
      call.db, "exchange_nominations", run->id, 1, "create", write, nullptr,
      json::object{{"run_id", run->id},
                   {"call_id", exchange_call.id},
                   {"count", static_cast<std::int64_t>(sent.size())},
                   {"kept", static_cast<std::int64_t>(kept.size())},
                   {"withdrawn", static_cast<std::int64_t>(withdrawn.size())},
                   {"per_host_institution", per_host},
                   {"personal_data", "shared_on_purpose"},
                   {"fields", json::array{"name_native", "name_latin", "home_institution_id",
                                          "home_department", "isced_code", "level", "academic_year",
                                          "months", "language_level"}}});
  json::object answer = ListJson("run_id", run->id, sent);
  answer["kept"] = ItemsJson(kept);
  answer["withdrawn"] = ItemsJson(withdrawn);
  http::Response response = JsonResponse(201, answer);
  tx.Commit();
  return response;
}

http::Response ListRunNominationsHandler(Call& call) {
  if (!domain::SeesEverything(call.principal)) NotFound("allocation run");
  const std::string_view id = call.Param("id");
  RequireUuid(id, "allocation run");
  const std::optional<store::AllocationRun> run = store::GetRun(call.db, id);
  if (!run) NotFound("allocation run");
  LoadCall(call, run->call_id);
  return JsonResponse(200,
                      ListJson("run_id", run->id, store::ListRunNominations(call.db, run->id)));
}

http::Response ListAgreementNominationsHandler(Call& call) {
  const store::ExchangeAgreement agreement = LoadVisibleAgreement(call, call.Param("id"));
  std::vector<store::ExchangeNomination> visible;
  for (store::ExchangeNomination& n : store::ListAgreementNominations(call.db, agreement.id)) {
    if (SeesNomination(call.principal, n)) visible.push_back(std::move(n));
  }
  return JsonResponse(200, ListJson("agreement_id", agreement.id, visible));
}

http::Response DecideNominationHandler(Call& call) {
  store::Tx tx(call.db);
  const std::string_view id = call.Param("id");
  RequireUuid(id, "nomination");
  std::optional<store::ExchangeNomination> n = store::GetNomination(call.db, id);
  if (!n || !SeesNomination(call.principal, *n)) NotFound("nomination");
  const std::optional<store::ExchangeAgreement> agreement =
      store::GetAgreement(call.db, n->agreement_id);
  if (!agreement || !SeesAgreement(call.principal, *agreement)) NotFound("nomination");
  if (!DecidesFor(call.principal, *agreement, *n)) {
    ForbidRole(call.principal, "", "may not decide on nominations (the host side decides)");
  }
  const json::object body = ParseBody(call.request);
  const json::value* decision = body.if_contains("decision");
  const json::value* reason = body.if_contains("reason");
  Problems problems;
  for (const auto& [key, value] : body) {
    if (key != "decision" && key != "reason") {
      problems.push_back({std::string(key), "unknown", "not a field of a decision"});
    }
  }
  const std::string verdict =
      decision && decision->is_string() ? std::string(decision->as_string()) : "";
  if (verdict != "accept" && verdict != "reject") {
    problems.push_back({"decision", "invalid", "accept or reject"});
  }
  std::string why;
  if (reason != nullptr && !reason->is_null()) {
    if (!reason->is_string() || reason->as_string().size() > 2000) {
      problems.push_back({"reason", "invalid", "a text of at most 2000 bytes"});
    } else {
      why = std::string(reason->as_string());
    }
  }
  if (verdict == "reject" && why.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back({"reason", "required", "a rejection needs a reason"});
  }
  if (!problems.empty()) Refuse(422, std::move(problems));
  if (n->status != "sent") {
    Refuse(409, {{"status", "decided", "the nomination is " + n->status + " already"}});
  }
  const std::string before = n->status;
  n->status = verdict == "accept" ? "accepted" : "rejected";
  n->decided_at = FormatInstant(call.now);
  n->decided_by_email = call.principal.email;
  n->reason = why;
  store::DecideNomination(call.db, *n);
  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  store::RecordChange(call.db, "exchange_nomination", n->id, 2, "transition", write,
                      json::object{{"status", before}},
                      json::object{{"status", n->status}, {"reason", n->reason}});
  http::Response response = JsonResponse(200, NominationJson(*n));
  tx.Commit();
  return response;
}

http::Response ExportAgreementNominations(Call& call) {
  const TableExport options = ParseTableExport(call);
  const store::ExchangeAgreement agreement = LoadVisibleAgreement(call, call.Param("id"));
  const std::string& lang = options.language;
  const auto word = [&](std::initializer_list<std::string_view> path, std::string_view fallback) {
    return UiWord(lang, path, fallback);
  };
  std::vector<std::vector<std::string>> texts{
      {word({"nominations", "nameNative"}, "Name"),
       word({"nominations", "nameLatin"}, "Name (Latin)"),
       word({"nominations", "homeDepartment"}, "Home department"),
       word({"agreement", "field", "host_department"}, "Host department"),
       word({"agreement", "field", "isced_code"}, "Field (ISCED-F)"),
       word({"agreement", "field", "level"}, "Level"),
       word({"agreement", "academicYear"}, "Academic year"),
       word({"nominations", "months"}, "Months"),
       word({"nominations", "languageLevel"}, "Language level"),
       word({"nominations", "status"}, "Status"), word({"nominations", "reason"}, "Reason")}};
  for (const store::ExchangeNomination& n :
       store::ListAgreementNominations(call.db, agreement.id)) {
    if (!SeesNomination(call.principal, n)) continue;
    texts.push_back({n.name_native, n.name_latin, n.home_department, n.host_department,
                     n.isced_code, word({"agreement", "level", n.level}, n.level), n.academic_year,
                     std::to_string(n.months), n.language + " " + n.language_level,
                     word({"nominations", "state", n.status}, n.status), n.reason});
  }
  std::vector<std::vector<exports::Cell>> rows;
  rows.reserve(texts.size());
  for (const std::vector<std::string>& line : texts) {
    std::vector<exports::Cell> cells;
    for (const std::string& text : line) cells.push_back({text});
    rows.push_back(std::move(cells));
  }
  return SendTable(call, options, "nominations-" + agreement.id.substr(0, 8),
                   word({"nominations", "title"}, "Nominations"), rows);
}

}  // namespace amity::api
