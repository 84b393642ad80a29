// Allocation runs over a call (domain/allocation.h): student-proposing deferred acceptance over
// the call's conditions, each applicant ranking only the choices they are eligible for, scored
// by the call's formula, ties broken by the lottery on the call's published seed. A run records
// the canonical input and result with their SHA-256, the seed, the formula and the code's
// version, so running again on the same inputs gives the same bytes; per applicant the choice
// received and why not each higher one (the cut-off score and the applicant's own, naming nobody
// else); per condition the cut-off. After a locked run, a new run is a re-run: whoever the locked
// run placed keeps at least that seat (domain::RerunInput's floors). Runs name students: home
// roles only, 404 to partner users; officers run and lock.
#include <boost/json.hpp>
#include <charconv>

#include "api/access.h"
#include "api/exchange_agreements.h"
#include "api/exchange_calls.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/allocation.h"
#include "files/sha256.h"
#include "http/error.h"

namespace amity::api {
namespace json = boost::json;

namespace {

std::string Sha256Hex(std::string_view bytes) {
  files::Sha256 hash;
  hash.Update(bytes);
  return hash.Finish();
}

void RequireHome(const Call& call) {
  if (!domain::SeesEverything(call.principal)) NotFound("exchange call");
}

std::string_view RefusalName(domain::Refusal refusal) {
  switch (refusal) {
    case domain::Refusal::kNoSeats:
      return "no_seats";
    case domain::Refusal::kOutranked:
      return "outranked";
    case domain::Refusal::kHeld:
      break;
  }
  return "held";
}

std::string FormulaText(const domain::CallRules& rules) {
  return domain::FormatScore(rules.formula.academic_weight) + "% academic average + " +
         domain::FormatScore(rules.formula.language_weight) +
         "% language score, each on 100 points (scales 4.00, 100)";
}

json::object RunJson(store::Db& db, const store::AllocationRun& run, bool with_placements) {
  json::object out{
      {"id", run.id},
      {"call_id", run.call_id},
      {"created_at", run.created_at},
      {"created_by_email", run.created_by_email},
      {"previous_run_id",
       run.previous_run_id.empty() ? json::value(nullptr) : json::value(run.previous_run_id)},
      {"seed", run.seed},
      {"formula", run.formula},
      {"code_version", run.code_version},
      {"input_hash", run.input_hash},
      {"result_hash", run.result_hash},
      {"cutoffs", json::parse(run.cutoffs_json)},
      {"locked_at", run.locked_at.empty() ? json::value(nullptr) : json::value(run.locked_at)},
      {"locked_by_email",
       run.locked_by_email.empty() ? json::value(nullptr) : json::value(run.locked_by_email)}};
  if (with_placements) {
    json::array placements;
    for (const store::AllocationPlacement& placement : store::ListPlacements(db, run.id)) {
      placements.push_back(json::object{
          {"application_id", placement.application_id},
          {"condition_id", placement.condition_id.empty() ? json::value(nullptr)
                                                          : json::value(placement.condition_id)},
          {"rank", placement.rank},
          {"score", domain::FormatScore(placement.score)},
          {"lottery", placement.lottery},
          {"explanation", json::parse(placement.explanation_json)}});
    }
    out["placements"] = std::move(placements);
    out["input"] = run.input;
    out["result"] = run.result;
  }
  return out;
}

store::AllocationRun LoadRun(Call& call) {
  RequireHome(call);
  const std::string_view id = call.Param("id");
  RequireUuid(id, "allocation run");
  std::optional<store::AllocationRun> run = store::GetRun(call.db, id);
  if (!run) NotFound("allocation run");
  LoadCall(call, run->call_id);  // the 404 of a call the caller may not see
  return std::move(*run);
}

}  // namespace

http::Response ListAllocationRuns(Call& call) {
  RequireHome(call);
  const auto [exchange_call, agreement] = LoadCall(call, call.Param("id"));
  json::array items;
  for (const store::AllocationRun& run : store::ListRuns(call.db, exchange_call.id)) {
    items.push_back(RunJson(call.db, run, false));
  }
  return JsonResponse(200,
                      json::object{{"call_id", exchange_call.id}, {"items", std::move(items)}});
}

http::Response CreateAllocationRun(Call& call) {
  RequireHome(call);
  store::Tx tx(call.db);
  const auto [exchange_call, agreement] = LoadCall(call, call.Param("id"));
  if (!IsExchangeWriter(call.principal)) {
    ForbidRole(call.principal, "", "may not run allocations (officers of the home city)");
  }
  const domain::CallRules rules = RulesOf(exchange_call);
  domain::AllocationInput input;
  std::from_chars(exchange_call.tie_seed.data(),
                  exchange_call.tie_seed.data() + exchange_call.tie_seed.size(), input.seed);
  std::map<std::string, std::uint32_t> index;
  for (const domain::ExchangeCondition& condition : agreement.content.conditions) {
    if (condition.direction != exchange_call.direction) continue;
    index[condition.id] = static_cast<std::uint32_t>(input.conditions.size());
    input.conditions.push_back(
        {condition.id, static_cast<std::uint32_t>(condition.seats_per_year)});
  }
  // The re-run rule: whoever the latest locked run placed holds that seat as a floor.
  const std::optional<store::AllocationRun> locked =
      store::LatestLockedRun(call.db, exchange_call.id);
  std::map<std::string, std::string> held;
  if (locked) {
    for (const store::AllocationPlacement& placement : store::ListPlacements(call.db, locked->id)) {
      if (!placement.condition_id.empty()) held[placement.application_id] = placement.condition_id;
    }
  }
  std::vector<domain::Score> scores;
  std::vector<std::vector<std::string>> ranked;  // each applicant's own choices, as stated
  for (const store::ExchangeApplication& application :
       store::ListApplications(call.db, exchange_call.id)) {
    if (application.status != "submitted") continue;
    domain::ApplicationFacts facts = FactsOf(application);
    const domain::Score score = domain::ApplicationScore(rules, facts);
    domain::AllocationApplicant applicant{.id = application.id};
    for (const ChoiceCheck& check : CheckChoicesOf(application, exchange_call, agreement)) {
      if (!check.failures.empty()) continue;  // only eligible choices are applied to
      applicant.choices.push_back({index.at(check.condition_id), score});
      const auto floor = held.find(application.id);
      if (floor != held.end() && floor->second == check.condition_id) {
        applicant.floor = index.at(check.condition_id);
      }
    }
    input.applicants.push_back(std::move(applicant));
    scores.push_back(score);
    ranked.push_back(std::move(facts.choices));
  }
  if (Problems problems = domain::CheckAllocationInput(input); !problems.empty()) {
    throw http::HttpError(409, "Conflict", std::move(problems));
  }
  const domain::AllocationResult result = domain::Allocate(input);
  store::AllocationRun run{
      .id = NewId(),
      .call_id = exchange_call.id,
      .created_at = FormatInstant(call.now),
      .created_by = call.principal.user_id,
      .created_by_email = call.principal.email,
      .previous_run_id = locked ? locked->id : "",
      .seed = exchange_call.tie_seed,
      .formula = FormulaText(rules),
      .code_version = call.context.version.empty() ? "unknown" : call.context.version,
      .input = domain::CanonicalAllocationInput(input),
      .result = domain::CanonicalAllocationResult(input, result)};
  run.input_hash = Sha256Hex(run.input);
  run.result_hash = Sha256Hex(run.result);
  json::array cutoffs;
  for (size_t c = 0; c < input.conditions.size(); ++c) {
    const domain::ConditionOutcome& outcome = result.conditions[c];
    cutoffs.push_back(json::object{
        {"condition_id", input.conditions[c].id},
        {"seats", input.conditions[c].seats},
        {"admitted", outcome.admitted},
        {"cutoff_score", outcome.cutoff ? json::value(domain::FormatScore(outcome.cutoff->score))
                                        : json::value(nullptr)}});
  }
  run.cutoffs_json = json::serialize(cutoffs);
  std::vector<store::AllocationPlacement> placements;
  for (size_t a = 0; a < input.applicants.size(); ++a) {
    const domain::Placement& placement = result.applicants[a];
    json::array explanation;
    for (const domain::ChoiceExplanation& why :
         domain::ExplainPlacement(input, result, static_cast<std::uint32_t>(a))) {
      explanation.push_back(json::object{{"rank", why.rank},
                                         {"condition_id", input.conditions[why.condition].id},
                                         {"reason", RefusalName(why.reason)},
                                         {"cutoff_score", domain::FormatScore(why.cutoff_score)},
                                         {"own_score", domain::FormatScore(why.own_score)},
                                         {"decided_by_lottery", why.decided_by_lottery}});
    }
    const bool placed = placement.condition != domain::kNotPlaced;
    // The rank among the student's own choices, eligible or not, as the student ranked them.
    int rank = 0;
    if (placed) {
      const std::string& condition_id = input.conditions[placement.condition].id;
      for (const std::string& choice : ranked[a]) {
        ++rank;
        if (choice == condition_id) break;
      }
    }
    placements.push_back(
        {.application_id = input.applicants[a].id,
         .condition_id = placed ? input.conditions[placement.condition].id : std::string(),
         .rank = rank,
         .score = scores[a],
         .lottery = std::to_string(placement.lottery),
         .explanation_json = json::serialize(explanation)});
  }
  store::InsertRun(call.db, run, placements);
  http::Response response = JsonResponse(201, RunJson(call.db, run, true));
  response.headers.emplace_back("Location", "/api/v1/exchange-runs/" + run.id);
  tx.Commit();
  return response;
}

http::Response GetAllocationRun(Call& call) {
  return JsonResponse(200, RunJson(call.db, LoadRun(call), true));
}

http::Response LockAllocationRun(Call& call) {
  store::Tx tx(call.db);
  store::AllocationRun run = LoadRun(call);
  if (!IsExchangeWriter(call.principal)) {
    ForbidRole(call.principal, "", "may not lock allocations (officers of the home city)");
  }
  if (!run.locked_at.empty()) {
    throw http::HttpError(409, "Conflict",
                          {{"locked_at", "locked",
                            "the run is locked already; run again to "
                            "change the result"}});
  }
  run.locked_at = FormatInstant(call.now);
  run.locked_by_email = call.principal.email;
  store::LockRun(call.db, run.id, run.locked_at, run.locked_by_email);
  http::Response response = JsonResponse(200, RunJson(call.db, run, true));
  tx.Commit();
  return response;
}

}  // namespace amity::api
