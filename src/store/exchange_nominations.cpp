#include "store/exchange_nominations.h"

namespace amity::store {
namespace {

constexpr char kColumns[] =
    "id, run_id, call_id, agreement_id, application_id, condition_id, academic_year, direction, "
    "host_institution_id, host_department, name_native, name_latin, home_institution_id, "
    "home_department, isced_code, level, months, language, language_level, sent_at, "
    "sent_by_email, status, decided_at, decided_by_email, reason";

ExchangeNomination Read(const Stmt& row) {
  ExchangeNomination n;
  n.id = row.String(0);
  n.run_id = row.String(1);
  n.call_id = row.String(2);
  n.agreement_id = row.String(3);
  n.application_id = row.String(4);
  n.condition_id = row.String(5);
  n.academic_year = row.String(6);
  n.direction = row.String(7);
  n.host_institution_id = row.String(8);
  n.host_department = row.String(9);
  n.name_native = row.String(10);
  n.name_latin = row.String(11);
  n.home_institution_id = row.String(12);
  n.home_department = row.String(13);
  n.isced_code = row.String(14);
  n.level = row.String(15);
  n.months = static_cast<int>(row.Int(16));
  n.language = row.String(17);
  n.language_level = row.String(18);
  n.sent_at = row.String(19);
  n.sent_by_email = row.String(20);
  n.status = row.String(21);
  if (!row.IsNull(22)) n.decided_at = row.String(22);
  if (!row.IsNull(23)) n.decided_by_email = row.String(23);
  n.reason = row.String(24);
  return n;
}

std::optional<std::string> OrNull(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::vector<ExchangeNomination> List(Db& db, const std::string& where, std::string_view key) {
  Stmt select =
      db.Prepare(std::string("SELECT ") + kColumns + " FROM exchange_nominations " + where);
  select.Bind(1, key);
  std::vector<ExchangeNomination> out;
  while (select.Step()) out.push_back(Read(select));
  return out;
}

}  // namespace

std::optional<ExchangeNomination> GetNomination(Db& db, std::string_view id) {
  Stmt select =
      db.Prepare(std::string("SELECT ") + kColumns + " FROM exchange_nominations WHERE id = ?");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return Read(select);
}

std::vector<ExchangeNomination> ListRunNominations(Db& db, std::string_view run_id) {
  return List(db, "WHERE run_id = ? ORDER BY name_latin, id", run_id);
}

std::vector<ExchangeNomination> ListAgreementNominations(Db& db, std::string_view agreement_id) {
  return List(db, "WHERE agreement_id = ? ORDER BY academic_year, direction, name_latin, id",
              agreement_id);
}

void InsertNomination(Db& db, const ExchangeNomination& n) {
  db.Prepare(std::string("INSERT INTO exchange_nominations (") + kColumns +
             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, n.id)
      .Bind(2, n.run_id)
      .Bind(3, n.call_id)
      .Bind(4, n.agreement_id)
      .Bind(5, n.application_id)
      .Bind(6, n.condition_id)
      .Bind(7, n.academic_year)
      .Bind(8, n.direction)
      .Bind(9, n.host_institution_id)
      .Bind(10, n.host_department)
      .Bind(11, n.name_native)
      .Bind(12, n.name_latin)
      .Bind(13, n.home_institution_id)
      .Bind(14, n.home_department)
      .Bind(15, n.isced_code)
      .Bind(16, n.level)
      .Bind(17, n.months)
      .Bind(18, n.language)
      .Bind(19, n.language_level)
      .Bind(20, n.sent_at)
      .Bind(21, n.sent_by_email)
      .Bind(22, n.status)
      .Bind(23, OrNull(n.decided_at))
      .Bind(24, OrNull(n.decided_by_email))
      .Bind(25, n.reason)
      .Run();
}

void DecideNomination(Db& db, const ExchangeNomination& n) {
  db.Prepare(
        "UPDATE exchange_nominations SET status = ?, decided_at = ?, decided_by_email = ?, "
        "reason = ? WHERE id = ?")
      .Bind(1, n.status)
      .Bind(2, OrNull(n.decided_at))
      .Bind(3, OrNull(n.decided_by_email))
      .Bind(4, n.reason)
      .Bind(5, n.id)
      .Run();
}

DecisionCounts CountDecisions(Db& db, std::string_view agreement_id) {
  Stmt select = db.Prepare(
      "SELECT academic_year, direction, condition_id, status, count(*) FROM exchange_nominations "
      "WHERE agreement_id = ? AND (status = 'accepted' OR status = 'rejected') "
      "GROUP BY academic_year, direction, condition_id, status");
  select.Bind(1, agreement_id);
  DecisionCounts counts;
  while (select.Step()) {
    auto key = std::tuple(select.String(0), select.String(1), select.String(2));
    (select.String(3) == "accepted" ? counts.accepted : counts.rejected)[key] =
        static_cast<int>(select.Int(4));
  }
  return counts;
}

}  // namespace amity::store
