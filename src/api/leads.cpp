// A trade lead's workflow: POST /leads/{id}/transitions moves it along domain/lead.h's steps,
// recording the deal of a won lead and the reason of a lost one.
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "api/validation.h"
#include "domain/fair.h"
#include "domain/lead.h"
#include "http/error.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

// The caller's right to change the lead is settled before its body is judged.
http::Response TransitionLead(Call& call) {
  store::Tx tx(call.db);
  const json::object current = LoadLiveRecord(call, domain::Leads());
  RequireEditable(call, domain::Leads(), current);
  CheckVersion(current, IfMatchVersion(call.request, false));
  const json::object body = ValidBody(call.request, domain::LeadTransitionBody()).fields;
  const std::string to = store::StringMember(body, "to");
  const std::string amount = store::StringMember(body, "deal_amount");
  const std::string currency = store::StringMember(body, "deal_currency");
  const std::string date = store::StringMember(body, "deal_date");
  const std::string reason = store::StringMember(body, "lost_reason");
  const std::string note = store::StringMember(body, "note");
  Problems problems;
  std::optional<domain::DealValue> deal;
  if (!amount.empty()) {
    const auto hundredths = domain::ParseAmount(amount);
    if (!hundredths) {
      problems.push_back({"deal_amount", "invalid_amount",
                          "expected an amount like 125000.50: digits, at most two decimals"});
    } else if (currency.empty()) {
      problems.push_back({"deal_currency", "required", "is required with deal_amount"});
    } else {
      deal = domain::DealValue{*hundredths, currency};
    }
  }
  if (problems.empty()) {
    const domain::LeadMove move{.to = to,
                                .deal = deal,
                                .deal_date = date.empty() ? std::nullopt : ParseDate(date),
                                .lost_reason = reason,
                                .note = note};
    for (Problem& problem :
         domain::CheckLeadMove(store::StringMember(current, "status"), move, DateOf(call.now))) {
      // The body names the deal by its amount.
      if (problem.field == "deal") problem.field = "deal_amount";
      problems.push_back(std::move(problem));
    }
  }
  if (!problems.empty()) throw http::HttpError(422, "Transition not allowed", problems);
  json::object changes{{"status", to},
                       {"status_note", note.empty() ? json::value(nullptr) : json::value(note)}};
  if (to == "won") {
    changes["deal_hundredths"] = static_cast<double>(deal->hundredths);
    changes["deal_currency"] = deal->currency;
    changes["deal_date"] = date;
  } else if (to == "lost") {
    changes["lost_reason"] = reason;
  }
  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  store::UpdateRecord(call.db, domain::Leads(), current, changes, write, "transition");
  http::Response response = RecordResponse(200, call, domain::Leads(), call.Param("id"));
  tx.Commit();
  return response;
}

}  // namespace amity::api
