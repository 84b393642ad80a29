// Calls for applications and the applications students make to them (issue 20): what a call and
// an application are made of, declared once for validation and the OpenAPI document, and the
// rules a call obeys when it is opened (an approved agreement, a year the agreement covers, a
// window, a score formula adding up to 100%) and an application when it is made or changed (its
// numbers on their scales, its choices among the call's, within the call's window). Pure: the
// API reads requests and the store into these values and passes the clock in. The rules for
// windows, choices, language results and eligibility themselves are domain/exchange_eligibility.h,
// those of scores domain/allocation.h.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"
#include "domain/allocation.h"
#include "domain/exchange_eligibility.h"
#include "domain/resources.h"

namespace amity::domain {

inline constexpr std::string_view kApplicationStatuses[] = {"submitted", "withdrawn"};
// What an application's history records: made, changed (late when after the call closed),
// withdrawn.
inline constexpr std::string_view kApplicationEvents[] = {"submitted", "changed", "withdrawn"};

// The body of POST /exchange-agreements/{id}/calls.
std::span<const FieldSpec> ExchangeCallFields();
// The body of POST /exchange-calls/{id}/applications (every field personal data), and of PATCH
// (the same, none required).
std::span<const FieldSpec> ExchangeApplicationFields();
std::span<const FieldSpec> ExchangeApplicationPatchFields();
// The body of a withdrawal: {"reason": optional text}.
std::span<const FieldSpec> ApplicationWithdrawalFields();

// A call as its rules see it.
struct CallRules {
  std::string academic_year;
  std::string direction;
  CallWindow window;
  ScoreFormula formula;
  int max_choices = kDefaultMaxChoices;
};

// Problems that refuse opening a call on an agreement in `agreement_state` (409: "agreement_id",
// not_approved, when it is not approved).
Problems CheckCallAgreement(std::string_view agreement_state);

// Problems of the call itself (422): academic_year not one of `agreement_years`
// ("academic_year", outside_agreement), an unknown direction, closes_on before opens_on
// ("closes_on", before_opening), weights not adding up to 100 ("language_weight",
// weights_not_100; negative weights too), max_choices outside 1–kMaxChoicesLimit ("max_choices").
Problems CheckCall(const CallRules& call, const std::vector<std::string>& agreement_years);

// A decimal number of a request as an exact Score (ten-thousandths); absent when it has more than
// four decimals or passes ParseScore's bounds.
std::optional<Score> ScoreOfNumber(double number);

// What an application states that its rules look at.
struct ApplicationFacts {
  ScaledValue academic_average;  // on average_scale (4.00 or 100)
  Score language_score = 0;      // on 100 points
  std::vector<LanguageResult> language_results;
  std::vector<std::string> choices;  // condition ids, most wanted first
};

// Problems of an application under `call` offering `offered` condition ids (422): the academic
// average off its scale or on a scale the call does not declare ("academic_average" /
// "average_scale"), the language score off 0–100 ("language_score"), the language results
// (CheckLanguageResults) and the choices (CheckChoices).
Problems CheckApplication(const CallRules& call, const std::vector<std::string>& offered,
                          const ApplicationFacts& application);

// Problems that refuse a new application at `now` (409): before the call opens ("opens_on",
// call_not_open), at or after its closing instant in the call's zone ("closes_on", call_closed,
// the message naming the local closing time).
Problems CheckApplyingAt(const CallWindow& window, Instant now);

// The applicant's score under the call's formula (ComputeScore of the average and the language
// score on 100 points). Precondition: CheckApplication found no problem with the numbers.
Score ApplicationScore(const CallRules& call, const ApplicationFacts& application);

}  // namespace amity::domain
