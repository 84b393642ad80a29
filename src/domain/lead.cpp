#include "domain/lead.h"

#include <algorithm>
#include <charconv>

namespace amity::domain {
namespace {

// The position of an open status on the chain, or absent for won, lost and unknown ones.
std::optional<size_t> ChainIndex(std::string_view status) {
  for (size_t i = 0; i < 4; ++i) {
    if (kLeadStatuses[i] == status) return i;
  }
  return std::nullopt;
}

bool IsStatus(std::string_view status) {
  return std::find(std::begin(kLeadStatuses), std::end(kLeadStatuses), status) !=
         std::end(kLeadStatuses);
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

constexpr std::int64_t kMaxUnits = 10'000'000'000'000;  // 10^13

}  // namespace

bool IsOpenLead(std::string_view status) { return ChainIndex(status).has_value(); }

std::optional<std::int64_t> ParseAmount(std::string_view text) {
  const size_t dot = text.find('.');
  const std::string_view units = text.substr(0, dot);
  const std::string_view cents = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  const auto digits = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (units.empty() || units.size() > 14 || !digits(units)) return std::nullopt;
  if (dot != std::string_view::npos && (cents.empty() || cents.size() > 2 || !digits(cents))) {
    return std::nullopt;
  }
  std::int64_t whole = 0;
  std::from_chars(units.data(), units.data() + units.size(), whole);
  if (whole > kMaxUnits) return std::nullopt;
  std::int64_t fraction = 0;
  if (!cents.empty()) {
    std::from_chars(cents.data(), cents.data() + cents.size(), fraction);
    if (cents.size() == 1) fraction *= 10;
  }
  return whole * 100 + fraction;
}

std::string FormatAmount(std::int64_t hundredths) {
  std::string cents = std::to_string(hundredths % 100);
  if (cents.size() == 1) cents.insert(0, "0");
  return std::to_string(hundredths / 100) + "." + cents;
}

Problems CheckLeadMove(std::string_view from, const LeadMove& move, Date today) {
  Problems problems;
  if (!IsStatus(move.to)) {
    problems.push_back({"to", "unknown_status",
                        "a lead moves to contacted, sample_sent, negotiating, won or lost"});
    return problems;
  }
  if (!IsOpenLead(from)) {
    problems.push_back({"to", "closed", "a won or lost lead does not move again"});
    return problems;
  }
  if (move.to == from) {
    problems.push_back({"to", "same_status", "the lead is already in this status"});
    return problems;
  }
  if (const std::optional<size_t> to = ChainIndex(move.to)) {
    if (*to < *ChainIndex(from)) {
      problems.push_back({"to", "backward", "a lead moves forward, or to won or lost"});
    }
    return problems;
  }
  if (move.to == "won") {
    if (!move.deal) {
      problems.push_back({"deal", "required", "a won lead records the deal's value and currency"});
    } else if (move.deal->hundredths <= 0) {
      problems.push_back({"deal", "not_positive", "a deal's value is above zero"});
    }
    if (!move.deal_date) {
      problems.push_back({"deal_date", "required", "a won lead records the deal's date"});
    } else if (*move.deal_date > today) {
      problems.push_back({"deal_date", "in_future", "a deal's date is not in the future"});
    }
    return problems;
  }
  // lost
  if (move.lost_reason.empty()) {
    problems.push_back({"lost_reason", "required", "say why the lead was lost"});
  } else if (std::find(std::begin(kLostReasons), std::end(kLostReasons), move.lost_reason) ==
             std::end(kLostReasons)) {
    problems.push_back({"lost_reason", "unknown",
                        "the reason is price, quality, certification, logistics, no_response, "
                        "competitor or other"});
  } else if (move.lost_reason == "other" && IsBlank(move.note)) {
    problems.push_back({"note", "required", "say in the note what the other reason was"});
  }
  return problems;
}

std::map<std::string, std::int64_t> DealsByCurrency(std::span<const DealValue> won) {
  std::map<std::string, std::int64_t> sums;
  for (const DealValue& deal : won) sums[deal.currency] += deal.hundredths;
  return sums;
}

}  // namespace amity::domain
