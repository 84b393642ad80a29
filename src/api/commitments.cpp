// The commitment workflow: status transitions, progress notes and their history.
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "api/validation.h"
#include "domain/commitment_status.h"
#include "http/error.h"
#include "store/changes.h"
#include "store/commitment_history.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

using domain::FieldType;

constexpr domain::FieldSpec kTransitionFields[] = {
    {.name = "to",
     .type = FieldType::kEnum,
     .required = true,
     .values = domain::kCommitmentStatuses},
    {.name = "note", .type = FieldType::kString},
};
constexpr domain::FieldSpec kNoteFields[] = {
    {.name = "note", .type = FieldType::kString, .required = true},
};
constexpr domain::ResourceSpec kTransitionBody{"transitions", "transition", kTransitionFields};
constexpr domain::ResourceSpec kNoteBody{"notes", "note", kNoteFields};

}  // namespace

// In each route the caller's right to change the commitment is settled before its body is
// judged.
http::Response TransitionCommitment(Call& call) {
  store::Tx tx(call.db);
  const json::object current = LoadLiveRecord(call, domain::Commitments());
  RequireEditable(call, domain::Commitments(), current);
  CheckVersion(current, IfMatchVersion(call.request, false));
  const json::object body = ValidBody(call.request, kTransitionBody).fields;
  const std::string to = store::StringMember(body, "to"), note = store::StringMember(body, "note");
  const std::string from = store::StringMember(current, "status");
  if (Problems problems = domain::CheckTransition(from, to, note); !problems.empty()) {
    throw http::HttpError(422, "Transition not allowed", problems);
  }
  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  store::UpdateRecord(call.db, domain::Commitments(), current, json::object{{"status", to}}, write,
                      "transition");
  store::AppendTransition(call.db, current.at("id").as_string(), from, to, note, write);
  http::Response response = RecordResponse(200, call, domain::Commitments(), call.Param("id"));
  tx.Commit();
  return response;
}

http::Response AddCommitmentNote(Call& call) {
  store::Tx tx(call.db);
  const json::object current = LoadLiveRecord(call, domain::Commitments());
  RequireEditable(call, domain::Commitments(), current);
  const json::object body = ValidBody(call.request, kNoteBody).fields;
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
