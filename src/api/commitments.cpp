// The commitment workflow: status transitions, progress notes and their history.
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/proposals.h"
#include "api/responses.h"
#include "api/validation.h"
#include "domain/commitment_status.h"
#include "http/error.h"
#include "store/changes.h"
#include "store/commitment_history.h"
#include "store/evidence.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

// In each route the caller's right to change the commitment is settled before its body is
// judged. On a replica the change is proposed to the owning instance instead (api/proposals.h).
http::Response TransitionCommitment(Call& call) {
  store::Tx tx(call.db);
  const json::object current = LoadLiveRecord(call, domain::Commitments());
  if (auto proposed = ProposeIfReplica(call, domain::Commitments(), current, "transition")) {
    tx.Commit();
    return std::move(*proposed);
  }
  RequireEditable(call, domain::Commitments(), current);
  CheckVersion(current, IfMatchVersion(call.request, false));
  const json::object body = ValidBody(call.request, domain::TransitionBody()).fields;
  const std::string to = store::StringMember(body, "to"), note = store::StringMember(body, "note");
  const std::string from = store::StringMember(current, "status");
  // A link sent with the move joins the commitment's evidence in the same step.
  json::array links = current.at("evidence_links").as_array();
  if (const json::value* link = body.if_contains("evidence_link"); link && link->is_object()) {
    links.push_back(*link);
  }
  const domain::Evidence evidence =
      to == "done"
          ? store::CountEvidence(call.db, current.at("partnership_id").as_string(),
                                 current.at("id").as_string(), static_cast<long long>(links.size()))
          : domain::Evidence{};
  if (Problems problems = domain::CheckTransition(from, to, note, evidence); !problems.empty()) {
    throw http::HttpError(422, "Transition not allowed", problems);
  }
  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  json::object changes{{"status", to}};
  if (links.size() != current.at("evidence_links").as_array().size()) {
    changes["evidence_links"] = std::move(links);
  }
  store::UpdateRecord(call.db, domain::Commitments(), current, changes, write, "transition");
  store::AppendTransition(call.db, current.at("id").as_string(), from, to, note, write);
  http::Response response = RecordResponse(200, call, domain::Commitments(), call.Param("id"));
  tx.Commit();
  return response;
}

http::Response AddCommitmentNote(Call& call) {
  store::Tx tx(call.db);
  const json::object current = LoadLiveRecord(call, domain::Commitments());
  if (auto proposed = ProposeIfReplica(call, domain::Commitments(), current, "note")) {
    tx.Commit();
    return std::move(*proposed);
  }
  RequireEditable(call, domain::Commitments(), current);
  const json::object body = ValidBody(call.request, domain::NoteBody()).fields;
  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  json::object entry = store::AppendNote(call.db, current.at("id").as_string(),
                                         store::StringMember(body, "note"), write);
  tx.Commit();
  return JsonResponse(201, entry);
}

// A caller who does not see every record sees the history only after the last change that
// widened who sees the commitment (as its change trail, api/users.cpp): what was noted before was
// noted for a narrower audience.
http::Response CommitmentHistory(Call& call) {
  const json::object current = LoadLiveRecord(call, domain::Commitments());
  const std::string id(current.at("id").as_string());
  std::optional<std::string> after;
  if (!domain::SeesEverything(call.principal)) {
    if (auto widening = store::LastWidening(call.db, "commitments", id)) {
      after = std::move(widening->at);
    }
  }
  return JsonResponse(200, json::object{{"items", store::ListHistory(call.db, id, after)}});
}

}  // namespace amity::api
