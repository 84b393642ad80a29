#include "store/proposals.h"

#include <sqlite3.h>

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kColumns[] =
    "id, entity, record_id, owner_instance_id, operation, body, base_version, user_id, "
    "created_at, state, applied_version, problem, attempts, last_error, decided_at";
constexpr char kInsert[] =
    "INSERT INTO federation_outbox (id, entity, record_id, owner_instance_id, operation, body, "
    "base_version, user_id, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')";
constexpr char kDecide[] =
    "UPDATE federation_outbox SET state = ?2, applied_version = ?3, problem = ?4, "
    "decided_at = ?5, attempts = attempts + 1, last_error = NULL WHERE id = ?1 AND state = "
    "'pending'";
constexpr char kAttemptFailed[] =
    "UPDATE federation_outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1 AND "
    "state = 'pending'";
constexpr char kDismiss[] =
    "UPDATE federation_outbox SET state = 'dismissed' WHERE id = ? AND state = 'rejected'";
constexpr char kCounts[] =
    "SELECT IFNULL(SUM(state = 'pending'), 0), IFNULL(SUM(state = 'rejected'), 0) FROM "
    "federation_outbox WHERE owner_instance_id = ?";
constexpr char kReceived[] = "SELECT answer FROM federation_proposals_received WHERE id = ?";
constexpr char kKeepReceived[] =
    "INSERT INTO federation_proposals_received (id, peer_id, entity, record_id, actor, answer, "
    "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

std::optional<std::string> OptionalText(const Stmt& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.String(column);
}

Proposal ReadProposal(const Stmt& row) {
  Proposal proposal{.id = row.String(0),
                    .entity = row.String(1),
                    .record_id = row.String(2),
                    .owner_instance_id = row.String(3),
                    .operation = row.String(4),
                    .body = json::parse(row.Text(5)).as_object(),
                    .base_version = row.Int(6),
                    .user_id = row.String(7),
                    .created_at = row.String(8),
                    .state = row.String(9),
                    .attempts = row.Int(12),
                    .last_error = OptionalText(row, 13),
                    .decided_at = OptionalText(row, 14)};
  if (!row.IsNull(10)) proposal.applied_version = row.Int(10);
  if (!row.IsNull(11)) proposal.problem = json::parse(row.Text(11)).as_object();
  return proposal;
}

std::vector<Proposal> ReadAll(Stmt& select) {
  std::vector<Proposal> proposals;
  while (select.Step()) proposals.push_back(ReadProposal(select));
  return proposals;
}

}  // namespace

void InsertProposal(Db& db, const Proposal& proposal) {
  db.Prepare(kInsert)
      .Bind(1, proposal.id)
      .Bind(2, proposal.entity)
      .Bind(3, proposal.record_id)
      .Bind(4, proposal.owner_instance_id)
      .Bind(5, proposal.operation)
      .Bind(6, json::serialize(proposal.body))
      .Bind(7, proposal.base_version)
      .Bind(8, proposal.user_id)
      .Bind(9, proposal.created_at)
      .Run();
}

std::optional<Proposal> GetProposal(Db& db, std::string_view id) {
  Stmt select =
      db.Prepare(std::string("SELECT ") + kColumns + " FROM federation_outbox WHERE id = ?");
  select.Bind(1, id);
  if (!select.Step()) return std::nullopt;
  return ReadProposal(select);
}

std::vector<Proposal> PendingProposals(Db& db, std::string_view owner_instance_id) {
  Stmt select = db.Prepare(std::string("SELECT ") + kColumns +
                           " FROM federation_outbox WHERE state = 'pending' AND "
                           "owner_instance_id = ? ORDER BY id");
  select.Bind(1, owner_instance_id);
  return ReadAll(select);
}

std::vector<Proposal> ListProposals(Db& db, const ProposalQuery& query) {
  Stmt select = db.Prepare(std::string("SELECT ") + kColumns +
                           " FROM federation_outbox WHERE (?1 IS NULL OR user_id = ?1) AND "
                           "(?2 IS NULL OR state = ?2) AND (?3 IS NULL OR record_id = ?3) "
                           "ORDER BY id DESC LIMIT 500");
  select.Bind(1, query.user_id).Bind(2, query.state).Bind(3, query.record_id);
  return ReadAll(select);
}

ProposalCounts CountProposals(Db& db, std::string_view owner_instance_id) {
  Stmt select = db.Prepare(kCounts);
  select.Bind(1, owner_instance_id);
  ProposalCounts counts;
  if (select.Step()) counts = {select.Int(0), select.Int(1)};
  return counts;
}

void DecideProposal(Db& db, std::string_view id, std::string_view state,
                    std::optional<long long> version, const std::optional<json::object>& problem,
                    std::string_view at) {
  Stmt update = db.Prepare(kDecide);
  update.Bind(1, id).Bind(2, state);
  if (version) {
    update.Bind(3, *version);
  } else {
    update.BindNull(3);
  }
  update.Bind(4, problem ? std::optional<std::string>(json::serialize(*problem)) : std::nullopt);
  update.Bind(5, at).Run();
}

void ProposalAttemptFailed(Db& db, std::string_view id, std::string_view error) {
  db.Prepare(kAttemptFailed).Bind(1, id).Bind(2, error).Run();
}

bool DismissProposal(Db& db, std::string_view id) {
  db.Prepare(kDismiss).Bind(1, id).Run();
  return sqlite3_changes(db.handle()) > 0;
}

std::optional<json::object> ReceivedAnswer(Db& db, std::string_view id) {
  Stmt select = db.Prepare(kReceived);
  select.Bind(1, id);
  if (!select.Step()) return std::nullopt;
  return json::parse(select.Text(0)).as_object();
}

void KeepReceivedAnswer(Db& db, std::string_view id, std::string_view peer_id,
                        std::string_view entity, std::string_view record_id, std::string_view actor,
                        const json::object& answer, std::string_view at) {
  db.Prepare(kKeepReceived)
      .Bind(1, id)
      .Bind(2, peer_id)
      .Bind(3, entity)
      .Bind(4, record_id)
      .Bind(5, actor)
      .Bind(6, json::serialize(answer))
      .Bind(7, at)
      .Run();
}

}  // namespace amity::store
