#include "api/proposals.h"

#include <algorithm>

#include "api/access.h"
#include "api/federation.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "api/validation.h"
#include "base/id.h"
#include "domain/commitment_status.h"
#include "http/problem.h"
#include "store/federation.h"
#include "store/proposals.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

// Every kind the feed replicates (one that belongs to a partnership) may be updated and archived
// on a replica; a commitment also moved and noted.
bool Proposable(std::string_view entity, std::string_view operation) {
  if (entity == "commitments" && (operation == "transition" || operation == "note")) return true;
  const domain::ResourceSpec* spec = domain::FindResource(entity);
  return spec != nullptr && !domain::PartnershipColumn(*spec).empty() &&
         (operation == "update" || operation == "archive");
}

namespace {

bool Bound(const store::Peer& peer, std::string_view partnership) {
  const std::vector<std::string> ids = PeerPartnerships(peer);
  return !partnership.empty() && std::ranges::find(ids, partnership) != ids.end();
}

json::value OrNull(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

json::object ProposalJson(const store::Proposal& proposal) {
  return {{"id", proposal.id},
          {"entity", proposal.entity},
          {"record_id", proposal.record_id},
          {"owner_instance_id", proposal.owner_instance_id},
          {"operation", proposal.operation},
          {"body", proposal.body},
          {"base_version", proposal.base_version},
          {"user_id", proposal.user_id},
          {"created_at", proposal.created_at},
          {"state", proposal.state},
          {"applied_version", proposal.applied_version ? json::value(*proposal.applied_version)
                                                       : json::value(nullptr)},
          {"problem", proposal.problem ? json::value(*proposal.problem) : json::value(nullptr)},
          {"attempts", proposal.attempts},
          {"last_error", OrNull(proposal.last_error)},
          {"decided_at", OrNull(proposal.decided_at)}};
}

[[noreturn]] void Invalid(std::string field, std::string message) {
  throw http::HttpError(422, "Invalid proposal",
                        {{std::move(field), "invalid", std::move(message)}});
}

std::string RequiredString(const json::object& body, std::string_view name) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr || !value->is_string() || value->as_string().empty() ||
      value->as_string().size() > 200) {
    Invalid(std::string(name), std::string(name) + " is required: a string of 1-200 characters");
  }
  return std::string(value->as_string());
}

// The method of the local API's route that makes `operation`.
std::string_view LocalMethod(std::string_view operation) {
  return operation == "update" ? "PATCH" : operation == "archive" ? "DELETE" : "POST";
}

// The route of the local API that makes `operation` on `entity`.
const Route& LocalRoute(std::string_view entity, std::string_view operation) {
  const std::string pattern = operation == "transition" ? "/api/v1/commitments/{id}/transitions"
                              : operation == "note"     ? "/api/v1/commitments/{id}/notes"
                                                    : "/api/v1/" + std::string(entity) + "/{id}";
  const std::string_view method = LocalMethod(operation);
  for (const Route& route : Routes()) {
    if (route.method == method && route.pattern == pattern) return route;
  }
  throw std::logic_error("no local route for " + pattern);
}

json::object Rejected(std::string_view id, const http::HttpError& error) {
  return {{"id", id},
          {"state", "rejected"},
          {"problem", json::parse(http::ProblemResponse(error).body).as_object()}};
}

// Applies a proposal as the local API would for `principal`, in a savepoint of the caller's
// transaction: the answer to keep, applied or rejected.
json::object Apply(Call& call, const json::object& message, const domain::Principal& principal) {
  const std::string id(message.at("id").as_string());
  const std::string entity(message.at("entity").as_string());
  const std::string record_id(message.at("record_id").as_string());
  const std::string operation(message.at("operation").as_string());
  const long long base_version = message.at("base_version").as_int64();
  http::Request request;
  request.method = LocalMethod(operation);
  request.path = "/api/v1/" + entity + "/" + record_id;
  request.id = call.request.id;
  request.remote_address = call.request.remote_address;
  // An update must be made on the current version, as a local PATCH, and so must an archive whose
  // maker gave If-Match; a transition or a note is judged by the commitment's workflow as it is
  // now, as locally without If-Match.
  const json::object& body = message.at("body").as_object();
  const json::value* checked = body.if_contains("if_match");
  if (operation == "update" || (checked != nullptr && checked->is_bool() && checked->as_bool())) {
    request.headers.emplace_back("If-Match", "\"" + std::to_string(base_version) + "\"");
  }
  if (operation != "archive") request.SetJsonBody(json::serialize(body));
  const http::Params params{{"id", record_id}};
  const Route& route = LocalRoute(entity, operation);
  Call local{request, params, route, call.db, call.context, call.now, principal, true, ""};
  try {
    store::Tx tx(call.db);
    const http::Response response = route.handler(local);
    tx.Commit();
    const auto record = store::GetRecord(call.db, *domain::FindResource(entity), record_id);
    return {{"id", id}, {"state", "applied"}, {"version", record->at("version")}};
  } catch (const http::HttpError& error) {
    return Rejected(id, error);
  }
}

}  // namespace

std::optional<http::Response> ProposeIfReplica(Call& call, const domain::ResourceSpec& spec,
                                               const json::object& current,
                                               std::string_view operation) {
  const std::string owner(store::StringMember(current, "instance_id"));
  if (owner.empty() || owner == call.context.instance_id) return std::nullopt;
  // The caller must be one who could make the change to a record owned here.
  const domain::RecordFacts facts = FactsOf(call, spec, current);
  const bool archive = operation == "archive";
  if (!(archive ? domain::CanArchive(call.principal, facts)
                : domain::CanEdit(call.principal, facts)) ||
      call.principal.user_id.empty()) {
    ForbidRole(
        call.principal, "",
        (archive ? "may not archive this " : "may not change this ") + std::string(spec.singular));
  }
  const std::optional<store::Peer> peer = store::FindPeerByInstance(call.db, owner);
  if (!Proposable(spec.name, operation) || !peer || peer->state != "active" ||
      !Bound(*peer, facts.partnership_id)) {
    RequireOwnedHere(call, spec, current);  // read-only here: 409 owned_elsewhere
  }
  const long long base = IfMatchVersion(call.request, operation == "update");
  CheckVersion(current, base);
  json::object body;
  if (operation == "update") {
    body = ParseBody(call.request);
    Validated input = ValidateFields(spec, body, Mode::kPatch);
    if (!input.problems.empty()) {
      throw http::HttpError(StatusFor(input.problems), "Invalid " + std::string(spec.singular),
                            input.problems);
    }
  } else if (archive) {
    // Archived on the version the maker saw only when it said which (If-Match), as locally.
    if (base > 0) body["if_match"] = true;
  } else {
    body = ParseBody(call.request);
    ValidBody(call.request,
              operation == "transition" ? domain::TransitionBody() : domain::NoteBody());
  }
  store::Proposal proposal{.id = NewId(),
                           .entity = std::string(spec.name),
                           .record_id = std::string(current.at("id").as_string()),
                           .owner_instance_id = owner,
                           .operation = std::string(operation),
                           .body = std::move(body),
                           .base_version = base > 0 ? base : current.at("version").as_int64(),
                           .user_id = call.principal.user_id,
                           .created_at = FormatInstant(call.now),
                           .state = "pending",
                           .applied_version = std::nullopt,
                           .problem = std::nullopt,
                           .attempts = 0,
                           .last_error = std::nullopt,
                           .decided_at = std::nullopt};
  store::InsertProposal(call.db, proposal);
  return JsonResponse(202, ProposalJson(proposal));
}

http::Response ListProposalsHandler(Call& call) {
  store::ProposalQuery query;
  if (!domain::IsAdmin(call.principal)) query.user_id = call.principal.user_id;
  for (const auto& [name, value] : call.request.query) {
    if (name == "state") query.state = value;
    if (name == "record_id") query.record_id = value;
  }
  json::array items;
  for (const store::Proposal& proposal : store::ListProposals(call.db, query)) {
    items.push_back(ProposalJson(proposal));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response DismissProposalHandler(Call& call) {
  const std::string_view id = call.Param("id");
  RequireUuid(id, "proposal");
  store::Tx tx(call.db);
  const std::optional<store::Proposal> proposal = store::GetProposal(call.db, id);
  if (!proposal ||
      (!domain::IsAdmin(call.principal) && proposal->user_id != call.principal.user_id)) {
    NotFound("proposal");
  }
  if (!store::DismissProposal(call.db, id)) {
    throw http::HttpError(409, "Conflict",
                          {{"state", "not_rejected",
                            "only a refused proposal can be dismissed; "
                            "this one is " +
                                proposal->state}});
  }
  tx.Commit();
  return JsonResponse(200, ProposalJson(*store::GetProposal(call.db, id)));
}

http::Response PeerProposal(Call& call) {
  const store::Peer peer = VerifyPeerRequest(call);
  const json::object message = ParseBody(call.request);
  const std::string id = RequiredString(message, "id");
  if (!IsUuid(id)) Invalid("id", "id is the proposal's UUID");
  const std::string entity = RequiredString(message, "entity");
  const std::string record_id = RequiredString(message, "record_id");
  if (!IsUuid(record_id)) Invalid("record_id", "record_id is the record's UUID");
  const std::string operation = RequiredString(message, "operation");
  if (!Proposable(entity, operation)) {
    Invalid("operation",
            "proposals are updates and archives of records of a partnership, and transitions and "
            "notes of commitments");
  }
  const json::value* base = message.if_contains("base_version");
  if (base == nullptr || !base->is_int64() || base->as_int64() < 1) {
    Invalid("base_version", "base_version is the version the change was made on (>= 1)");
  }
  const json::value* body = message.if_contains("body");
  if (body == nullptr || !body->is_object()) Invalid("body", "body is the change, an object");
  if (const json::value* checked = body->as_object().if_contains("if_match");
      operation == "archive" && checked != nullptr && !checked->is_bool()) {
    Invalid("body", "an archive's if_match is true or false");
  }
  const std::string actor = RequiredString(message, "actor");

  store::Tx tx(call.db);
  if (std::optional<json::object> answer = store::ReceivedAnswer(call.db, id)) {
    return JsonResponse(200, *answer);  // a resent proposal: the same answer, applied once
  }
  json::object answer;
  const domain::ResourceSpec& spec = *domain::FindResource(entity);
  const auto record = store::GetRecord(call.db, spec, record_id);
  if (!record || record->at("archived").as_bool() ||
      store::StringMember(*record, "instance_id") != call.context.instance_id) {
    answer = Rejected(id, http::HttpError(404, "Not found",
                                          {{"record_id", "not_found",
                                            "no such " + std::string(spec.singular) +
                                                " is owned by this instance"}}));
  } else if (const std::string partnership(
                 store::StringMember(*record, domain::PartnershipColumn(spec)));
             !Bound(peer, partnership)) {
    answer = Rejected(id, http::HttpError(403, "Forbidden",
                                          {{"partnership_id", "forbidden",
                                            "this instance is not paired with yours for the "
                                            "record's partnership"}}));
  } else {
    // Checked as a partner user of the peer's partnerships would be, through the local route.
    domain::Principal principal;
    principal.user_id = actor;
    principal.email = actor;
    principal.role = domain::Role::kPartner;
    principal.partnerships = PeerPartnerships(peer);
    answer = Apply(call, message, principal);
  }
  store::KeepReceivedAnswer(call.db, id, peer.id, entity, record_id, actor, answer,
                            FormatInstant(call.now));
  tx.Commit();
  return JsonResponse(200, answer);
}

}  // namespace amity::api
