// Calls for applications on exchange agreements, the applications made to them and each
// application's history (migration 0030). The rules they obey are domain/exchange_call.h;
// callers check them and hold the transaction. Applications are personal data: nothing here
// decides who may read them (api/exchange_calls.cpp does).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/allocation.h"
#include "store/db.h"

namespace amity::store {

struct ExchangeCall {
  std::string id;
  std::string agreement_id;
  std::string academic_year;
  std::string direction;
  std::string opens_on;  // YYYY-MM-DD in time_zone
  std::string closes_on;
  std::string time_zone;
  domain::Score academic_weight = 50 * domain::kScoreUnit;
  domain::Score language_weight = 50 * domain::kScoreUnit;
  int max_choices = 5;
  std::string tie_seed;  // decimal, below 2^64
  std::string created_at;
  std::string created_by;  // user id, "" when made by the system
};

struct ExchangeApplication {
  std::string id;
  std::string call_id;
  long long version = 1;
  std::string created_at;
  std::string updated_at;
  std::string name_native;
  std::string name_latin;
  std::string student_number;
  std::string home_department;
  std::string isced_code;
  std::string level;
  domain::Score academic_average = 0;
  domain::Score average_scale = 0;
  domain::Score language_score = 0;
  std::string language_results_json = "[]";  // [{"language":…,"result":…}]
  std::string choices_json = "[]";           // ["condition id", …] most wanted first
  std::string status = "submitted";
};

struct ApplicationEvent {
  std::string id;
  std::string application_id;
  std::string kind;  // submitted, changed, withdrawn
  std::string at;
  std::string user_id;  // "" for the system
  std::string user_email;
  bool late = false;
  std::string fields_json = "[]";  // names of the fields changed
  std::string reason;
};

// The call `id`, or nullopt.
std::optional<ExchangeCall> GetCall(Db& db, std::string_view id);
// The agreement's calls by academic year, then direction.
std::vector<ExchangeCall> ListCalls(Db& db, std::string_view agreement_id);
// Whether the agreement has a call for the year and direction already.
bool HasCall(Db& db, std::string_view agreement_id, std::string_view academic_year,
             std::string_view direction);
void InsertCall(Db& db, const ExchangeCall& call);

// The application `id`, or nullopt.
std::optional<ExchangeApplication> GetApplication(Db& db, std::string_view id);
// The call's applications, oldest first.
std::vector<ExchangeApplication> ListApplications(Db& db, std::string_view call_id);
// Whether the call holds an application with `student_number` other than `except_id`.
bool HasStudentNumber(Db& db, std::string_view call_id, std::string_view student_number,
                      std::string_view except_id);
void InsertApplication(Db& db, const ExchangeApplication& application);
// Writes every field of `application` (version raised by the caller) over the stored one.
void UpdateApplication(Db& db, const ExchangeApplication& application);

void InsertApplicationEvent(Db& db, const ApplicationEvent& event);
// The application's history, oldest first.
std::vector<ApplicationEvent> ListApplicationEvents(Db& db, std::string_view application_id);

// Submitted (not withdrawn) applications of the agreement's calls, by academic year and
// direction: how many in all, and how many rank each condition.
struct ApplicationCounts {
  std::map<std::pair<std::string, std::string>, int> by_call;  // (year, direction) → count
  std::map<std::tuple<std::string, std::string, std::string>, int>
      by_condition;  // (year, direction, condition id) → count
};
ApplicationCounts CountApplications(Db& db, std::string_view agreement_id);

// ---- Allocation runs ----------------------------------------------------------------------------

struct AllocationRun {
  std::string id;
  std::string call_id;
  std::string created_at;
  std::string created_by;  // user id, "" for the system
  std::string created_by_email;
  std::string previous_run_id;  // "" when no locked run came before
  std::string seed;
  std::string formula;
  std::string code_version;
  std::string input;
  std::string input_hash;
  std::string result;
  std::string result_hash;
  std::string cutoffs_json = "[]";
  std::string locked_at;  // "" while not locked
  std::string locked_by_email;
};

struct AllocationPlacement {
  std::string application_id;
  std::string condition_id;  // "" when not placed
  int rank = 0;
  domain::Score score = 0;
  std::string lottery;
  std::string explanation_json = "[]";
};

// The run `id`, or nullopt.
std::optional<AllocationRun> GetRun(Db& db, std::string_view id);
// The call's runs, oldest first.
std::vector<AllocationRun> ListRuns(Db& db, std::string_view call_id);
// The call's most recently locked run, or nullopt.
std::optional<AllocationRun> LatestLockedRun(Db& db, std::string_view call_id);
void InsertRun(Db& db, const AllocationRun& run,
               const std::vector<AllocationPlacement>& placements);
// The run's placements, by application id.
std::vector<AllocationPlacement> ListPlacements(Db& db, std::string_view run_id);
// Marks the run locked at `at` by `email`.
void LockRun(Db& db, std::string_view run_id, std::string_view at, std::string_view email);
// Applications placed per (academic year, direction, condition id) by the latest locked run of
// each of the agreement's calls.
std::map<std::tuple<std::string, std::string, std::string>, int> CountAllocated(
    Db& db, std::string_view agreement_id);

}  // namespace amity::store
