#include "store/exchange_calls.h"

namespace amity::store {
namespace {

constexpr char kCallColumns[] =
    "id, agreement_id, academic_year, direction, opens_on, closes_on, time_zone, "
    "academic_weight, language_weight, max_choices, tie_seed, created_at, created_by";

constexpr char kApplicationColumns[] =
    "id, call_id, version, created_at, updated_at, name_native, name_latin, student_number, "
    "home_department, isced_code, level, academic_average, average_scale, language_score, "
    "language_results, choices, status";

ExchangeCall ReadCall(const Stmt& row) {
  ExchangeCall call;
  call.id = row.String(0);
  call.agreement_id = row.String(1);
  call.academic_year = row.String(2);
  call.direction = row.String(3);
  call.opens_on = row.String(4);
  call.closes_on = row.String(5);
  call.time_zone = row.String(6);
  call.academic_weight = row.Int(7);
  call.language_weight = row.Int(8);
  call.max_choices = static_cast<int>(row.Int(9));
  call.tie_seed = row.String(10);
  call.created_at = row.String(11);
  if (!row.IsNull(12)) call.created_by = row.String(12);
  return call;
}

ExchangeApplication ReadApplication(const Stmt& row) {
  ExchangeApplication application;
  application.id = row.String(0);
  application.call_id = row.String(1);
  application.version = row.Int(2);
  application.created_at = row.String(3);
  application.updated_at = row.String(4);
  application.name_native = row.String(5);
  application.name_latin = row.String(6);
  application.student_number = row.String(7);
  application.home_department = row.String(8);
  application.isced_code = row.String(9);
  application.level = row.String(10);
  application.academic_average = row.Int(11);
  application.average_scale = row.Int(12);
  application.language_score = row.Int(13);
  application.language_results_json = row.String(14);
  application.choices_json = row.String(15);
  application.status = row.String(16);
  return application;
}

std::optional<std::string> OrNull(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

}  // namespace

std::optional<ExchangeCall> GetCall(Db& db, std::string_view id) {
  Stmt select =
      db.Prepare(std::string("SELECT ") + kCallColumns + " FROM exchange_calls WHERE id = ?");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return ReadCall(select);
}

std::vector<ExchangeCall> ListCalls(Db& db, std::string_view agreement_id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kCallColumns +
                           " FROM exchange_calls WHERE agreement_id = ? "
                           "ORDER BY academic_year, direction");
  select.Bind(1, agreement_id);
  std::vector<ExchangeCall> calls;
  while (select.Step()) calls.push_back(ReadCall(select));
  return calls;
}

bool HasCall(Db& db, std::string_view agreement_id, std::string_view academic_year,
             std::string_view direction) {
  return db
      .Prepare(
          "SELECT 1 FROM exchange_calls WHERE agreement_id = ? AND academic_year = ? AND "
          "direction = ?")
      .Bind(1, agreement_id)
      .Bind(2, academic_year)
      .Bind(3, direction)
      .Step();
}

void InsertCall(Db& db, const ExchangeCall& call) {
  db.Prepare(std::string("INSERT INTO exchange_calls (") + kCallColumns +
             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, call.id)
      .Bind(2, call.agreement_id)
      .Bind(3, call.academic_year)
      .Bind(4, call.direction)
      .Bind(5, call.opens_on)
      .Bind(6, call.closes_on)
      .Bind(7, call.time_zone)
      .Bind(8, static_cast<long long>(call.academic_weight))
      .Bind(9, static_cast<long long>(call.language_weight))
      .Bind(10, call.max_choices)
      .Bind(11, call.tie_seed)
      .Bind(12, call.created_at)
      .Bind(13, OrNull(call.created_by))
      .Run();
}

std::optional<ExchangeApplication> GetApplication(Db& db, std::string_view id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kApplicationColumns +
                           " FROM exchange_applications WHERE id = ?");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return ReadApplication(select);
}

std::vector<ExchangeApplication> ListApplications(Db& db, std::string_view call_id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kApplicationColumns +
                           " FROM exchange_applications WHERE call_id = ? ORDER BY created_at, id");
  select.Bind(1, call_id);
  std::vector<ExchangeApplication> applications;
  while (select.Step()) applications.push_back(ReadApplication(select));
  return applications;
}

bool HasStudentNumber(Db& db, std::string_view call_id, std::string_view student_number,
                      std::string_view except_id) {
  return db
      .Prepare(
          "SELECT 1 FROM exchange_applications WHERE call_id = ? AND student_number = ? AND "
          "id <> ?")
      .Bind(1, call_id)
      .Bind(2, student_number)
      .Bind(3, except_id)
      .Step();
}

void InsertApplication(Db& db, const ExchangeApplication& application) {
  db.Prepare(std::string("INSERT INTO exchange_applications (") + kApplicationColumns +
             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, application.id)
      .Bind(2, application.call_id)
      .Bind(3, application.version)
      .Bind(4, application.created_at)
      .Bind(5, application.updated_at)
      .Bind(6, application.name_native)
      .Bind(7, application.name_latin)
      .Bind(8, application.student_number)
      .Bind(9, application.home_department)
      .Bind(10, application.isced_code)
      .Bind(11, application.level)
      .Bind(12, static_cast<long long>(application.academic_average))
      .Bind(13, static_cast<long long>(application.average_scale))
      .Bind(14, static_cast<long long>(application.language_score))
      .Bind(15, application.language_results_json)
      .Bind(16, application.choices_json)
      .Bind(17, application.status)
      .Run();
}

void UpdateApplication(Db& db, const ExchangeApplication& application) {
  db.Prepare(
        "UPDATE exchange_applications SET version = ?, updated_at = ?, name_native = ?, "
        "name_latin = ?, student_number = ?, home_department = ?, isced_code = ?, level = ?, "
        "academic_average = ?, average_scale = ?, language_score = ?, language_results = ?, "
        "choices = ?, status = ? WHERE id = ?")
      .Bind(1, application.version)
      .Bind(2, application.updated_at)
      .Bind(3, application.name_native)
      .Bind(4, application.name_latin)
      .Bind(5, application.student_number)
      .Bind(6, application.home_department)
      .Bind(7, application.isced_code)
      .Bind(8, application.level)
      .Bind(9, static_cast<long long>(application.academic_average))
      .Bind(10, static_cast<long long>(application.average_scale))
      .Bind(11, static_cast<long long>(application.language_score))
      .Bind(12, application.language_results_json)
      .Bind(13, application.choices_json)
      .Bind(14, application.status)
      .Bind(15, application.id)
      .Run();
}

void InsertApplicationEvent(Db& db, const ApplicationEvent& event) {
  db.Prepare(
        "INSERT INTO exchange_application_events (id, application_id, kind, at, user_id, "
        "user_email, late, fields, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, event.id)
      .Bind(2, event.application_id)
      .Bind(3, event.kind)
      .Bind(4, event.at)
      .Bind(5, OrNull(event.user_id))
      .Bind(6, event.user_email)
      .Bind(7, event.late ? 1 : 0)
      .Bind(8, event.fields_json)
      .Bind(9, event.reason)
      .Run();
}

std::vector<ApplicationEvent> ListApplicationEvents(Db& db, std::string_view application_id) {
  Stmt select = db.Prepare(
      "SELECT id, application_id, kind, at, user_id, user_email, late, fields, reason "
      "FROM exchange_application_events WHERE application_id = ? ORDER BY at, rowid");
  select.Bind(1, application_id);
  std::vector<ApplicationEvent> events;
  while (select.Step()) {
    events.push_back({.id = select.String(0),
                      .application_id = select.String(1),
                      .kind = select.String(2),
                      .at = select.String(3),
                      .user_id = select.IsNull(4) ? std::string() : select.String(4),
                      .user_email = select.String(5),
                      .late = select.Int(6) != 0,
                      .fields_json = select.String(7),
                      .reason = select.String(8)});
  }
  return events;
}

ApplicationCounts CountApplications(Db& db, std::string_view agreement_id) {
  ApplicationCounts counts;
  {
    Stmt select = db.Prepare(
        "SELECT c.academic_year, c.direction, count(*) FROM exchange_applications a "
        "JOIN exchange_calls c ON c.id = a.call_id WHERE c.agreement_id = ? AND "
        "a.status = 'submitted' GROUP BY c.academic_year, c.direction");
    select.Bind(1, agreement_id);
    while (select.Step()) {
      counts.by_call[{select.String(0), select.String(1)}] = static_cast<int>(select.Int(2));
    }
  }
  Stmt select = db.Prepare(
      "SELECT c.academic_year, c.direction, choice.value, count(*) FROM exchange_applications a "
      "JOIN exchange_calls c ON c.id = a.call_id, json_each(a.choices) AS choice "
      "WHERE c.agreement_id = ? AND a.status = 'submitted' "
      "GROUP BY c.academic_year, c.direction, choice.value");
  select.Bind(1, agreement_id);
  while (select.Step()) {
    counts.by_condition[{select.String(0), select.String(1), select.String(2)}] =
        static_cast<int>(select.Int(3));
  }
  return counts;
}

namespace {

constexpr char kRunColumns[] =
    "id, call_id, created_at, created_by, created_by_email, previous_run_id, seed, formula, "
    "code_version, input, input_hash, result, result_hash, cutoffs, locked_at, locked_by_email";

AllocationRun ReadRun(const Stmt& row) {
  const auto text = [&row](int column) {
    return row.IsNull(column) ? std::string() : row.String(column);
  };
  return {.id = text(0),
          .call_id = text(1),
          .created_at = text(2),
          .created_by = text(3),
          .created_by_email = text(4),
          .previous_run_id = text(5),
          .seed = text(6),
          .formula = text(7),
          .code_version = text(8),
          .input = text(9),
          .input_hash = text(10),
          .result = text(11),
          .result_hash = text(12),
          .cutoffs_json = text(13),
          .locked_at = text(14),
          .locked_by_email = text(15)};
}

}  // namespace

std::optional<AllocationRun> GetRun(Db& db, std::string_view id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kRunColumns +
                           " FROM exchange_allocation_runs WHERE id = ?");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return ReadRun(select);
}

std::vector<AllocationRun> ListRuns(Db& db, std::string_view call_id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kRunColumns +
                           " FROM exchange_allocation_runs WHERE call_id = ? "
                           "ORDER BY created_at, rowid");
  select.Bind(1, call_id);
  std::vector<AllocationRun> runs;
  while (select.Step()) runs.push_back(ReadRun(select));
  return runs;
}

std::optional<AllocationRun> LatestLockedRun(Db& db, std::string_view call_id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kRunColumns +
                           " FROM exchange_allocation_runs WHERE call_id = ? AND locked_at IS "
                           "NOT NULL ORDER BY locked_at DESC, rowid DESC LIMIT 1");
  if (!select.Bind(1, call_id).Step()) return std::nullopt;
  return ReadRun(select);
}

void InsertRun(Db& db, const AllocationRun& run,
               const std::vector<AllocationPlacement>& placements) {
  db.Prepare(std::string("INSERT INTO exchange_allocation_runs (") + kRunColumns +
             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")
      .Bind(1, run.id)
      .Bind(2, run.call_id)
      .Bind(3, run.created_at)
      .Bind(4, OrNull(run.created_by))
      .Bind(5, run.created_by_email)
      .Bind(6, OrNull(run.previous_run_id))
      .Bind(7, run.seed)
      .Bind(8, run.formula)
      .Bind(9, run.code_version)
      .Bind(10, run.input)
      .Bind(11, run.input_hash)
      .Bind(12, run.result)
      .Bind(13, run.result_hash)
      .Bind(14, run.cutoffs_json)
      .Run();
  for (const AllocationPlacement& placement : placements) {
    db.Prepare(
          "INSERT INTO exchange_allocation_placements (run_id, application_id, condition_id, "
          "rank, score, lottery, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .Bind(1, run.id)
        .Bind(2, placement.application_id)
        .Bind(3, OrNull(placement.condition_id))
        .Bind(4, placement.rank)
        .Bind(5, static_cast<long long>(placement.score))
        .Bind(6, placement.lottery)
        .Bind(7, placement.explanation_json)
        .Run();
  }
}

std::vector<AllocationPlacement> ListPlacements(Db& db, std::string_view run_id) {
  Stmt select = db.Prepare(
      "SELECT application_id, condition_id, rank, score, lottery, explanation "
      "FROM exchange_allocation_placements WHERE run_id = ? ORDER BY application_id");
  select.Bind(1, run_id);
  std::vector<AllocationPlacement> placements;
  while (select.Step()) {
    placements.push_back({.application_id = select.String(0),
                          .condition_id = select.IsNull(1) ? std::string() : select.String(1),
                          .rank = static_cast<int>(select.Int(2)),
                          .score = select.Int(3),
                          .lottery = select.String(4),
                          .explanation_json = select.String(5)});
  }
  return placements;
}

void LockRun(Db& db, std::string_view run_id, std::string_view at, std::string_view email) {
  db.Prepare("UPDATE exchange_allocation_runs SET locked_at = ?, locked_by_email = ? WHERE id = ?")
      .Bind(1, at)
      .Bind(2, email)
      .Bind(3, run_id)
      .Run();
}

std::map<std::tuple<std::string, std::string, std::string>, int> CountAllocated(
    Db& db, std::string_view agreement_id) {
  // The latest locked run of each call: the one no later locked run of the call follows.
  Stmt select = db.Prepare(
      "SELECT c.academic_year, c.direction, p.condition_id, count(*) "
      "FROM exchange_calls c JOIN exchange_allocation_runs r ON r.call_id = c.id "
      "JOIN exchange_allocation_placements p ON p.run_id = r.id "
      "WHERE c.agreement_id = ? AND r.locked_at IS NOT NULL AND p.condition_id IS NOT NULL "
      "AND NOT EXISTS (SELECT 1 FROM exchange_allocation_runs later WHERE later.call_id = c.id "
      "AND later.locked_at IS NOT NULL AND (later.locked_at > r.locked_at OR "
      "(later.locked_at = r.locked_at AND later.rowid > r.rowid))) "
      "GROUP BY c.academic_year, c.direction, p.condition_id");
  select.Bind(1, agreement_id);
  std::map<std::tuple<std::string, std::string, std::string>, int> counts;
  while (select.Step()) {
    counts[{select.String(0), select.String(1), select.String(2)}] =
        static_cast<int>(select.Int(3));
  }
  return counts;
}

}  // namespace amity::store
