// Changes proposed across servers (migration 0037, docs/FEDERATION.md "Proposals"): the outbox
// of changes made here to replicas, waiting to be sent to the owning instance, and the owner's
// record of each proposal it decided, so that a resent proposal gets the same answer.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace amity::store {

// One change proposed here to a record another instance owns.
struct Proposal {
  std::string id;  // UUIDv7: also orders the outbox
  std::string entity;
  std::string record_id;
  std::string owner_instance_id;
  std::string operation;  // update | archive | transition | note
  boost::json::object body;
  long long base_version = 0;
  std::string user_id;  // this instance's user who made it
  std::string created_at;
  std::string state = "pending";  // pending | applied | rejected | dismissed
  std::optional<long long> applied_version;
  std::optional<boost::json::object> problem;  // the owner's refusal (RFC 9457)
  long long attempts = 0;
  std::optional<std::string> last_error;
  std::optional<std::string> decided_at;
};

// Adds `proposal` to the outbox (inside the caller's transaction).
void InsertProposal(Db& db, const Proposal& proposal);

// Proposal `id`; nullopt when there is none.
std::optional<Proposal> GetProposal(Db& db, std::string_view id);

// The pending proposals for `owner_instance_id`, oldest first.
std::vector<Proposal> PendingProposals(Db& db, std::string_view owner_instance_id);

struct ProposalQuery {
  std::optional<std::string> user_id;    // only this user's (nullopt: everyone's)
  std::optional<std::string> state;      // only in this state
  std::optional<std::string> record_id;  // only for this record
};
// The proposals `query` selects, newest first (at most 500).
std::vector<Proposal> ListProposals(Db& db, const ProposalQuery& query);

// Counts of pending and rejected proposals for `owner_instance_id`.
struct ProposalCounts {
  long long pending = 0;
  long long rejected = 0;
};
ProposalCounts CountProposals(Db& db, std::string_view owner_instance_id);

// Records the owner's decision on pending proposal `id`: applied at `version`, or rejected with
// `problem`. A proposal no longer pending is left unchanged.
void DecideProposal(Db& db, std::string_view id, std::string_view state,
                    std::optional<long long> version,
                    const std::optional<boost::json::object>& problem, std::string_view at);

// Counts a failed attempt to send pending proposal `id`, with `error`.
void ProposalAttemptFailed(Db& db, std::string_view id, std::string_view error);

// Marks rejected proposal `id` dismissed; false when it is not rejected.
bool DismissProposal(Db& db, std::string_view id);

// The owner's side: the answer given to proposal `id` when it was decided; nullopt when unseen.
std::optional<boost::json::object> ReceivedAnswer(Db& db, std::string_view id);

// Keeps `answer` as the decision on proposal `id` from peer `peer_id` (in the transaction that
// applied it, if it did).
void KeepReceivedAnswer(Db& db, std::string_view id, std::string_view peer_id,
                        std::string_view entity, std::string_view record_id, std::string_view actor,
                        const boost::json::object& answer, std::string_view at);

}  // namespace amity::store
