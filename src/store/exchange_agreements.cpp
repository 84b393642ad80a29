#include "store/exchange_agreements.h"

namespace amity::store {
namespace {

constexpr char kAgreementColumns[] =
    "id, version, created_at, updated_at, created_by, partnership_id, home_institution_id, "
    "partner_institution_id, first_year, last_year, state, visibility, content_hash";

constexpr char kSelectConditions[] =
    "SELECT id, direction, host_department, isced_code, level, seats_per_year, "
    "months_per_student, language, min_cefr, extra_requirements FROM exchange_conditions "
    "WHERE agreement_id = ? AND removed_at IS NULL ORDER BY position";

constexpr char kUpsertCondition[] =
    "INSERT INTO exchange_conditions (id, agreement_id, position, direction, host_department, "
    "isced_code, level, seats_per_year, months_per_student, language, min_cefr, "
    "extra_requirements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, direction = excluded.direction, "
    "host_department = excluded.host_department, isced_code = excluded.isced_code, "
    "level = excluded.level, seats_per_year = excluded.seats_per_year, "
    "months_per_student = excluded.months_per_student, language = excluded.language, "
    "min_cefr = excluded.min_cefr, extra_requirements = excluded.extra_requirements, "
    "removed_at = NULL";

ExchangeAgreement ReadAgreement(const Stmt& row) {
  ExchangeAgreement agreement;
  agreement.id = row.Text(0);
  agreement.version = row.Int(1);
  agreement.created_at = row.Text(2);
  agreement.updated_at = row.Text(3);
  if (!row.IsNull(4)) agreement.created_by = row.Text(4);
  agreement.content.partnership_id = row.Text(5);
  agreement.content.home_institution_id = row.Text(6);
  agreement.content.partner_institution_id = row.Text(7);
  agreement.content.first_year = row.Text(8);
  agreement.content.last_year = row.Text(9);
  agreement.state = row.Text(10);
  agreement.visibility = row.Text(11);
  agreement.content_hash = row.Text(12);
  return agreement;
}

void ReadConditions(Db& db, ExchangeAgreement& agreement) {
  Stmt select = db.Prepare(kSelectConditions);
  select.Bind(1, agreement.id);
  while (select.Step()) {
    agreement.content.conditions.push_back({.id = std::string(select.Text(0)),
                                            .direction = std::string(select.Text(1)),
                                            .host_department = std::string(select.Text(2)),
                                            .isced_code = std::string(select.Text(3)),
                                            .level = std::string(select.Text(4)),
                                            .seats_per_year = static_cast<int>(select.Int(5)),
                                            .months_per_student = static_cast<int>(select.Int(6)),
                                            .language = std::string(select.Text(7)),
                                            .min_cefr = std::string(select.Text(8)),
                                            .extra_requirements = std::string(select.Text(9))});
  }
}

void WriteConditions(Db& db, const ExchangeAgreement& agreement) {
  for (size_t i = 0; i < agreement.content.conditions.size(); ++i) {
    const domain::ExchangeCondition& condition = agreement.content.conditions[i];
    db.Prepare(kUpsertCondition)
        .Bind(1, condition.id)
        .Bind(2, agreement.id)
        .Bind(3, static_cast<long long>(i))
        .Bind(4, condition.direction)
        .Bind(5, condition.host_department)
        .Bind(6, condition.isced_code)
        .Bind(7, condition.level)
        .Bind(8, condition.seats_per_year)
        .Bind(9, condition.months_per_student)
        .Bind(10, condition.language)
        .Bind(11, condition.min_cefr)
        .Bind(12, condition.extra_requirements)
        .Run();
  }
}

}  // namespace

std::optional<ExchangeAgreement> GetAgreement(Db& db, std::string_view id) {
  std::optional<ExchangeAgreement> agreement;
  {
    Stmt select = db.Prepare(std::string("SELECT ") + kAgreementColumns +
                             " FROM exchange_agreements WHERE id = ?");
    if (!select.Bind(1, id).Step()) return std::nullopt;
    agreement = ReadAgreement(select);
  }
  ReadConditions(db, *agreement);
  return agreement;
}

std::vector<ExchangeAgreement> ListAgreements(Db& db, std::optional<std::string> partnership_id,
                                              std::optional<std::string> partner_user_id) {
  std::string sql = std::string("SELECT ") + kAgreementColumns +
                    " FROM exchange_agreements WHERE (?1 IS NULL OR partnership_id = ?1) AND "
                    "(?2 IS NULL OR (visibility = 'shared' AND partnership_id IN (SELECT "
                    "partnership_id FROM user_partnerships WHERE user_id = ?2))) "
                    "ORDER BY created_at, id";
  std::vector<ExchangeAgreement> agreements;
  {
    Stmt select = db.Prepare(sql);
    select.Bind(1, partnership_id).Bind(2, partner_user_id);
    while (select.Step()) agreements.push_back(ReadAgreement(select));
  }
  for (ExchangeAgreement& agreement : agreements) ReadConditions(db, agreement);
  return agreements;
}

void InsertAgreement(Db& db, const ExchangeAgreement& agreement) {
  const domain::AgreementContent& content = agreement.content;
  db.Prepare(
        "INSERT INTO exchange_agreements (id, version, created_at, updated_at, created_by, "
        "partnership_id, home_institution_id, partner_institution_id, first_year, last_year, "
        "state, visibility, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, agreement.id)
      .Bind(2, agreement.version)
      .Bind(3, agreement.created_at)
      .Bind(4, agreement.updated_at)
      .Bind(5, agreement.created_by.empty() ? std::optional<std::string>()
                                            : std::optional<std::string>(agreement.created_by))
      .Bind(6, content.partnership_id)
      .Bind(7, content.home_institution_id)
      .Bind(8, content.partner_institution_id)
      .Bind(9, content.first_year)
      .Bind(10, content.last_year)
      .Bind(11, agreement.state)
      .Bind(12, agreement.visibility)
      .Bind(13, agreement.content_hash)
      .Run();
  WriteConditions(db, agreement);
}

void UpdateAgreement(Db& db, const ExchangeAgreement& agreement) {
  const domain::AgreementContent& content = agreement.content;
  db.Prepare(
        "UPDATE exchange_agreements SET version = ?, updated_at = ?, home_institution_id = ?, "
        "partner_institution_id = ?, first_year = ?, last_year = ?, state = ?, visibility = ?, "
        "content_hash = ? WHERE id = ?")
      .Bind(1, agreement.version)
      .Bind(2, agreement.updated_at)
      .Bind(3, content.home_institution_id)
      .Bind(4, content.partner_institution_id)
      .Bind(5, content.first_year)
      .Bind(6, content.last_year)
      .Bind(7, agreement.state)
      .Bind(8, agreement.visibility)
      .Bind(9, agreement.content_hash)
      .Bind(10, agreement.id)
      .Run();
  // Everything live is taken out, then what is listed is put back (an upsert clears
  // removed_at), so the conditions left out keep their rows with the time they went.
  db.Prepare(
        "UPDATE exchange_conditions SET removed_at = ? WHERE agreement_id = ? AND removed_at IS "
        "NULL")
      .Bind(1, agreement.updated_at)
      .Bind(2, agreement.id)
      .Run();
  WriteConditions(db, agreement);
}

std::vector<AgreementApproval> ListApprovals(Db& db, std::string_view agreement_id) {
  Stmt select = db.Prepare(
      "SELECT id, agreement_id, side, user_id, user_email, approved_at, content_hash, content, "
      "superseded_at FROM exchange_agreement_approvals WHERE agreement_id = ? "
      "ORDER BY approved_at, id");
  select.Bind(1, agreement_id);
  std::vector<AgreementApproval> approvals;
  while (select.Step()) {
    AgreementApproval approval{.id = std::string(select.Text(0)),
                               .agreement_id = std::string(select.Text(1)),
                               .side = std::string(select.Text(2)),
                               .user_id = std::string(select.Text(3)),
                               .user_email = std::string(select.Text(4)),
                               .approved_at = std::string(select.Text(5)),
                               .content_hash = std::string(select.Text(6)),
                               .content = std::string(select.Text(7))};
    if (!select.IsNull(8)) approval.superseded_at = std::string(select.Text(8));
    approvals.push_back(std::move(approval));
  }
  return approvals;
}

void InsertApproval(Db& db, const AgreementApproval& approval) {
  db.Prepare(
        "INSERT INTO exchange_agreement_approvals (id, agreement_id, side, user_id, user_email, "
        "approved_at, content_hash, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, approval.id)
      .Bind(2, approval.agreement_id)
      .Bind(3, approval.side)
      .Bind(4, approval.user_id)
      .Bind(5, approval.user_email)
      .Bind(6, approval.approved_at)
      .Bind(7, approval.content_hash)
      .Bind(8, approval.content)
      .Run();
}

void SupersedeApprovals(Db& db, std::string_view agreement_id, std::string_view now) {
  db.Prepare(
        "UPDATE exchange_agreement_approvals SET superseded_at = ? WHERE agreement_id = ? AND "
        "superseded_at IS NULL")
      .Bind(1, now)
      .Bind(2, agreement_id)
      .Run();
}

bool HasLiveCondition(Db& db, std::string_view agreement_id, std::string_view condition_id) {
  Stmt select = db.Prepare(
      "SELECT 1 FROM exchange_conditions WHERE id = ? AND agreement_id = ? AND removed_at IS "
      "NULL");
  return select.Bind(1, condition_id).Bind(2, agreement_id).Step();
}

}  // namespace amity::store
