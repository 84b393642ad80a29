#include "store/council_report.h"

#include <unordered_map>

namespace amity::store {
namespace {

std::string Narrowed(std::string sql, const Condition* visible) {
  if (visible != nullptr) sql += " AND (" + visible->sql + ")";
  return sql;
}

void BindVisible(Stmt& stmt, int index, const Condition* visible) {
  if (visible == nullptr) return;
  for (const std::string& param : visible->params) stmt.Bind(index++, param);
}

std::optional<std::string> OptionalText(const Stmt& stmt, int column) {
  if (stmt.IsNull(column)) return std::nullopt;
  return std::string(stmt.Text(column));
}

// A done or dropped commitment closed at its latest transition to that status. Why a
// commitment slipped is what its owners last wrote: the latest note, from a progress note
// or a transition.
constexpr char kReportCommitmentsSql[] =
    "SELECT id, text, area, status, due_date, created_at,"
    " (SELECT max(h.at) FROM commitment_history h WHERE h.commitment_id = commitments.id"
    "   AND h.kind = 'transition' AND h.to_status = commitments.status),"
    " (SELECT h.note FROM commitment_history h WHERE h.commitment_id = commitments.id"
    "   AND h.note IS NOT NULL AND h.note <> '' ORDER BY h.at DESC, h.id DESC LIMIT 1),"
    " (SELECT max(h.at) FROM commitment_history h WHERE h.commitment_id = commitments.id"
    "   AND h.note IS NOT NULL AND h.note <> ''),"
    " json_array_length(evidence_links)"
    " FROM commitments WHERE partnership_id = ? AND archived = 0";

constexpr char kCommitmentFilesSql[] =
    "SELECT f.holder_id, f.id, f.name FROM files f"
    " WHERE f.holder = 'commitments' AND f.archived = 0 AND (? OR f.personal_data = 0)"
    " AND f.holder_id IN (SELECT id FROM commitments WHERE partnership_id = ?)"
    " ORDER BY f.created_at, f.id";

constexpr char kHeldEventLinksSql[] =
    "SELECT linked.value, count(*) FROM events, json_each(events.commitment_ids) AS linked"
    " WHERE events.partnership_id = ? AND events.archived = 0 AND events.status = 'held'"
    " GROUP BY linked.value";

std::vector<ReportOccasion> Occasions(Db& db, std::string sql, std::string_view partnership_id,
                                      const Condition* visible) {
  Stmt select = db.Prepare(Narrowed(std::move(sql), visible) + " ORDER BY starts_at, id");
  select.Bind(1, partnership_id);
  BindVisible(select, 2, visible);
  std::vector<ReportOccasion> rows;
  while (select.Step()) {
    rows.push_back({.id = std::string(select.Text(0)),
                    .title_json = std::string(select.Text(1)),
                    .kind = std::string(select.Text(2)),
                    .status = std::string(select.Text(3)),
                    .starts_at = std::string(select.Text(4)),
                    .time_zone = std::string(select.Text(5))});
  }
  return rows;
}

}  // namespace

std::vector<ReportCommitment> ReportCommitments(Db& db, std::string_view partnership_id,
                                                const Condition* visible, bool personal_files) {
  std::vector<ReportCommitment> rows;
  std::unordered_map<std::string, size_t> index;
  Stmt select = db.Prepare(Narrowed(kReportCommitmentsSql, visible) + " ORDER BY created_at, id");
  select.Bind(1, partnership_id);
  BindVisible(select, 2, visible);
  while (select.Step()) {
    ReportCommitment row{.id = std::string(select.Text(0)),
                         .text_json = std::string(select.Text(1)),
                         .area = std::string(select.Text(2)),
                         .status = std::string(select.Text(3)),
                         .due_date = OptionalText(select, 4),
                         .created_at = std::string(select.Text(5)),
                         .closed_at = OptionalText(select, 6),
                         .last_note = OptionalText(select, 7),
                         .last_note_at = OptionalText(select, 8),
                         .links = select.Int(9),
                         .files = {}};
    index.emplace(row.id, rows.size());
    rows.push_back(std::move(row));
  }
  Stmt files = db.Prepare(kCommitmentFilesSql);
  files.Bind(1, personal_files ? 1 : 0).Bind(2, partnership_id);
  while (files.Step()) {
    auto found = index.find(std::string(files.Text(0)));
    if (found == index.end()) continue;  // a commitment the caller may not see
    rows[found->second].files.push_back({std::string(files.Text(1)), std::string(files.Text(2))});
  }
  Stmt held = db.Prepare(kHeldEventLinksSql);
  held.Bind(1, partnership_id);
  while (held.Step()) {
    auto found = index.find(std::string(held.Text(0)));
    if (found != index.end()) rows[found->second].held_events = held.Int(1);
  }
  return rows;
}

std::vector<ReportCase> ReportCases(Db& db, std::string_view partnership_id,
                                    const Condition* visible) {
  Stmt select = db.Prepare(Narrowed("SELECT id, visibility, created_at FROM cases"
                                    " WHERE partnership_id = ? AND archived = 0",
                                    visible) +
                           " ORDER BY created_at, id");
  select.Bind(1, partnership_id);
  BindVisible(select, 2, visible);
  std::vector<ReportCase> rows;
  while (select.Step()) {
    rows.push_back({.id = std::string(select.Text(0)),
                    .visibility = std::string(select.Text(1)),
                    .created_at = std::string(select.Text(2))});
  }
  return rows;
}

std::vector<ReportOccasion> ReportMeetings(Db& db, std::string_view partnership_id,
                                           const Condition* visible) {
  return Occasions(db,
                   "SELECT id, title, kind, '', starts_at, time_zone FROM meetings"
                   " WHERE partnership_id = ? AND archived = 0",
                   partnership_id, visible);
}

std::vector<ReportOccasion> ReportEvents(Db& db, std::string_view partnership_id,
                                         const Condition* visible) {
  return Occasions(db,
                   "SELECT id, title, kind, status, starts_at, time_zone FROM events"
                   " WHERE partnership_id = ? AND archived = 0",
                   partnership_id, visible);
}

std::vector<MilestoneFile> MilestoneFiles(Db& db, std::string_view partnership_id,
                                          bool personal_files) {
  Stmt select = db.Prepare(
      "SELECT milestone, id, name FROM files WHERE holder_id = ? AND holder = 'partnerships'"
      " AND archived = 0 AND milestone IS NOT NULL AND (? OR personal_data = 0)"
      " ORDER BY created_at, id");
  select.Bind(1, partnership_id).Bind(2, personal_files ? 1 : 0);
  std::vector<MilestoneFile> rows;
  while (select.Step()) {
    rows.push_back(
        {std::string(select.Text(0)), {std::string(select.Text(1)), std::string(select.Text(2))}});
  }
  return rows;
}

std::optional<Narrative> GetNarrative(Db& db, std::string_view partnership_id, int year) {
  Stmt select = db.Prepare(
      "SELECT narrative, version, updated_at FROM report_narratives"
      " WHERE partnership_id = ? AND year = ?");
  if (!select.Bind(1, partnership_id).Bind(2, year).Step()) return std::nullopt;
  return Narrative{std::string(select.Text(0)), select.Int(1), std::string(select.Text(2))};
}

long long PutNarrative(Db& db, std::string_view partnership_id, int year,
                       std::string_view text_json, std::string_view updated_by,
                       std::string_view now) {
  Stmt upsert = db.Prepare(
      "INSERT INTO report_narratives (partnership_id, year, narrative, version, updated_at,"
      " updated_by) VALUES (?, ?, ?, 1, ?, ?)"
      " ON CONFLICT (partnership_id, year) DO UPDATE SET narrative = excluded.narrative,"
      " version = version + 1, updated_at = excluded.updated_at,"
      " updated_by = excluded.updated_by RETURNING version");
  upsert.Bind(1, partnership_id).Bind(2, year).Bind(3, text_json).Bind(4, now).Bind(5, updated_by);
  upsert.Step();
  return upsert.Int(0);
}

}  // namespace amity::store
