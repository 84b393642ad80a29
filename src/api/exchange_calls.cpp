// Calls for applications on approved exchange agreements and the applications students make to
// them (domain/exchange_call.h). Calls are read by whoever sees their agreement; applications are
// personal data: home roles read them, officers write them, and a partner user is answered 404
// as if they did not exist. Each application is answered with its score under the call's formula,
// its eligibility for each choice (every failed rule with what was asked and what was stated)
// and its history (submitted, changed — late when after the closing —, withdrawn: who and when).
#include "store/exchange_calls.h"

#include <boost/json.hpp>
#include <charconv>

#include "api/access.h"
#include "api/exchange_agreements.h"
#include "api/exchange_calls.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/exchange_agreement.h"
#include "domain/exchange_call.h"
#include "http/error.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

const domain::ResourceSpec& CallBody() {
  static const domain::ResourceSpec body{"exchange_calls", "exchange call",
                                         domain::ExchangeCallFields()};
  return body;
}
const domain::ResourceSpec& ApplicationBody() {
  static const domain::ResourceSpec body{"exchange_applications", "exchange application",
                                         domain::ExchangeApplicationFields()};
  return body;
}
const domain::ResourceSpec& ApplicationPatchBody() {
  static const domain::ResourceSpec body{"exchange_applications", "exchange application",
                                         domain::ExchangeApplicationPatchFields()};
  return body;
}
const domain::ResourceSpec& WithdrawalBody() {
  static const domain::ResourceSpec body{"application_withdrawals", "withdrawal",
                                         domain::ApplicationWithdrawalFields()};
  return body;
}

[[noreturn]] void Refuse(int status, std::string title, Problems problems) {
  throw http::HttpError(status, status == 409 ? "Conflict" : std::move(title), std::move(problems));
}

void RequireWriter(const Call& call, std::string_view what) {
  if (!IsExchangeWriter(call.principal)) {
    ForbidRole(call.principal, "",
               "may not write " + std::string(what) + " (officers of the home city)");
  }
}

double Decimal(domain::Score score) {
  return static_cast<double>(score) / static_cast<double>(domain::kScoreUnit);
}

// The agreement's live conditions of the call's direction: what the call offers.
std::vector<const domain::ExchangeCondition*> Offered(const store::ExchangeAgreement& agreement,
                                                      std::string_view direction) {
  std::vector<const domain::ExchangeCondition*> offered;
  for (const domain::ExchangeCondition& condition : agreement.content.conditions) {
    if (condition.direction == direction) offered.push_back(&condition);
  }
  return offered;
}

std::vector<std::string> OfferedIds(const store::ExchangeAgreement& agreement,
                                    std::string_view direction) {
  std::vector<std::string> ids;
  for (const domain::ExchangeCondition* condition : Offered(agreement, direction)) {
    ids.push_back(condition->id);
  }
  return ids;
}

std::string_view WindowStateName(domain::WindowState state) {
  switch (state) {
    case domain::WindowState::kNotOpen:
      return "not_open";
    case domain::WindowState::kOpen:
      return "open";
    case domain::WindowState::kClosed:
      break;
  }
  return "closed";
}

json::object CallJson(const store::ExchangeCall& call, const store::ExchangeAgreement& agreement,
                      Instant now) {
  const domain::CallRules rules = RulesOf(call);
  json::array conditions;
  for (const domain::ExchangeCondition* condition : Offered(agreement, call.direction)) {
    conditions.push_back(json::object{
        {"id", condition->id},
        {"host_institution_id", domain::HostInstitution(agreement.content, *condition)},
        {"host_department", condition->host_department},
        {"isced_code", condition->isced_code},
        {"level", condition->level},
        {"seats", condition->seats_per_year},
        {"months_per_student", condition->months_per_student},
        {"language", condition->language},
        {"min_cefr", condition->min_cefr},
        {"extra_requirements", condition->extra_requirements}});
  }
  json::array scales;
  for (domain::Score scale : rules.formula.scales) scales.push_back(Decimal(scale));
  return {
      {"id", call.id},
      {"agreement_id", call.agreement_id},
      {"partnership_id", agreement.content.partnership_id},
      {"academic_year", call.academic_year},
      {"direction", call.direction},
      {"opens_on", call.opens_on},
      {"closes_on", call.closes_on},
      {"time_zone", call.time_zone},
      {"closes_at", FormatInstant(domain::ClosingInstant(rules.window))},
      {"window", WindowStateName(domain::StateAt(rules.window, now))},
      {"academic_weight", Decimal(call.academic_weight)},
      {"language_weight", Decimal(call.language_weight)},
      {"scales", std::move(scales)},
      {"max_choices", call.max_choices},
      {"tie_seed", call.tie_seed},
      {"conditions", std::move(conditions)},
      {"created_by", call.created_by.empty() ? json::value(nullptr) : json::value(call.created_by)},
      {"created_at", call.created_at}};
}

// Applications are the home city's alone: to anyone else they do not exist.
void RequireApplicationReader(const Call& call, std::string_view singular) {
  if (!domain::SeesEverything(call.principal)) NotFound(singular);
}

// ---- Applications ------------------------------------------------------------------------------

// Writes the validated `fields` over `application`; names the fields given in `changed` (only
// those whose value differs) and numbers with more than four decimals in `problems`.
void ApplyApplicationFields(const json::object& fields, store::ExchangeApplication& application,
                            std::vector<std::string>& changed, Problems& problems) {
  const auto text = [&](std::string_view key, std::string& member) {
    const json::value* value = fields.if_contains(key);
    if (value == nullptr || !value->is_string()) return;
    if (member != value->as_string()) changed.emplace_back(key);
    member = value->as_string();
  };
  const auto number = [&](std::string_view key, domain::Score& member) {
    const json::value* value = fields.if_contains(key);
    if (value == nullptr || !value->is_number()) return;
    const std::optional<domain::Score> score = domain::ScoreOfNumber(value->to_number<double>());
    if (!score) {
      problems.push_back({std::string(key), "too_precise", "at most four decimals"});
      return;
    }
    if (member != *score) changed.emplace_back(key);
    member = *score;
  };
  const auto list = [&](std::string_view key, std::string& member) {
    const json::value* value = fields.if_contains(key);
    if (value == nullptr) return;
    const std::string serialized =
        value->is_array() ? json::serialize(*value) : std::string("[]");  // null clears
    if (member != serialized) changed.emplace_back(key);
    member = serialized;
  };
  text("name_native", application.name_native);
  text("name_latin", application.name_latin);
  text("student_number", application.student_number);
  text("home_department", application.home_department);
  text("isced_code", application.isced_code);
  text("level", application.level);
  number("academic_average", application.academic_average);
  number("average_scale", application.average_scale);
  number("language_score", application.language_score);
  list("language_results", application.language_results_json);
  list("choices", application.choices_json);
}

// Checks the application's rules under the call (422) and its student number once per call
// (409); throws the problems.
void CheckApplicationRules(Call& call, const store::ExchangeCall& exchange_call,
                           const store::ExchangeAgreement& agreement,
                           const store::ExchangeApplication& application, Problems problems) {
  if (problems.empty()) {
    problems = domain::CheckApplication(RulesOf(exchange_call),
                                        OfferedIds(agreement, exchange_call.direction),
                                        FactsOf(application));
  }
  if (!problems.empty()) Refuse(422, "Invalid exchange application", std::move(problems));
  if (store::HasStudentNumber(call.db, exchange_call.id, application.student_number,
                              application.id)) {
    Refuse(409, "",
           {{"student_number", "duplicate", "this student has applied to the call already"}});
  }
}

json::object ApplicationJson(store::Db& db, const store::ExchangeApplication& application,
                             const store::ExchangeCall& exchange_call,
                             const store::ExchangeAgreement& agreement) {
  const domain::ApplicationFacts facts = FactsOf(application);
  json::array eligibility;
  int eligible_choices = 0;
  for (const ChoiceCheck& check : CheckChoicesOf(application, exchange_call, agreement)) {
    json::array failures;
    for (const domain::Ineligibility& failure : check.failures) {
      failures.push_back(json::object{
          {"rule", failure.rule}, {"required", failure.required}, {"stated", failure.stated}});
    }
    if (failures.empty()) ++eligible_choices;
    eligibility.push_back(json::object{{"rank", check.rank},
                                       {"condition_id", check.condition_id},
                                       {"eligible", failures.empty()},
                                       {"failures", std::move(failures)}});
  }
  json::array history;
  for (const store::ApplicationEvent& event : store::ListApplicationEvents(db, application.id)) {
    history.push_back(json::object{{"kind", event.kind},
                                   {"at", event.at},
                                   {"user_email", event.user_email},
                                   {"late", event.late},
                                   {"fields", json::parse(event.fields_json)},
                                   {"reason", event.reason}});
  }
  return {{"id", application.id},
          {"call_id", application.call_id},
          {"visibility", "private"},
          {"status", application.status},
          {"name_native", application.name_native},
          {"name_latin", application.name_latin},
          {"student_number", application.student_number},
          {"home_department", application.home_department},
          {"isced_code", application.isced_code},
          {"level", application.level},
          {"academic_average", Decimal(application.academic_average)},
          {"average_scale", Decimal(application.average_scale)},
          {"language_score", Decimal(application.language_score)},
          {"language_results", json::parse(application.language_results_json)},
          {"choices", json::parse(application.choices_json)},
          {"score", domain::FormatScore(domain::ApplicationScore(RulesOf(exchange_call), facts))},
          {"eligible_choices", eligible_choices},
          {"eligibility", std::move(eligibility)},
          {"history", std::move(history)},
          {"version", application.version},
          {"created_at", application.created_at},
          {"updated_at", application.updated_at}};
}

http::Response ApplicationResponse(int status, store::Db& db,
                                   const store::ExchangeApplication& application,
                                   const store::ExchangeCall& exchange_call,
                                   const store::ExchangeAgreement& agreement) {
  http::Response response =
      JsonResponse(status, ApplicationJson(db, application, exchange_call, agreement));
  response.headers.emplace_back("ETag", "\"" + std::to_string(application.version) + "\"");
  return response;
}

struct LoadedApplication {
  store::ExchangeApplication application;
  store::ExchangeCall call;
  store::ExchangeAgreement agreement;
};

LoadedApplication LoadApplication(Call& call) {
  RequireApplicationReader(call, "exchange application");
  const std::string_view id = call.Param("id");
  RequireUuid(id, "exchange application");
  std::optional<store::ExchangeApplication> application = store::GetApplication(call.db, id);
  if (!application) NotFound("exchange application");
  auto [exchange_call, agreement] = LoadCall(call, application->call_id);
  return {std::move(*application), std::move(exchange_call), std::move(agreement)};
}

void RecordEvent(Call& call, const store::ExchangeApplication& application, std::string kind,
                 bool late, const std::vector<std::string>& fields, std::string reason) {
  json::array names;
  for (const std::string& field : fields) names.emplace_back(field);
  store::InsertApplicationEvent(call.db, {.id = NewId(),
                                          .application_id = application.id,
                                          .kind = std::move(kind),
                                          .at = FormatInstant(call.now),
                                          .user_id = call.principal.user_id,
                                          .user_email = call.principal.email,
                                          .late = late,
                                          .fields_json = json::serialize(names),
                                          .reason = std::move(reason)});
}

// The string `key` of validated `fields`; "" when absent or null.
std::string StringField(const json::object& fields, std::string_view key) {
  const json::value* value = fields.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

// A seed for the lottery when the officer gives none: the 64 random-most bits of a new UUIDv7.
std::string DrawSeed() {
  std::string hex;
  for (char c : NewId()) {
    if (c != '-') hex.push_back(c);
  }
  std::uint64_t seed = 0;
  std::from_chars(hex.data() + 16, hex.data() + 32, seed, 16);
  return std::to_string(seed);
}

}  // namespace

domain::CallRules RulesOf(const store::ExchangeCall& call) {
  domain::CallRules rules{.academic_year = call.academic_year,
                          .direction = call.direction,
                          .max_choices = call.max_choices};
  rules.window = {ParseDate(call.opens_on).value_or(Date{}),
                  ParseDate(call.closes_on).value_or(Date{}), call.time_zone};
  rules.formula.academic_weight = call.academic_weight;
  rules.formula.language_weight = call.language_weight;
  return rules;
}

// The call of the path with its agreement, or the 404 of one the caller may not see.
std::pair<store::ExchangeCall, store::ExchangeAgreement> LoadCall(Call& call, std::string_view id) {
  RequireUuid(id, "exchange call");
  std::optional<store::ExchangeCall> found = store::GetCall(call.db, id);
  if (!found) NotFound("exchange call");
  std::optional<store::ExchangeAgreement> agreement =
      store::GetAgreement(call.db, found->agreement_id);
  if (!agreement || !SeesAgreement(call.principal, *agreement)) NotFound("exchange call");
  return {std::move(*found), std::move(*agreement)};
}

domain::ApplicationFacts FactsOf(const store::ExchangeApplication& application) {
  domain::ApplicationFacts facts{
      .academic_average = {application.academic_average, application.average_scale},
      .language_score = application.language_score};
  const json::value results = json::parse(application.language_results_json);
  for (const json::value& item : results.as_array()) {
    facts.language_results.push_back(
        {std::string(item.at("language").as_string()), std::string(item.at("result").as_string())});
  }
  const json::value choices = json::parse(application.choices_json);
  for (const json::value& choice : choices.as_array()) {
    facts.choices.emplace_back(choice.as_string());
  }
  return facts;
}

std::vector<ChoiceCheck> CheckChoicesOf(const store::ExchangeApplication& application,
                                        const store::ExchangeCall& exchange_call,
                                        const store::ExchangeAgreement& agreement) {
  const domain::ApplicationFacts facts = FactsOf(application);
  const domain::StudentFacts student{.level = application.level,
                                     .isced = application.isced_code,
                                     .language_results = facts.language_results};
  std::vector<ChoiceCheck> checks;
  for (size_t i = 0; i < facts.choices.size(); ++i) {
    ChoiceCheck check{.rank = static_cast<int>(i) + 1, .condition_id = facts.choices[i]};
    const domain::ExchangeCondition* found = nullptr;
    for (const domain::ExchangeCondition* condition : Offered(agreement, exchange_call.direction)) {
      if (condition->id == facts.choices[i]) found = condition;
    }
    if (found == nullptr) {
      // The agreement dropped the condition after the student chose it.
      check.failures.push_back({facts.choices[i], "offered", "offered", "withdrawn"});
    } else {
      check.failures = domain::CheckEligibility({.id = found->id,
                                                 .level = found->level,
                                                 .language_of_instruction = found->language,
                                                 .minimum_language_level = found->min_cefr,
                                                 .isced = found->isced_code},
                                                student);
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

http::Response ListExchangeCalls(Call& call) {
  const store::ExchangeAgreement agreement = LoadVisibleAgreement(call, call.Param("id"));
  json::array items;
  for (const store::ExchangeCall& exchange_call : store::ListCalls(call.db, agreement.id)) {
    items.push_back(CallJson(exchange_call, agreement, call.now));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response CreateExchangeCall(Call& call) {
  store::Tx tx(call.db);
  const store::ExchangeAgreement agreement = LoadVisibleAgreement(call, call.Param("id"));
  RequireWriter(call, "exchange calls");
  const Validated input = ValidBody(call.request, CallBody());
  const json::object& fields = input.fields;
  store::ExchangeCall exchange_call;
  exchange_call.agreement_id = agreement.id;
  exchange_call.academic_year = fields.at("academic_year").as_string();
  exchange_call.direction = fields.at("direction").as_string();
  exchange_call.opens_on = fields.at("opens_on").as_string();
  exchange_call.closes_on = fields.at("closes_on").as_string();
  Problems problems;
  const auto weight = [&](std::string_view key, domain::Score& member) {
    const json::value* value = fields.if_contains(key);
    if (value == nullptr || !value->is_number()) return;
    const std::optional<domain::Score> score = domain::ScoreOfNumber(value->to_number<double>());
    if (score) member = *score;
    if (!score) problems.push_back({std::string(key), "too_precise", "at most four decimals"});
  };
  weight("academic_weight", exchange_call.academic_weight);
  weight("language_weight", exchange_call.language_weight);
  // One weight given: the other makes up the 100%.
  if (fields.contains("academic_weight") && !fields.contains("language_weight")) {
    exchange_call.language_weight = 100 * domain::kScoreUnit - exchange_call.academic_weight;
  } else if (fields.contains("language_weight") && !fields.contains("academic_weight")) {
    exchange_call.academic_weight = 100 * domain::kScoreUnit - exchange_call.language_weight;
  }
  if (const json::value* max = fields.if_contains("max_choices"); max && max->is_number()) {
    const double number = max->to_number<double>();
    exchange_call.max_choices = static_cast<int>(number);
    if (number != static_cast<double>(exchange_call.max_choices)) {
      problems.push_back({"max_choices", "not_integer", "must be a whole number"});
    }
  }
  if (const json::value* seed = fields.if_contains("tie_seed"); seed && seed->is_string()) {
    const std::string_view text = seed->as_string();
    std::uint64_t parsed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      problems.push_back(
          {"tie_seed", "invalid", "a whole number from 0 to 18446744073709551615, in digits"});
    }
    exchange_call.tie_seed = std::to_string(parsed);
  } else {
    exchange_call.tie_seed = DrawSeed();
  }
  // The home city's zone: a call's days are the days of the city that runs it.
  const auto partnership =
      store::GetRecord(call.db, domain::Partnerships(), agreement.content.partnership_id);
  if (partnership) {
    const auto city = store::GetRecord(call.db, domain::Cities(),
                                       store::StringMember(*partnership, "home_city_id"));
    if (city) exchange_call.time_zone = store::StringMember(*city, "time_zone");
  }
  domain::CallRules rules = RulesOf(exchange_call);
  for (Problem& problem : domain::CheckCall(
           rules,
           domain::AcademicYears(agreement.content.first_year, agreement.content.last_year))) {
    problems.push_back(std::move(problem));
  }
  if (!problems.empty()) Refuse(422, "Invalid exchange call", std::move(problems));
  if (Problems refused = domain::CheckCallAgreement(agreement.state); !refused.empty()) {
    Refuse(409, "", std::move(refused));
  }
  if (store::HasCall(call.db, agreement.id, exchange_call.academic_year, exchange_call.direction)) {
    Refuse(409, "",
           {{"academic_year", "duplicate",
             "the agreement has a call for this academic year and direction already"}});
  }
  exchange_call.id = NewId();
  exchange_call.created_at = FormatInstant(call.now);
  exchange_call.created_by = call.principal.user_id;
  store::InsertCall(call.db, exchange_call);
  http::Response response = JsonResponse(201, CallJson(exchange_call, agreement, call.now));
  response.headers.emplace_back("Location", "/api/v1/exchange-calls/" + exchange_call.id);
  tx.Commit();
  return response;
}

http::Response GetExchangeCall(Call& call) {
  const auto [exchange_call, agreement] = LoadCall(call, call.Param("id"));
  return JsonResponse(200, CallJson(exchange_call, agreement, call.now));
}

http::Response ListExchangeApplications(Call& call) {
  RequireApplicationReader(call, "exchange call");
  const auto [exchange_call, agreement] = LoadCall(call, call.Param("id"));
  json::array items;
  for (const store::ExchangeApplication& application :
       store::ListApplications(call.db, exchange_call.id)) {
    items.push_back(ApplicationJson(call.db, application, exchange_call, agreement));
  }
  return JsonResponse(200,
                      json::object{{"call_id", exchange_call.id}, {"items", std::move(items)}});
}

http::Response CreateExchangeApplication(Call& call) {
  RequireApplicationReader(call, "exchange call");
  store::Tx tx(call.db);
  const auto [exchange_call, agreement] = LoadCall(call, call.Param("id"));
  RequireWriter(call, "exchange applications");
  const Validated input = ValidBody(call.request, ApplicationBody());
  store::ExchangeApplication application;
  application.call_id = exchange_call.id;
  std::vector<std::string> changed;
  Problems problems;
  ApplyApplicationFields(input.fields, application, changed, problems);
  CheckApplicationRules(call, exchange_call, agreement, application, std::move(problems));
  if (Problems refused = domain::CheckApplyingAt(RulesOf(exchange_call).window, call.now);
      !refused.empty()) {
    Refuse(409, "", std::move(refused));
  }
  application.id = NewId();
  application.created_at = application.updated_at = FormatInstant(call.now);
  store::InsertApplication(call.db, application);
  RecordEvent(call, application, "submitted", false, {}, "");
  http::Response response =
      ApplicationResponse(201, call.db, application, exchange_call, agreement);
  response.headers.emplace_back("Location", "/api/v1/exchange-applications/" + application.id);
  tx.Commit();
  return response;
}

http::Response GetExchangeApplication(Call& call) {
  const LoadedApplication loaded = LoadApplication(call);
  return ApplicationResponse(200, call.db, loaded.application, loaded.call, loaded.agreement);
}

http::Response UpdateExchangeApplication(Call& call) {
  store::Tx tx(call.db);
  LoadedApplication loaded = LoadApplication(call);
  RequireWriter(call, "exchange applications");
  store::ExchangeApplication& application = loaded.application;
  CheckVersion(json::object{{"version", application.version}}, IfMatchVersion(call.request, true));
  const Validated input =
      ValidateFields(ApplicationPatchBody(), ParseBody(call.request), Mode::kPatch);
  if (!input.problems.empty()) {
    throw http::HttpError(StatusFor(input.problems), "Invalid exchange application",
                          input.problems);
  }
  if (application.status == "withdrawn") {
    Refuse(409, "", {{"status", "withdrawn", "a withdrawn application cannot be changed"}});
  }
  std::vector<std::string> changed;
  Problems problems;
  ApplyApplicationFields(input.fields, application, changed, problems);
  CheckApplicationRules(call, loaded.call, loaded.agreement, application, std::move(problems));
  const std::string reason = StringField(input.fields, "reason");
  if (!changed.empty()) {
    // After the closing the officer may still correct an application (a wrong score, a choice
    // the student asked to change in time): the change is kept as late, and says why.
    const bool late =
        domain::StateAt(RulesOf(loaded.call).window, call.now) == domain::WindowState::kClosed;
    if (late && reason.empty()) {
      Refuse(422, "Invalid exchange application",
             {{"reason", "required",
               "the call has closed: say why the application changes (kept in its history)"}});
    }
    ++application.version;
    application.updated_at = FormatInstant(call.now);
    store::UpdateApplication(call.db, application);
    RecordEvent(call, application, "changed", late, changed, reason);
  }
  http::Response response =
      ApplicationResponse(200, call.db, application, loaded.call, loaded.agreement);
  tx.Commit();
  return response;
}

http::Response WithdrawExchangeApplication(Call& call) {
  store::Tx tx(call.db);
  LoadedApplication loaded = LoadApplication(call);
  RequireWriter(call, "exchange applications");
  const Validated input = ValidBody(call.request, WithdrawalBody());
  store::ExchangeApplication& application = loaded.application;
  if (application.status == "withdrawn") {
    Refuse(409, "", {{"status", "withdrawn", "the application is withdrawn already"}});
  }
  const bool late =
      domain::StateAt(RulesOf(loaded.call).window, call.now) == domain::WindowState::kClosed;
  application.status = "withdrawn";
  ++application.version;
  application.updated_at = FormatInstant(call.now);
  store::UpdateApplication(call.db, application);
  RecordEvent(call, application, "withdrawn", late, {}, StringField(input.fields, "reason"));
  http::Response response =
      ApplicationResponse(200, call.db, application, loaded.call, loaded.agreement);
  tx.Commit();
  return response;
}

}  // namespace amity::api
