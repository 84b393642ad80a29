// Changes made here to replicas, proposed to the instance that owns the record
// (docs/FEDERATION.md, "Proposals"). On the replica's side a permitted update or archive (of any
// record of a partnership) or a commitment's transition or note is kept in the outbox and
// answered 202; the sync worker sends it. On the owner's side
// POST /federation/v1/proposals applies it through the same handlers as a local change, as a
// partner user of the sending peer's partnerships.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string_view>

#include "api/api.h"

namespace amity::api {

// True when `operation` (update, archive, transition, note) on a replica of `entity` is proposed
// to its owner: updates and archives of every kind that belongs to a partnership (the kinds the
// feed replicates), transitions and notes of commitments.
bool Proposable(std::string_view entity, std::string_view operation);

// When `current` (a live record of `spec` the caller sees) is a replica another instance owns:
// checks that the caller may change (archive) it here (403 otherwise), that the owner is an
// active peer bound to its partnership (else the 409 owned_elsewhere of a read-only replica), the
// If-Match version (required for an update, optional otherwise) and the body's shape for
// `operation` (update, archive, transition or note; 400/422), then keeps the proposal in the outbox
// inside the caller's transaction and returns the 202 answer. Returns nullopt for a record owned
// here.
std::optional<http::Response> ProposeIfReplica(Call& call, const domain::ResourceSpec& spec,
                                               const boost::json::object& current,
                                               std::string_view operation);

http::Response ListProposalsHandler(Call& call);    // GET /api/v1/federation/proposals
http::Response DismissProposalHandler(Call& call);  // POST …/proposals/{id}/dismiss
http::Response PeerProposal(Call& call);            // POST /federation/v1/proposals

}  // namespace amity::api
