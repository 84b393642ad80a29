// A trade lead's workflow (issue 21): new → contacted → sample_sent → negotiating → won | lost,
// and the deals it brings, summed per currency (never converted). Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/problem.h"
#include "base/time.h"

namespace amity::domain {

inline constexpr std::string_view kLeadStatuses[] = {"new",         "contacted", "sample_sent",
                                                     "negotiating", "won",       "lost"};
// Where a lead came from: a meeting at a fair, the public portal's inquiry form, a visit.
inline constexpr std::string_view kLeadSources[] = {"fair_meeting", "portal_inquiry", "visit"};
// Why a lead was lost, as the council's report groups them; "other" needs the note to say.
inline constexpr std::string_view kLostReasons[] = {
    "price", "quality", "certification", "logistics", "no_response", "competitor", "other"};

// True for a lead still being worked on (neither won nor lost).
bool IsOpenLead(std::string_view status);

// A deal's value: an amount in hundredths of the currency's unit (125000.50 CNY is 12500050), so
// sums are exact; a currency whose unit has no hundredths (JPY) still counts in hundredths.
struct DealValue {
  std::int64_t hundredths = 0;
  std::string currency;  // ISO 4217, checked by the caller against its list
};

// Parses "125000.50", "125000.5" or "125000" (no sign, no exponent, at most two decimals, at most
// 10^13 units) to hundredths; absent otherwise.
std::optional<std::int64_t> ParseAmount(std::string_view text);
// 12500050 → "125000.50".
std::string FormatAmount(std::int64_t hundredths);

// A move of a lead from `from` to `to`:
//   any move forward along new → contacted → sample_sent → negotiating (steps may be skipped: a
//   buyer met at the fair may go straight to negotiating);
//   to "won" from any open status, with the deal (`deal` present, amount > 0) and its date
//   (`deal_date`, not after `today`);
//   to "lost" from any open status, with a reason of kLostReasons, and a note when it is "other".
// Nothing leaves "won" or "lost"; a move backward or to the same status is refused. Problems on
// "to" (unknown_status, same_status, backward, closed), "deal" (required, not_positive),
// "deal_date" (required, in_future), "lost_reason" (required, unknown), "note" (required).
struct LeadMove {
  std::string_view to;
  std::optional<DealValue> deal;
  std::optional<Date> deal_date;
  std::string_view lost_reason;
  std::string_view note;
};
Problems CheckLeadMove(std::string_view from, const LeadMove& move, Date today);

// Won deals summed per currency, in currency order: {"CNY": 12500050, "EUR": 900000}. A currency
// with no won deal is absent.
std::map<std::string, std::int64_t> DealsByCurrency(std::span<const DealValue> won);

}  // namespace amity::domain
