// A fair's B2B meetings: POST runs the pure scheduler (domain/b2b_schedule.h) on the fair's plan,
// buyers, exhibitors and requests and stores the assignment; GET answers the stored schedule,
// for the whole fair or one company or buyer, as JSON or as iCalendar.
#include <boost/json.hpp>
#include <map>
#include <set>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/record_rules.h"
#include "api/responses.h"
#include "domain/b2b_schedule.h"
#include "domain/fair.h"
#include "export/ical.h"
#include "http/error.h"
#include "store/fair.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// The fair's event (visible to the caller, else 404) and its slots (none without a plan).
struct Fair {
  json::object event;
  std::optional<json::object> plan;
  std::vector<domain::FairSlot> slots;
};

Fair LoadFair(Call& call) {
  Fair fair{.event = LoadLiveRecord(call, domain::Events())};
  if (store::StringMember(fair.event, "kind") != "fair") {
    throw http::HttpError(422, "Not a fair",
                          {{"id", "not_a_fair", "B2B meetings belong to events of kind fair"}});
  }
  const auto plan_id = store::OtherLiveRecord(call.db, "b2b_plans", {"event_id"},
                                              {std::string(fair.event.at("id").as_string())}, "");
  if (plan_id) fair.plan = store::GetRecord(call.db, *domain::FindResource("b2b_plans"), *plan_id);
  if (fair.plan) fair.slots = domain::FairSlots(FairSlotPlanOf(fair.event, *fair.plan));
  return fair;
}

// The indexes of the slots in `available` (slot starts); absent (every slot) when it is empty.
std::optional<std::vector<std::uint32_t>> SlotIndexes(
    const std::vector<std::string>& available, const std::map<std::string, std::uint32_t>& index) {
  if (available.empty()) return std::nullopt;
  std::vector<std::uint32_t> slots;
  for (const std::string& start : available) {
    // A slot the plan no longer lays out (the plan changed) is left out.
    if (const auto found = index.find(start); found != index.end()) slots.push_back(found->second);
  }
  return slots;
}

// The organization's name in English (or its original) for calendar titles.
std::string OrganizationLabel(Call& call, const std::string& id) {
  const auto organization = store::GetRecord(call.db, domain::Organizations(), id);
  if (!organization) return id;
  const json::object& name = organization->at("name").as_object();
  if (const json::value* en = name.if_contains("en"); en && en->is_string()) {
    return std::string(en->as_string());
  }
  const std::string original = store::StringMember(name, "original");
  const json::value* text = name.if_contains(original);
  return text && text->is_string() ? std::string(text->as_string()) : id;
}

struct ScheduleView {
  json::object body;
  std::vector<exports::CalendarItem> items;
};

// The stored schedule of `fair`, kept to `company_id` or `buyer_id` when given.
ScheduleView View(Call& call, const Fair& fair, const std::string& company_id,
                  const std::string& buyer_id) {
  const std::string event_id(fair.event.at("id").as_string());
  std::map<std::string, std::string> company_of;  // exhibitor id → company id
  for (const store::B2bPartyRow& exhibitor : store::FairExhibitorParties(call.db, event_id)) {
    company_of[exhibitor.id] = exhibitor.company_id;
  }
  std::map<std::string, store::B2bRequestRow> requests;
  for (store::B2bRequestRow& request : store::FairRequests(call.db, event_id)) {
    requests[request.id] = std::move(request);
  }
  const auto kept = [&](const store::B2bRequestRow& request) {
    return (company_id.empty() || company_of[request.exhibitor_id] == company_id) &&
           (buyer_id.empty() || request.buyer_id == buyer_id);
  };
  const auto meeting_json = [&](const store::B2bRequestRow& request) {
    return json::object{{"request_id", request.id},
                        {"buyer_id", request.buyer_id},
                        {"exhibitor_id", request.exhibitor_id},
                        {"company_id", company_of[request.exhibitor_id]},
                        {"priority", request.priority}};
  };
  ScheduleView view;
  json::array slots, meetings, unmet;
  for (const domain::FairSlot& slot : fair.slots) {
    slots.push_back(json::object{{"starts_at", FormatInstant(slot.starts_at)},
                                 {"ends_at", FormatInstant(slot.ends_at)}});
  }
  std::set<std::string> met;
  const std::string zone(fair.event.at("time_zone").as_string());
  for (const store::B2bMeetingRow& row : store::LoadB2bMeetings(call.db, event_id)) {
    met.insert(row.request_id);
    const auto request = requests.find(row.request_id);
    if (request == requests.end() || !kept(request->second)) continue;
    json::object meeting = meeting_json(request->second);
    meeting["starts_at"] = row.starts_at;
    meeting["ends_at"] = row.ends_at;
    meeting["table"] = row.table_number;
    meetings.push_back(std::move(meeting));
    view.items.push_back(exports::CalendarItem{
        .uid = row.request_id + "@" + call.context.instance_id,
        .summary = "B2B: " + OrganizationLabel(call, request->second.buyer_id) + " – " +
                   OrganizationLabel(call, company_of[request->second.exhibitor_id]),
        .description = "table " + std::to_string(row.table_number),
        .location = std::string(store::StringMember(fair.event, "venue")),
        .starts_at = ParseInstant(row.starts_at),
        .ends_at = ParseInstant(row.ends_at),
        .time_zone = zone,
        .stamp = call.now});
  }
  for (const auto& [id, request] : requests) {
    if (!met.contains(id) && kept(request)) unmet.push_back(meeting_json(request));
  }
  json::value run = nullptr;
  if (const auto stored = store::LoadB2bRun(call.db, event_id)) {
    run = json::object{{"ran_at", stored->ran_at},
                       {"requests", stored->requests},
                       {"met", stored->met},
                       {"met_priority", stored->met_priority},
                       {"upper_bound", stored->upper_bound}};
  }
  json::value plan = nullptr;
  if (fair.plan) {
    plan = json::object{{"id", fair.plan->at("id")},
                        {"day_start", fair.plan->at("day_start")},
                        {"day_end", fair.plan->at("day_end")},
                        {"slot_minutes", fair.plan->at("slot_minutes")},
                        {"tables", fair.plan->at("tables")}};
  }
  view.body = json::object{{"event_id", event_id}, {"time_zone", zone}, {"plan", plan},
                           {"slots", slots},       {"run", run},        {"meetings", meetings},
                           {"unmet", unmet}};
  return view;
}

std::string QueryValue(const Call& call, std::string_view name) {
  CheckQuery(call.route.query, call.request.query);
  for (const auto& [key, value] : call.request.query) {
    if (key == name) return value;
  }
  return {};
}

}  // namespace

http::Response RunB2bSchedule(Call& call) {
  store::Tx tx(call.db);
  const Fair fair = LoadFair(call);
  // The schedule weighs every buyer's requests against each other: the home city runs it, not a
  // partner user who may edit the fair's event.
  if (!domain::SeesEverything(call.principal)) {
    ForbidRole(call.principal, "", "may not run the B2B scheduler");
  }
  RequireEditable(call, domain::Events(), fair.event);
  if (!fair.plan) {
    throw http::HttpError(422, "No B2B plan",
                          {{"id", "no_plan", "create the fair's b2b_plans record first"}});
  }
  const std::string event_id(fair.event.at("id").as_string());
  domain::B2bInput input;
  std::map<std::string, std::uint32_t> slot_index;
  const Instant first = fair.slots.empty() ? Instant{} : fair.slots.front().starts_at;
  for (const domain::FairSlot& slot : fair.slots) {
    slot_index[FormatInstant(slot.starts_at)] = static_cast<std::uint32_t>(input.slots.size());
    input.slots.push_back(
        {.start_minute =
             std::chrono::duration_cast<std::chrono::minutes>(slot.starts_at - first).count(),
         .length_minutes = static_cast<std::uint32_t>(
             std::chrono::duration_cast<std::chrono::minutes>(slot.ends_at - slot.starts_at)
                 .count())});
  }
  std::map<std::string, std::uint32_t> exhibitor_index, buyer_index;
  for (const store::B2bPartyRow& party : store::FairExhibitorParties(call.db, event_id)) {
    exhibitor_index[party.id] = static_cast<std::uint32_t>(input.exhibitors.size());
    input.exhibitors.push_back({party.id, SlotIndexes(party.available, slot_index)});
  }
  for (const store::B2bPartyRow& party : store::FairBuyerParties(call.db, event_id)) {
    buyer_index[party.id] = static_cast<std::uint32_t>(input.buyers.size());
    input.buyers.push_back({party.id, SlotIndexes(party.available, slot_index)});
  }
  const auto tables = static_cast<int>(fair.plan->at("tables").to_number<double>());
  for (int table = 1; table <= tables; ++table) input.tables.push_back({std::to_string(table), {}});
  // Requests whose buyer or exhibitor left the fair since stay unmet.
  std::vector<store::B2bRequestRow> scheduled;
  long long all_requests = 0;
  for (store::B2bRequestRow& request : store::FairRequests(call.db, event_id)) {
    ++all_requests;
    const auto buyer = buyer_index.find(request.buyer_id);
    const auto exhibitor = exhibitor_index.find(request.exhibitor_id);
    if (buyer == buyer_index.end() || exhibitor == exhibitor_index.end()) continue;
    input.requests.push_back(
        {buyer->second, exhibitor->second, static_cast<std::uint32_t>(request.priority)});
    scheduled.push_back(std::move(request));
  }
  if (Problems problems = domain::CheckB2bInput(input); !problems.empty()) {
    throw http::HttpError(422, "The fair's B2B input is not valid", problems);
  }
  const domain::B2bSchedule schedule = domain::ScheduleB2bMeetings(input);
  std::vector<store::B2bMeetingRow> meetings;
  for (size_t i = 0; i < schedule.requests.size(); ++i) {
    const domain::B2bAssignment& assignment = schedule.requests[i];
    if (assignment.slot == domain::kUnscheduled) continue;
    const domain::FairSlot& slot = fair.slots[assignment.slot];
    meetings.push_back({scheduled[i].id, FormatInstant(slot.starts_at), FormatInstant(slot.ends_at),
                        assignment.table + 1});
  }
  store::StoreB2bSchedule(call.db, event_id,
                          {.ran_at = FormatInstant(call.now),
                           .requests = all_requests,
                           .met = schedule.met,
                           .met_priority = static_cast<long long>(schedule.met_priority),
                           .upper_bound = static_cast<long long>(schedule.upper_bound)},
                          meetings);
  json::object body = View(call, fair, "", "").body;
  tx.Commit();
  return JsonResponse(200, body);
}

http::Response GetB2bSchedule(Call& call) {
  const Fair fair = LoadFair(call);
  return JsonResponse(
      200, View(call, fair, QueryValue(call, "company_id"), QueryValue(call, "buyer_id")).body);
}

http::Response B2bScheduleCalendar(Call& call) {
  const Fair fair = LoadFair(call);
  const std::string company = QueryValue(call, "company_id"), buyer = QueryValue(call, "buyer_id");
  ScheduleView view = View(call, fair, company, buyer);
  const std::string who = !company.empty() ? OrganizationLabel(call, company)
                          : !buyer.empty() ? OrganizationLabel(call, buyer)
                                           : std::string("B2B");
  http::Response response;
  response.content_type = "text/calendar; charset=utf-8";
  response.headers.emplace_back("Cache-Control", "private, no-cache");
  response.body = exports::WriteCalendar("B2B meetings – " + who, view.items);
  return response;
}

}  // namespace amity::api
