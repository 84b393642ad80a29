// The access rules of domain/access.h applied to requests: facts gathered from stored records,
// the SQL condition that keeps lists to what the caller may see, and the 404/403 answers.
// A record the caller may not see answers 404 exactly like a missing one.
#pragma once

#include <boost/json.hpp>

#include "api/api.h"
#include "domain/access.h"
#include "store/records.h"

namespace amity::api {

// The facts the rules need about `record` (a record of `spec` as stored).
domain::RecordFacts FactsOf(const domain::ResourceSpec& spec, const boost::json::object& record);

// The facts with what only the database tells: a fair's record's partnership (its event's) and,
// for a partner user, whether an organization is of its partner city. RequireVisible,
// RequireEditable and the generic record handlers judge by these.
domain::RecordFacts FactsOf(const Call& call, const domain::ResourceSpec& spec,
                            const boost::json::object& record);

// A list condition keeping rows of `spec` to those `principal` may see; nullopt when it sees
// every row. `partnership_column` names the column holding the partnership (default: derived
// from the resource).
std::optional<store::Condition> VisibleCondition(const domain::Principal& principal,
                                                 const domain::ResourceSpec& spec);

// Throws the 404 of a missing record unless the caller may see `record`.
void RequireVisible(const Call& call, const domain::ResourceSpec& spec,
                    const boost::json::object& record);

// Throws 403 unless the caller may change `record` (after RequireVisible).
void RequireEditable(const Call& call, const domain::ResourceSpec& spec,
                     const boost::json::object& record);

// Throws 409 `owned_elsewhere` when `record` is a replica of a record another instance owns
// (docs/FEDERATION.md): it is read-only here. RequireEditable checks it too.
void RequireOwnedHere(const Call& call, const domain::ResourceSpec& spec,
                      const boost::json::object& record);

// Throws 403 naming `field` with `message`.
[[noreturn]] void Forbid(std::string field, std::string message);

// Throws 403 naming `field`: "your role (<role>) <what>", e.g. what = "may not archive this event".
[[noreturn]] void ForbidRole(const domain::Principal& principal, std::string field,
                             std::string_view what);

}  // namespace amity::api
