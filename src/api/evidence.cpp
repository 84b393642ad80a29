// A commitment's evidence in one answer: its files, its links and the events linked to it, and
// whether it has enough to be closed (domain::CheckTransition).
#include "store/evidence.h"

#include <boost/json.hpp>

#include "api/access.h"
#include "api/files.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

http::Response CommitmentEvidence(Call& call) {
  const json::object commitment = LoadLiveRecord(call, domain::Commitments());
  const std::string id(commitment.at("id").as_string());
  const std::string partnership(commitment.at("partnership_id").as_string());
  json::array events;
  for (const store::LinkedEvent& linked : store::LinkedEvents(call.db, partnership, id)) {
    const auto event = store::GetRecord(call.db, domain::Events(), linked.id);
    if (!event || !domain::CanSee(call.principal, FactsOf(domain::Events(), *event))) continue;
    events.push_back(json::object{{"id", linked.id},
                                  {"title", event->at("title")},
                                  {"starts_at", event->at("starts_at")},
                                  {"status", event->at("status")},
                                  {"time_zone", event->at("time_zone")}});
  }
  const json::array& links = commitment.at("evidence_links").as_array();
  const domain::Evidence evidence =
      store::CountEvidence(call.db, partnership, id, static_cast<long long>(links.size()));
  return JsonResponse(200,
                      json::object{{"files", VisibleFiles(call, domain::Commitments(), commitment)},
                                   {"links", links},
                                   {"events", std::move(events)},
                                   {"has_evidence", evidence.Any()}});
}

}  // namespace amity::api
