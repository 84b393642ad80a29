#include "domain/fair.h"

#include <cmath>

#include "domain/lead.h"
#include "domain/products.h"

namespace amity::domain {

Problems CheckExhibitor(const ExhibitorFacts& facts) {
  Problems problems;
  if (!facts.event_kind.empty() && facts.event_kind != "fair") {
    problems.push_back({"event_id", "not_a_fair", "must be an event of kind fair"});
  }
  if (!facts.company_kind.empty()) {
    if (facts.company_kind != "company") {
      problems.push_back(
          {"company_id", "not_a_company", "must be an organization of kind company"});
    } else if (!facts.home_city.empty() && facts.company_city != facts.home_city) {
      problems.push_back({"company_id", "not_home_city",
                          "must be a company of the home city of the fair's partnership"});
    }
  }
  if (facts.company_already_exhibiting) {
    problems.push_back(
        {"company_id", "already_exhibiting", "the company already exhibits at this fair"});
  }
  for (size_t i = 0; i < facts.product_companies.size(); ++i) {
    const std::string& owner = facts.product_companies[i];
    if (!owner.empty() && owner != facts.company_id) {
      problems.push_back({"product_ids[" + std::to_string(i) + "]", "other_company",
                          "must be a product of company_id"});
    }
  }
  for (size_t i = 0; i < facts.cost_hundredths.size(); ++i) {
    if (std::floor(facts.cost_hundredths[i]) != facts.cost_hundredths[i]) {
      problems.push_back({"covered_costs[" + std::to_string(i) + "].hundredths", "not_whole",
                          "an amount in hundredths is a whole number (1250.50 is 125050)"});
    }
  }
  return problems;
}

Problems CheckLead(const LeadFacts& facts) {
  Problems problems;
  if (!facts.has_buyer && !facts.has_inquirer_company) {
    problems.push_back(
        {"buyer_id", "required", "name the buyer, or the inquirer's company (inquirer_company)"});
  }
  if (!facts.event_kind.empty() && facts.event_kind != "fair") {
    problems.push_back({"event_id", "not_a_fair", "must be an event of kind fair"});
  }
  return problems;
}

Problems CheckFairSlotPlan(const FairSlotPlan& plan) {
  Problems problems;
  if (plan.day_end <= plan.day_start) {
    problems.push_back({"day_end", "not_after_start", "must be after day_start"});
  }
  if (plan.slot_minutes < 5 || plan.slot_minutes > 240) {
    problems.push_back({"slot_minutes", "out_of_range", "between 5 and 240 minutes"});
  }
  if (problems.empty()) {
    const auto days =
        std::chrono::duration_cast<std::chrono::days>(plan.fair_ends - plan.fair_starts).count() +
        2;
    const long long per_day = (plan.day_end - plan.day_start) / plan.slot_minutes;
    if (days * per_day > static_cast<long long>(kMaxFairSlots)) {
      problems.push_back({"slot_minutes", "too_many_slots",
                          "at most " + std::to_string(kMaxFairSlots) + " slots in all"});
    }
  }
  return problems;
}

std::vector<FairSlot> FairSlots(const FairSlotPlan& plan) {
  using std::chrono::minutes;
  // The local calendar dates of the fair's first and last instants.
  const auto local_date = [&](Instant at) {
    return *ParseDate(FormatLocal(at, plan.time_zone).substr(0, 10));
  };
  std::vector<FairSlot> slots;
  for (Date day = local_date(plan.fair_starts); day <= local_date(plan.fair_ends);
       day += std::chrono::days(1)) {
    for (int start = plan.day_start; start + plan.slot_minutes <= plan.day_end;
         start += plan.slot_minutes) {
      const Instant begins = FromLocal(day, minutes(start), plan.time_zone);
      const Instant ends = begins + minutes(plan.slot_minutes);
      if (begins >= plan.fair_starts && ends <= plan.fair_ends) slots.push_back({begins, ends});
    }
  }
  return slots;
}

const ResourceSpec& LeadTransitionBody() {
  static const FieldSpec fields[] = {
      {.name = "to", .type = FieldType::kEnum, .required = true, .values = kLeadStatuses},
      {.name = "deal_amount",
       .type = FieldType::kString,
       .max_length = 20,
       .description = "won: the deal's value, e.g. 125000.50 (at most two decimals)"},
      {.name = "deal_currency", .type = FieldType::kEnum, .values = kCurrencies},
      {.name = "deal_date", .type = FieldType::kDate, .description = "won: not after today"},
      {.name = "lost_reason", .type = FieldType::kEnum, .values = kLostReasons},
      {.name = "note", .type = FieldType::kString, .max_length = 4000},
  };
  static const ResourceSpec spec{"lead_transitions", "lead_transition", fields};
  return spec;
}

}  // namespace amity::domain
