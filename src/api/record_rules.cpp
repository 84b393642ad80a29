#include "api/record_rules.h"

#include "api/access.h"
#include "domain/hs_code.h"
#include "domain/milestones.h"
#include "domain/products.h"
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

}  // namespace

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
