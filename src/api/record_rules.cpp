#include "api/record_rules.h"

#include <cmath>
#include <set>

#include "api/access.h"
#include "domain/fair.h"
#include "domain/hs_code.h"
#include "domain/milestones.h"
#include "domain/products.h"
#include "store/fair.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

void CheckInterval(const json::object& record, Problems& problems) {
  // Both are normalized UTC text, which sorts chronologically.
  const auto starts = store::StringMember(record, "starts_at"),
             ends = store::StringMember(record, "ends_at");
  if (!starts.empty() && !ends.empty() && ends < starts) {
    problems.push_back({"ends_at", "ends_before_start", "must not be before starts_at"});
  }
}

void CheckPartnership(store::Db& db, const json::object& record, Problems& problems) {
  const auto home = store::StringMember(record, "home_city_id");
  if (home == store::StringMember(record, "partner_city_id")) {
    problems.push_back({"partner_city_id", "same_city", "must differ from home_city_id"});
    return;
  }
  const auto home_city = store::GetRecord(db, domain::Cities(), home);
  if (!home_city) return;  // reported by CheckReferences
  std::vector<domain::Milestone> milestones;
  for (const json::value& item : record.at("milestones").as_array()) {
    const json::object& milestone = item.as_object();
    milestones.push_back({std::string(milestone.at("kind").as_string()),
                          *ParseDate(milestone.at("date").as_string())});
  }
  for (Problem& problem :
       domain::CheckMilestoneGates(store::StringMember(*home_city, "country"),
                                   store::StringMember(record, "tier"), milestones)) {
    problems.push_back(std::move(problem));
  }
}

// `field`'s record must belong to the same partnership as `record`.
void CheckSamePartnership(store::Db& db, const domain::ResourceSpec& target, std::string_view id,
                          const json::object& record, const std::string& field,
                          Problems& problems) {
  const auto other = store::GetRecord(db, target, id);
  if (other && store::StringMember(*other, "partnership_id") !=
                   store::StringMember(record, "partnership_id")) {
    problems.push_back(
        {field, "other_partnership", "belongs to another partnership than partnership_id"});
  }
}

// A case is a practice of one of its partnership's two cities, over a period that ends after it
// starts, and serves study visits (its event_ids) only.
void CheckCase(store::Db& db, const json::object& record, Problems& problems) {
  const auto partnership =
      store::GetRecord(db, domain::Partnerships(), store::StringMember(record, "partnership_id"));
  const std::string city = store::StringMember(record, "city_id");
  if (partnership && city != store::StringMember(*partnership, "home_city_id") &&
      city != store::StringMember(*partnership, "partner_city_id")) {
    problems.push_back({"city_id", "not_in_partnership",
                        "must be the home or the partner city of partnership_id"});
  }
  const auto start = store::StringMember(record, "period_start"),
             end = store::StringMember(record, "period_end");
  if (!start.empty() && !end.empty() && end < start) {  // YYYY-MM-DD sorts by date
    problems.push_back({"period_end", "ends_before_start", "must not be before period_start"});
  }
  const json::array& events = record.at("event_ids").as_array();
  for (size_t i = 0; i < events.size(); ++i) {
    const auto event = store::GetRecord(db, domain::Events(), events[i].as_string());
    if (event && store::StringMember(*event, "kind") != "study_visit") {
      problems.push_back({"event_ids[" + std::to_string(i) + "]", "not_study_visit",
                          "must be an event of kind study_visit"});
    }
  }
}

// The number at `key`, if the record holds one.
std::optional<double> NumberMember(const json::object& record, std::string_view key) {
  const json::value* value = record.if_contains(key);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->to_number<double>();
}

// The trade catalogue's fields (sector, markets, certifications, contact) describe companies.
void CheckOrganization(const json::object& record, Problems& problems) {
  if (store::StringMember(record, "kind") == "company") return;
  for (std::string_view field : {"sector", "export_markets", "certifications", "contact"}) {
    const json::value* value = record.if_contains(field);
    const bool given =
        value != nullptr && !value->is_null() && !(value->is_array() && value->as_array().empty());
    if (given) {
      problems.push_back(
          {std::string(field), "only_for_companies", "only organizations of kind company"});
    }
  }
}

// A product belongs to a company, its codes extend one another inside a real HS chapter, and its
// terms hold together (domain/products.h).
void CheckProduct(store::Db& db, const json::object& record, Problems& problems) {
  const auto company =
      store::GetRecord(db, domain::Organizations(), store::StringMember(record, "company_id"));
  if (company && store::StringMember(*company, "kind") != "company") {
    problems.push_back({"company_id", "not_a_company", "must be an organization of kind company"});
  }
  for (Problem& problem : domain::CheckProductCodes(store::StringMember(record, "hs_code"),
                                                    store::StringMember(record, "hs_code_tr"),
                                                    store::StringMember(record, "hs_code_cn"))) {
    problems.push_back(std::move(problem));
  }
  const std::string currency = store::StringMember(record, "currency");
  for (Problem& problem : domain::CheckProductTerms({.price_min = NumberMember(record, "price_min"),
                          .price_max = NumberMember(record, "price_max"),
                          .currency = currency,
                          .shelf_life_days = NumberMember(record, "shelf_life_days")})) {
    problems.push_back(std::move(problem));
  }
}

// The starts ("2027-06-15T02:00:00Z") of the B2B slots of fair `event_id`: those its live plan
// lays out, none without a plan (or when the event is gone).
std::set<std::string> FairSlotStarts(store::Db& db, const std::string& event_id) {
  std::set<std::string> starts;
  const auto event = store::GetRecord(db, domain::Events(), event_id);
  const auto plan_id = store::OtherLiveRecord(db, "b2b_plans", {"event_id"}, {event_id}, "");
  if (!event || !plan_id) return starts;
  const auto plan = store::GetRecord(db, *domain::FindResource("b2b_plans"), *plan_id);
  if (!plan) return starts;
  for (const domain::FairSlot& slot : domain::FairSlots(FairSlotPlanOf(*event, *plan))) {
    starts.insert(FormatInstant(slot.starts_at));
  }
  return starts;
}

// Each entry of `available_slots` must be a slot of the fair.
void CheckAvailableSlots(store::Db& db, const std::string& event_id, const json::object& record,
                         Problems& problems) {
  const json::array& slots = record.at("available_slots").as_array();
  if (slots.empty()) return;
  const std::set<std::string> starts = FairSlotStarts(db, event_id);
  for (size_t i = 0; i < slots.size(); ++i) {
    if (!starts.contains(std::string(slots[i].as_string()))) {
      problems.push_back({"available_slots[" + std::to_string(i) + "]", "slot_outside_fair",
                          "not a B2B slot of the fair (see GET /events/{id}/b2b-schedule)"});
    }
  }
}

// `event_id` must name an event of kind fair.
void CheckIsFair(store::Db& db, const json::object& record, Problems& problems) {
  const auto event =
      store::GetRecord(db, domain::Events(), store::StringMember(record, "event_id"));
  if (event && store::StringMember(*event, "kind") != "fair") {
    problems.push_back({"event_id", "not_a_fair", "must be an event of kind fair"});
  }
}

// A whole number at `field`, if given.
void CheckWhole(const json::object& record, const std::string& field, Problems& problems) {
  const auto value = NumberMember(record, field);
  if (value && std::floor(*value) != *value) {
    problems.push_back({field, "not_whole", "must be a whole number"});
  }
}

// One plan per fair, whole minutes, slots that fit (domain/fair.h).
void CheckB2bPlan(store::Db& db, const json::object& record, Problems& problems) {
  CheckIsFair(db, record, problems);
  for (const char* field : {"day_start", "day_end", "slot_minutes", "tables"}) {
    CheckWhole(record, field, problems);
  }
  const std::string event_id = store::StringMember(record, "event_id");
  if (store::OtherLiveRecord(db, "b2b_plans", {"event_id"}, {event_id},
                             store::StringMember(record, "id"))) {
    problems.push_back({"event_id", "already_planned", "the fair has a B2B plan already"});
  }
  const auto event = store::GetRecord(db, domain::Events(), event_id);
  if (event && problems.empty()) {
    for (Problem& problem : domain::CheckFairSlotPlan(FairSlotPlanOf(*event, record))) {
      problems.push_back(std::move(problem));
    }
  }
}

// A buyer is an organization of the partner city, once per fair, available in the fair's slots.
void CheckFairBuyer(store::Db& db, const json::object& record, Problems& problems) {
  CheckIsFair(db, record, problems);
  const std::string event_id = store::StringMember(record, "event_id");
  const std::string organization_id = store::StringMember(record, "organization_id");
  const auto event = store::GetRecord(db, domain::Events(), event_id);
  const auto partnership = event ? store::GetRecord(db, domain::Partnerships(),
                                                    store::StringMember(*event, "partnership_id"))
                                 : std::nullopt;
  const auto organization = store::GetRecord(db, domain::Organizations(), organization_id);
  if (partnership && organization &&
      store::StringMember(*organization, "city_id") !=
          store::StringMember(*partnership, "partner_city_id")) {
    problems.push_back({"organization_id", "not_partner_city",
                        "must be an organization of the fair's partner city"});
  }
  if (store::OtherLiveRecord(db, "fair_buyers", {"event_id", "organization_id"},
                             {event_id, organization_id}, store::StringMember(record, "id"))) {
    problems.push_back({"organization_id", "already_buyer", "already a buyer of this fair"});
  }
  CheckAvailableSlots(db, event_id, record, problems);
}

// A request pairs a buyer of the fair with a company exhibiting there, once.
void CheckMeetingRequest(store::Db& db, const json::object& record, Problems& problems) {
  CheckIsFair(db, record, problems);
  CheckWhole(record, "priority", problems);
  const std::string event_id = store::StringMember(record, "event_id");
  const std::string buyer_id = store::StringMember(record, "buyer_id");
  const std::string exhibitor_id = store::StringMember(record, "exhibitor_id");
  const auto exhibitor = store::GetRecord(db, domain::Exhibitors(), exhibitor_id);
  if (exhibitor && store::StringMember(*exhibitor, "event_id") != event_id) {
    problems.push_back(
        {"exhibitor_id", "not_exhibiting", "must be an exhibitor of this fair (event_id)"});
  }
  if (!store::OtherLiveRecord(db, "fair_buyers", {"event_id", "organization_id"},
                              {event_id, buyer_id}, "")) {
    problems.push_back({"buyer_id", "not_a_buyer", "must be a buyer of this fair (fair_buyers)"});
  }
  if (store::OtherLiveRecord(db, "meeting_requests", {"event_id", "buyer_id", "exhibitor_id"},
                             {event_id, buyer_id, exhibitor_id},
                             store::StringMember(record, "id"))) {
    problems.push_back(
        {"exhibitor_id", "already_requested", "the buyer asked to meet this exhibitor already"});
  }
}

// A fair's exhibitor: a company of the home city, once per fair, showing its own products
// (domain/fair.h).
void CheckExhibitor(store::Db& db, const json::object& record, Problems& problems) {
  domain::ExhibitorFacts facts{.company_id = store::StringMember(record, "company_id")};
  const std::string event_id = store::StringMember(record, "event_id");
  if (const auto event = store::GetRecord(db, domain::Events(), event_id)) {
    facts.event_kind = store::StringMember(*event, "kind");
    const auto partnership =
        store::GetRecord(db, domain::Partnerships(), store::StringMember(*event, "partnership_id"));
    if (partnership) facts.home_city = store::StringMember(*partnership, "home_city_id");
  }
  if (const auto company = store::GetRecord(db, domain::Organizations(), facts.company_id)) {
    facts.company_kind = store::StringMember(*company, "kind");
    facts.company_city = store::StringMember(*company, "city_id");
  }
  facts.company_already_exhibiting =
      store::OtherLiveRecord(db, "exhibitors", {"event_id", "company_id"},
                             {event_id, facts.company_id}, store::StringMember(record, "id"))
          .has_value();
  const json::array& products = record.at("product_ids").as_array();
  for (const json::value& id : products) {
    const auto product = store::GetRecord(db, domain::Products(), id.as_string());
    facts.product_companies.push_back(product ? store::StringMember(*product, "company_id") : "");
  }
  const json::array& costs = record.at("covered_costs").as_array();
  for (const json::value& cost : costs) {
    facts.cost_hundredths.push_back(cost.at("hundredths").to_number<double>());
  }
  for (Problem& problem : domain::CheckExhibitor(facts)) problems.push_back(std::move(problem));
  CheckAvailableSlots(db, event_id, record, problems);
}

// A lead names its buyer or the inquirer's company, and comes from a fair if from an event.
void CheckLead(store::Db& db, const json::object& record, Problems& problems) {
  domain::LeadFacts facts{
      .has_buyer = !store::StringMember(record, "buyer_id").empty(),
      .has_inquirer_company = !store::StringMember(record, "inquirer_company").empty()};
  const std::string event_id = store::StringMember(record, "event_id");
  if (!event_id.empty()) {
    if (const auto event = store::GetRecord(db, domain::Events(), event_id)) {
      facts.event_kind = store::StringMember(*event, "kind");
      if (store::StringMember(*event, "partnership_id") !=
          store::StringMember(record, "partnership_id")) {
        problems.push_back({"event_id", "other_partnership",
                            "belongs to another partnership than partnership_id"});
      }
    }
  }
  for (Problem& problem : domain::CheckLead(facts)) problems.push_back(std::move(problem));
}

}  // namespace

domain::FairSlotPlan FairSlotPlanOf(const json::object& event, const json::object& plan) {
  const auto minutes = [&](std::string_view field) {
    return static_cast<int>(plan.at(field).to_number<double>());
  };
  return {.fair_starts = *ParseInstant(event.at("starts_at").as_string()),
          .fair_ends = *ParseInstant(event.at("ends_at").as_string()),
          .time_zone = std::string(event.at("time_zone").as_string()),
          .day_start = minutes("day_start"),
          .day_end = minutes("day_end"),
          .slot_minutes = minutes("slot_minutes")};
}

Problems CheckReferences(store::Db& db, const std::vector<ReferenceCheck>& references,
                         const domain::Principal& principal) {
  Problems problems;
  for (const ReferenceCheck& reference : references) {
    const std::optional<store::Condition> visible =
        VisibleCondition(principal, *domain::FindResource(reference.table));
    if (!store::IsLiveRecord(db, reference.table, reference.id, visible ? &*visible : nullptr)) {
      problems.push_back(
          {reference.field, "not_found",
           "no " + std::string(reference.table) + " record with id " + reference.id});
    }
  }
  return problems;
}

Problems CheckRecordRules(store::Db& db, const domain::ResourceSpec& spec,
                          const json::object& record) {
  Problems problems;
  if (spec.name == "partnerships") {
    CheckPartnership(db, record, problems);
  } else if (spec.name == "meetings") {
    CheckInterval(record, problems);
  } else if (spec.name == "commitments") {
    const auto meeting = store::StringMember(record, "meeting_id");
    if (!meeting.empty()) {
      CheckSamePartnership(db, domain::Meetings(), meeting, record, "meeting_id", problems);
    }
  } else if (spec.name == "cases") {
    CheckCase(db, record, problems);
  } else if (spec.name == "organizations") {
    CheckOrganization(record, problems);
  } else if (spec.name == "products") {
    CheckProduct(db, record, problems);
  } else if (spec.name == "exhibitors") {
    CheckExhibitor(db, record, problems);
  } else if (spec.name == "leads") {
    CheckLead(db, record, problems);
  } else if (spec.name == "b2b_plans") {
    CheckB2bPlan(db, record, problems);
  } else if (spec.name == "fair_buyers") {
    CheckFairBuyer(db, record, problems);
  } else if (spec.name == "meeting_requests") {
    CheckMeetingRequest(db, record, problems);
  } else if (spec.name == "agreement_approvals") {
    // Only the signing route makes approvals (it stores them without these checks).
    if (store::StringMember(record, "signature").empty()) {
      problems.push_back({"signature", "required",
                          "approve a text with POST /api/v1/agreement_texts/{id}/approvals"});
    }
  } else if (spec.name == "events") {
    CheckInterval(record, problems);
    const json::array& ids = record.at("commitment_ids").as_array();
    for (size_t i = 0; i < ids.size(); ++i) {
      CheckSamePartnership(db, domain::Commitments(), ids[i].as_string(), record,
                           "commitment_ids[" + std::to_string(i) + "]", problems);
    }
  }
  return problems;
}

}  // namespace amity::api
