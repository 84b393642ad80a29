// Exchange agreements (domain/exchange_agreement.h): written by the home city's officers,
// proposed, and approved by each side on the exact content (its SHA-256); read by home roles and
// by the partner users of the partnership when shared. Also the ISCED-F table and the seat grid.
#include "api/exchange_agreements.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/record_rules.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/exchange_agreement.h"
#include "domain/isced.h"
#include "files/sha256.h"
#include "http/error.h"
#include "store/exchange_calls.h"
#include "store/exchange_nominations.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

const domain::ResourceSpec& CreateBody() {
  static const domain::ResourceSpec body{"exchange_agreements", "exchange agreement",
                                         domain::ExchangeAgreementFields()};
  return body;
}
const domain::ResourceSpec& PatchBody() {
  static const domain::ResourceSpec body{"exchange_agreements", "exchange agreement",
                                         domain::ExchangeAgreementPatchFields()};
  return body;
}
const domain::ResourceSpec& ApprovalBody() {
  static const domain::ResourceSpec body{"agreement_approvals", "approval",
                                         domain::AgreementApprovalFields()};
  return body;
}

[[noreturn]] void Refuse(int status, Problems problems) {
  throw http::HttpError(status, status == 409 ? "Conflict" : "Invalid exchange agreement",
                        std::move(problems));
}

// The agreement of the path.
store::ExchangeAgreement LoadAgreement(Call& call) {
  return LoadVisibleAgreement(call, call.Param("id"));
}

void RequireWriter(const Call& call) {
  if (!IsExchangeWriter(call.principal)) {
    ForbidRole(call.principal, "", "may not write exchange agreements (officers of the home city)");
  }
}

std::string Sha256Hex(std::string_view bytes) {
  files::Sha256 hash;
  hash.Update(bytes);
  return hash.Finish();
}

// A whole number from a validated number member; `problems` gets "not_integer" otherwise.
int WholeNumber(const json::object& object, std::string_view key, const std::string& path,
                Problems& problems) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr || !value->is_number()) return 0;
  const double number = value->to_number<double>();
  if (number != std::floor(number)) {
    problems.push_back({path, "not_integer", "must be a whole number"});
    return 0;
  }
  return static_cast<int>(number);
}

// Reads the conditions of a validated body or of stored canonical content into `content`.
void ReadConditions(const json::array& items, domain::AgreementContent& content,
                    Problems& problems) {
  content.conditions.clear();
  for (size_t i = 0; i < items.size(); ++i) {
    const json::object& item = items[i].as_object();
    const std::string path = "conditions[" + std::to_string(i) + "].";
    content.conditions.push_back(
        {.id = store::StringMember(item, "id"),
         .direction = store::StringMember(item, "direction"),
         .host_department = store::StringMember(item, "host_department"),
         .isced_code = store::StringMember(item, "isced_code"),
         .level = store::StringMember(item, "level"),
         .seats_per_year = WholeNumber(item, "seats_per_year", path + "seats_per_year", problems),
         .months_per_student =
             WholeNumber(item, "months_per_student", path + "months_per_student", problems),
         .language = store::StringMember(item, "language"),
         .min_cefr = store::StringMember(item, "min_cefr"),
         .extra_requirements = store::StringMember(item, "extra_requirements")});
  }
}

// The content fields `fields` gives, written over `content`.
void ApplyFields(const json::object& fields, domain::AgreementContent& content,
                 Problems& problems) {
  for (const auto& [key, value] : fields) {
    if (key == "partnership_id") content.partnership_id = value.as_string();
    if (key == "home_institution_id") content.home_institution_id = value.as_string();
    if (key == "partner_institution_id") content.partner_institution_id = value.as_string();
    if (key == "first_year") content.first_year = value.as_string();
    if (key == "last_year") content.last_year = value.as_string();
    if (key == "conditions") {
      ReadConditions(value.is_array() ? value.as_array() : json::array(), content, problems);
    }
  }
}

// Condition ids a request gives must name live conditions of the agreement (none on create),
// each once; conditions without one get a new id.
void AssignConditionIds(store::Db& db, std::string_view agreement_id,
                        domain::AgreementContent& content, Problems& problems) {
  std::vector<std::string> seen;
  for (size_t i = 0; i < content.conditions.size(); ++i) {
    domain::ExchangeCondition& condition = content.conditions[i];
    const std::string path = "conditions[" + std::to_string(i) + "].id";
    if (condition.id.empty()) {
      condition.id = NewId();
      continue;
    }
    if (std::find(seen.begin(), seen.end(), condition.id) != seen.end()) {
      problems.push_back({path, "duplicate_condition", "names the same condition twice"});
    } else if (agreement_id.empty() || !IsUuid(condition.id) ||
               !store::HasLiveCondition(db, agreement_id, condition.id)) {
      problems.push_back({path, "unknown_condition",
                          "is not a condition of this agreement; leave id out to add one"});
    }
    seen.push_back(condition.id);
  }
}

// The institutions must be of the partnership's two cities: home of the home city, partner of
// the partner city.
void CheckInstitutions(store::Db& db, const domain::AgreementContent& content, Problems& problems) {
  const auto partnership = store::GetRecord(db, domain::Partnerships(), content.partnership_id);
  if (!partnership) return;  // reported by CheckReferences
  const std::pair<std::string_view, std::pair<const std::string*, std::string_view>> sides[] = {
      {"home_institution_id", {&content.home_institution_id, "home_city_id"}},
      {"partner_institution_id", {&content.partner_institution_id, "partner_city_id"}}};
  for (const auto& [field, pair] : sides) {
    const auto organization = store::GetRecord(db, domain::Organizations(), *pair.first);
    if (organization && store::StringMember(*organization, "city_id") !=
                            store::StringMember(*partnership, pair.second)) {
      problems.push_back({std::string(field), "not_in_city",
                          "must be an organization of the partnership's " +
                              std::string(field == "home_institution_id" ? "home" : "partner") +
                              " city"});
    }
  }
}

json::array ChangesJson(const std::vector<domain::ContentChange>& changes) {
  json::array items;
  for (const domain::ContentChange& change : changes) {
    items.push_back(json::object{{"kind", change.kind},
                                 {"field", change.field},
                                 {"condition_id", change.condition_id},
                                 {"before", change.before},
                                 {"after", change.after}});
  }
  return items;
}

// The content an approval approved, read back from its canonical JSON.
domain::AgreementContent ApprovedContent(const store::AgreementApproval& approval) {
  domain::AgreementContent content;
  const json::value parsed = json::parse(approval.content);
  const json::object& object = parsed.as_object();
  Problems ignored;
  ApplyFields(object, content, ignored);
  content.partnership_id = store::StringMember(object, "partnership_id");
  return content;
}

json::object ApprovalJson(const store::AgreementApproval& approval) {
  return {{"id", approval.id},
          {"side", approval.side},
          {"user_id", approval.user_id},
          {"user_email", approval.user_email},
          {"approved_at", approval.approved_at},
          {"content_hash", approval.content_hash},
          {"superseded_at",
           approval.superseded_at ? json::value(*approval.superseded_at) : json::value(nullptr)}};
}

json::object AgreementJson(store::Db& db, const store::ExchangeAgreement& agreement) {
  const domain::AgreementContent& content = agreement.content;
  json::array conditions;
  for (const domain::ExchangeCondition& condition : content.conditions) {
    conditions.push_back(
        json::object{{"id", condition.id},
                     {"direction", condition.direction},
                     {"host_institution_id", domain::HostInstitution(content, condition)},
                     {"host_department", condition.host_department},
                     {"isced_code", condition.isced_code},
                     {"level", condition.level},
                     {"seats_per_year", condition.seats_per_year},
                     {"months_per_student", condition.months_per_student},
                     {"language", condition.language},
                     {"min_cefr", condition.min_cefr},
                     {"extra_requirements", condition.extra_requirements}});
  }
  json::array years;
  for (const std::string& year : domain::AcademicYears(content.first_year, content.last_year)) {
    years.emplace_back(year);
  }
  const std::vector<store::AgreementApproval> approvals = store::ListApprovals(db, agreement.id);
  json::array standing;
  for (const store::AgreementApproval& approval : approvals) {
    if (!approval.superseded_at) standing.push_back(ApprovalJson(approval));
  }
  // What changed since the latest approval of other content than the current.
  json::value since = nullptr;
  if (!approvals.empty() && approvals.back().content_hash != agreement.content_hash) {
    const store::AgreementApproval& last = approvals.back();
    since = json::object{
        {"approval", ApprovalJson(last)},
        {"changes", ChangesJson(domain::DiffAgreementContent(ApprovedContent(last), content))}};
  }
  return {{"id", agreement.id},
          {"partnership_id", content.partnership_id},
          {"home_institution_id", content.home_institution_id},
          {"partner_institution_id", content.partner_institution_id},
          {"first_year", content.first_year},
          {"last_year", content.last_year},
          {"academic_years", std::move(years)},
          {"state", agreement.state},
          {"visibility", agreement.visibility},
          {"content_hash", agreement.content_hash},
          {"conditions", std::move(conditions)},
          {"approvals", std::move(standing)},
          {"changes_since_approval", std::move(since)},
          {"version", agreement.version},
          {"created_by",
           agreement.created_by.empty() ? json::value(nullptr) : json::value(agreement.created_by)},
          {"created_at", agreement.created_at},
          {"updated_at", agreement.updated_at}};
}

http::Response AgreementResponse(int status, store::Db& db,
                                 const store::ExchangeAgreement& agreement) {
  http::Response response = JsonResponse(status, AgreementJson(db, agreement));
  response.headers.emplace_back("ETag", "\"" + std::to_string(agreement.version) + "\"");
  return response;
}

// Stores `agreement` changed by the call as its next version and answers with it, committing
// `tx` once the answer is made.
http::Response SaveAndAnswer(Call& call, store::Tx& tx, store::ExchangeAgreement& agreement) {
  agreement.updated_at = FormatInstant(call.now);
  ++agreement.version;
  store::UpdateAgreement(call.db, agreement);
  http::Response response = AgreementResponse(200, call.db, agreement);
  tx.Commit();
  return response;
}

// Checks the content's rules, references and institutions; throws the 422 of any problem.
void CheckContent(Call& call, const domain::AgreementContent& content,
                  const std::vector<ReferenceCheck>& references, Problems problems) {
  for (Problem& problem : domain::CheckAgreementContent(content)) {
    problems.push_back(std::move(problem));
  }
  if (!problems.empty()) Refuse(422, std::move(problems));
  problems = CheckReferences(call.db, references, call.principal);
  if (!problems.empty()) Refuse(422, std::move(problems));
  CheckInstitutions(call.db, content, problems);
  if (!problems.empty()) Refuse(422, std::move(problems));
}

}  // namespace

bool IsExchangeWriter(const domain::Principal& principal) {
  return principal.role == domain::Role::kAdmin || principal.role == domain::Role::kOfficer;
}

bool SeesAgreement(const domain::Principal& principal, const store::ExchangeAgreement& agreement) {
  if (domain::SeesEverything(principal)) return true;
  const auto& assigned = principal.partnerships;
  return principal.role == domain::Role::kPartner && agreement.visibility == "shared" &&
         std::find(assigned.begin(), assigned.end(), agreement.content.partnership_id) !=
             assigned.end();
}

store::ExchangeAgreement LoadVisibleAgreement(Call& call, std::string_view id) {
  RequireUuid(id, "exchange agreement");
  std::optional<store::ExchangeAgreement> agreement = store::GetAgreement(call.db, id);
  if (!agreement || !SeesAgreement(call.principal, *agreement)) NotFound("exchange agreement");
  return std::move(*agreement);
}

http::Response ListIscedFields(Call&) {
  json::array items;
  for (const domain::IscedField& field : domain::IscedFields()) {
    const std::string_view parent = domain::IscedParent(field.code);
    items.push_back(
        json::object{{"code", field.code},
                     {"level", domain::IscedLevel(field.code)},
                     {"parent", parent.empty() ? json::value(nullptr) : json::value(parent)},
                     {"name", json::object{{"tr", field.tr}, {"zh", field.zh}, {"en", field.en}}}});
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response ListExchangeAgreements(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  std::optional<std::string> partnership;
  for (const auto& [name, value] : call.request.query) {
    if (name == "partnership_id") partnership = value;
  }
  std::optional<std::string> partner_user;
  if (!domain::SeesEverything(call.principal)) partner_user = call.principal.user_id;
  json::array items;
  for (const store::ExchangeAgreement& agreement :
       store::ListAgreements(call.db, partnership, partner_user)) {
    if (SeesAgreement(call.principal, agreement))
      items.push_back(AgreementJson(call.db, agreement));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetExchangeAgreement(Call& call) {
  return AgreementResponse(200, call.db, LoadAgreement(call));
}

http::Response CreateExchangeAgreement(Call& call) {
  RequireWriter(call);  // before the body is read
  const Validated input = ValidBody(call.request, CreateBody());
  store::Tx tx(call.db);
  store::ExchangeAgreement agreement;
  Problems problems;
  ApplyFields(input.fields, agreement.content, problems);
  AssignConditionIds(call.db, "", agreement.content, problems);
  CheckContent(call, agreement.content, input.references, std::move(problems));
  agreement.id = NewId();
  agreement.created_at = agreement.updated_at = FormatInstant(call.now);
  agreement.created_by = call.principal.user_id;
  if (const std::string visibility = store::StringMember(input.fields, "visibility");
      !visibility.empty()) {
    agreement.visibility = visibility;
  }
  agreement.content_hash = Sha256Hex(domain::CanonicalAgreementContent(agreement.content));
  store::InsertAgreement(call.db, agreement);
  http::Response response = AgreementResponse(201, call.db, agreement);
  response.headers.emplace_back("Location", "/api/v1/exchange-agreements/" + agreement.id);
  tx.Commit();
  return response;
}

http::Response UpdateExchangeAgreement(Call& call) {
  store::Tx tx(call.db);
  store::ExchangeAgreement agreement = LoadAgreement(call);
  RequireWriter(call);
  CheckVersion(json::object{{"version", agreement.version}}, IfMatchVersion(call.request, true));
  json::object body = ParseBody(call.request);
  Validated input = ValidateFields(PatchBody(), body, Mode::kPatch);
  if (!input.problems.empty()) {
    throw http::HttpError(StatusFor(input.problems), "Invalid exchange agreement", input.problems);
  }
  Problems problems;
  ApplyFields(input.fields, agreement.content, problems);
  AssignConditionIds(call.db, agreement.id, agreement.content, problems);
  CheckContent(call, agreement.content, input.references, std::move(problems));
  if (const json::value* visibility = input.fields.if_contains("visibility")) {
    agreement.visibility =
        visibility->is_string() ? std::string(visibility->as_string()) : "shared";
  }
  const std::string hash = Sha256Hex(domain::CanonicalAgreementContent(agreement.content));
  const bool changed = hash != agreement.content_hash;
  if (domain::EditClearsApprovals(agreement.state, changed)) {
    store::SupersedeApprovals(call.db, agreement.id, FormatInstant(call.now));
  }
  agreement.state = domain::StateAfterEdit(agreement.state, changed);
  agreement.content_hash = hash;
  return SaveAndAnswer(call, tx, agreement);
}

http::Response ProposeExchangeAgreement(Call& call) {
  store::Tx tx(call.db);
  store::ExchangeAgreement agreement = LoadAgreement(call);
  RequireWriter(call);
  if (Problems problems = domain::CheckPropose(agreement.state, agreement.content);
      !problems.empty()) {
    Refuse(409, std::move(problems));
  }
  agreement.state = "proposed";
  return SaveAndAnswer(call, tx, agreement);
}

http::Response ApproveExchangeAgreement(Call& call) {
  store::Tx tx(call.db);
  store::ExchangeAgreement agreement = LoadAgreement(call);
  // Home officers approve for the home city, partner users for theirs; nobody else approves.
  std::string side;
  if (IsExchangeWriter(call.principal)) side = "home";
  if (call.principal.role == domain::Role::kPartner) side = "partner";
  if (side.empty()) ForbidRole(call.principal, "", "may not approve exchange agreements");
  const Validated input = ValidBody(call.request, ApprovalBody());
  if (const std::string asked = store::StringMember(input.fields, "side");
      !asked.empty() && asked != side) {
    ForbidRole(call.principal, "side", "approves for the " + side + " side only");
  }
  std::vector<store::AgreementApproval> approvals = store::ListApprovals(call.db, agreement.id);
  std::vector<domain::ApprovalFact> standing;
  for (const store::AgreementApproval& approval : approvals) {
    if (!approval.superseded_at) standing.push_back({approval.side, approval.content_hash});
  }
  if (Problems problems =
          domain::CheckApproval(agreement.state, standing, side,
                                store::StringMember(input.fields, "hash"), agreement.content_hash);
      !problems.empty()) {
    Refuse(409, std::move(problems));
  }
  store::InsertApproval(call.db, {.id = NewId(),
                                  .agreement_id = agreement.id,
                                  .side = side,
                                  .user_id = call.principal.user_id,
                                  .user_email = call.principal.email,
                                  .approved_at = FormatInstant(call.now),
                                  .content_hash = agreement.content_hash,
                                  .content = domain::CanonicalAgreementContent(agreement.content)});
  standing.push_back({side, agreement.content_hash});
  agreement.state = domain::StateAfterApprovals(standing, agreement.content_hash);
  return SaveAndAnswer(call, tx, agreement);
}

http::Response ListAgreementApprovals(Call& call) {
  const store::ExchangeAgreement agreement = LoadAgreement(call);
  json::array items;
  for (const store::AgreementApproval& approval : store::ListApprovals(call.db, agreement.id)) {
    json::object item = ApprovalJson(approval);
    item["content"] = json::parse(approval.content);
    item["changes_since"] =
        ChangesJson(domain::DiffAgreementContent(ApprovedContent(approval), agreement.content));
    items.push_back(std::move(item));
  }
  return JsonResponse(200, json::object{{"agreement_id", agreement.id},
                                        {"content_hash", agreement.content_hash},
                                        {"items", std::move(items)}});
}

http::Response AgreementSeatGrid(Call& call) {
  const store::ExchangeAgreement agreement = LoadAgreement(call);
  const domain::AgreementContent& content = agreement.content;
  json::array rows, totals;
  // Applications are personal data: a partner user sees no count of them nor of their
  // allocation (one in a row would reveal a person), only null. Allocated: the latest locked
  // allocation run of each call.
  const bool counts_applications = domain::SeesEverything(call.principal);
  const store::ApplicationCounts counts = counts_applications
                                              ? store::CountApplications(call.db, agreement.id)
                                              : store::ApplicationCounts{};
  const auto allocated_counts = counts_applications
                                    ? store::CountAllocated(call.db, agreement.id)
                                    : decltype(store::CountAllocated(call.db, agreement.id)){};
  // Nominations the host side accepted or rejected (api/exchange_nominations.cpp).
  const store::DecisionCounts decisions = store::CountDecisions(call.db, agreement.id);
  const auto figures = [counts_applications](json::object row, int seats, int applications,
                                             int allocated, int accepted, int declined) {
    const auto withheld = [counts_applications](int value) {
      return counts_applications ? json::value(value) : json::value(nullptr);
    };
    row["seats"] = seats;
    row["applications"] = withheld(applications);
    row["allocated"] = withheld(allocated);
    row["accepted"] = accepted;
    row["declined"] = declined;
    row["free"] = withheld(seats - allocated);
    return row;
  };
  const auto count = [](const auto& map, const auto& key) {
    const auto found = map.find(key);
    return found == map.end() ? 0 : found->second;
  };
  for (const std::string& year : domain::AcademicYears(content.first_year, content.last_year)) {
    for (std::string_view direction : domain::kExchangeDirections) {
      int seats = 0, allocated = 0, accepted = 0, declined = 0;
      for (const domain::ExchangeCondition& condition : content.conditions) {
        if (condition.direction != direction) continue;
        seats += condition.seats_per_year;
        const auto key = std::tuple(year, std::string(direction), condition.id);
        allocated += count(allocated_counts, key);
        accepted += count(decisions.accepted, key);
        declined += count(decisions.rejected, key);
        rows.push_back(figures({{"academic_year", year},
                                {"direction", direction},
                                {"condition_id", condition.id},
                                {"isced_code", condition.isced_code},
                                {"level", condition.level},
                                {"host_department", condition.host_department}},
                               condition.seats_per_year, count(counts.by_condition, key),
                               count(allocated_counts, key), count(decisions.accepted, key),
                               count(decisions.rejected, key)));
      }
      totals.push_back(figures({{"academic_year", year}, {"direction", direction}}, seats,
                               count(counts.by_call, std::pair(year, std::string(direction))),
                               allocated, accepted, declined));
    }
  }
  return JsonResponse(200, json::object{{"agreement_id", agreement.id},
                                        {"state", agreement.state},
                                        {"rows", std::move(rows)},
                                        {"totals", std::move(totals)}});
}

}  // namespace amity::api
