// The export fair's records (issue 21): who may exhibit at a fair and what a lead must name.
// Pure: the caller gathers the facts about the referenced records; nothing here reads storage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/problem.h"
#include "base/time.h"
#include "domain/resources.h"

namespace amity::domain {

// What an exhibitor's rules need to know about the records it names. An empty string stands for
// a record that does not exist (its reference is reported elsewhere, so nothing is said here).
struct ExhibitorFacts {
  std::string event_kind;                   // the event's kind, e.g. "fair"
  std::string company_kind;                 // the organization's kind, e.g. "company"
  std::string company_city;                 // the organization's city_id
  std::string home_city;                    // the home city of the event's partnership
  bool company_already_exhibiting = false;  // another live exhibitor of this fair names it
  std::string company_id;
  std::vector<std::string> product_companies;  // per product_ids entry: its company_id
  std::vector<double> cost_hundredths;         // per covered_costs entry
};

// Problems: "event_id" not_a_fair; "company_id" not_a_company, not_home_city, already_exhibiting;
// "product_ids[i]" other_company; "covered_costs[i].hundredths" not_whole (an amount in
// hundredths is a whole number).
Problems CheckExhibitor(const ExhibitorFacts& facts);

// What a lead's rules need to know.
struct LeadFacts {
  bool has_buyer = false;             // buyer_id given
  bool has_inquirer_company = false;  // inquirer_company given
  std::string event_kind;             // the event's kind when event_id is given, else empty
};

// Problems: "buyer_id" required (neither a buyer nor an inquirer's company); "event_id"
// not_a_fair.
Problems CheckLead(const LeadFacts& facts);

// How a fair's B2B meeting slots are laid out: every local day of the fair in `time_zone`, from
// `day_start` to `day_end` (minutes after local midnight), `slot_minutes` long.
struct FairSlotPlan {
  Instant fair_starts;
  Instant fair_ends;
  std::string time_zone;  // IANA, checked by the caller
  int day_start = 9 * 60;
  int day_end = 17 * 60;
  int slot_minutes = 20;
};
struct FairSlot {
  Instant starts_at;
  Instant ends_at;
};

// Problems: "day_end" not_after_start; "slot_minutes" out_of_range (5..240) or too_many_slots
// (more than kMaxFairSlots in all).
inline constexpr size_t kMaxFairSlots = 2000;
Problems CheckFairSlotPlan(const FairSlotPlan& plan);

// The slots of a valid plan in time order: on each local date from the fair's first to its last,
// consecutive slots from day_start while a whole slot fits before day_end, keeping only those
// inside [fair_starts, fair_ends]. A day the clocks change keeps local times (the slot at 09:00
// is at 09:00).
std::vector<FairSlot> FairSlots(const FairSlotPlan& plan);

// The body of POST /leads/{id}/transitions: to, and for "won" deal_amount ("125000.50"),
// deal_currency and deal_date, for "lost" lost_reason, a note (domain/lead.h: CheckLeadMove).
const ResourceSpec& LeadTransitionBody();

}  // namespace amity::domain
