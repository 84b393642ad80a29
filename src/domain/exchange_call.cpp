#include "domain/exchange_call.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "domain/exchange_agreement.h"

namespace amity::domain {
namespace {

using enum FieldType;

constexpr FieldSpec kCallFields[] = {
    {.name = "academic_year",
     .type = kString,
     .required = true,
     .max_length = 9,
     .description = "an academic year the agreement covers, e.g. 2027-2028"},
    {.name = "direction",
     .type = kEnum,
     .required = true,
     .values = kExchangeDirections,
     .description = "whose students apply: home_to_partner calls the home city's students"},
    {.name = "opens_on",
     .type = kDate,
     .required = true,
     .description = "first day applications are taken, from 00:00 in the home city's zone"},
    {.name = "closes_on",
     .type = kDate,
     .required = true,
     .description = "last day applications are taken, until 24:00 in the home city's zone"},
    {.name = "academic_weight",
     .type = kNumber,
     .minimum = 0,
     .maximum = 100,
     .description = "percent of the score from the academic average (default 50)"},
    {.name = "language_weight",
     .type = kNumber,
     .minimum = 0,
     .maximum = 100,
     .description = "percent of the score from the language score (default 50); the two add up "
                    "to 100"},
    {.name = "max_choices",
     .type = kNumber,
     .minimum = 1,
     .maximum = kMaxChoicesLimit,
     .description = "how many conditions a student may rank (default 5)"},
    {.name = "tie_seed",
     .type = kString,
     .max_length = 20,
     .description = "the published seed of the tie-break lottery, a whole number below 2^64; "
                    "none: the server draws one"},
};

constexpr FieldSpec kLanguageResultFields[] = {
    {.name = "language",
     .type = kString,
     .required = true,
     .max_length = 2,
     .description = "ISO 639-1 code of the language tested"},
    {.name = "result",
     .type = kString,
     .required = true,
     .max_length = 20,
     .description = "a CEFR level (B2), HSK n or YDS n (docs/EXCHANGE.md)"},
};

constexpr std::array<FieldSpec, 11> kApplicationFields = {{
    {.name = "name_native",
     .type = kString,
     .required = true,
     .personal = true,
     .max_length = 200,
     .description = "the student's name in its own script (Çağla Öztürk, 王雨桐)"},
    {.name = "name_latin",
     .type = kString,
     .required = true,
     .personal = true,
     .max_length = 200,
     .description = "the name in Latin letters (Cagla Ozturk, Wang Yutong)"},
    {.name = "student_number",
     .type = kString,
     .required = true,
     .personal = true,
     .max_length = 40,
     .description = "the home university's student number; once per call"},
    {.name = "home_department",
     .type = kString,
     .required = true,
     .personal = true,
     .max_length = 200},
    {.name = "isced_code",
     .type = kString,
     .required = true,
     .personal = true,
     .max_length = 4,
     .description = "ISCED-F 2013 field the student studies at home"},
    {.name = "level", .type = kEnum, .required = true, .values = kStudyLevels, .personal = true},
    {.name = "academic_average",
     .type = kNumber,
     .required = true,
     .personal = true,
     .minimum = -1e9,
     .maximum = 1e9,
     .description = "on average_scale, at most four decimals"},
    {.name = "average_scale",
     .type = kNumber,
     .required = true,
     .personal = true,
     .minimum = 0,
     .maximum = 100000,
     .description = "the scale's maximum: 4 (4.00) or 100, as the call declares"},
    {.name = "language_score",
     .type = kNumber,
     .required = true,
     .personal = true,
     .minimum = -1e9,
     .maximum = 1e9,
     .description = "the language score on 100 points"},
    {.name = "language_results",
     .type = kObjectList,
     .members = kLanguageResultFields,
     .personal = true,
     .max_length = 10},
    {.name = "choices",
     .type = kStringList,
     .required = true,
     .personal = true,
     .max_length = kMaxChoicesLimit,
     .description = "ids of the call's conditions, most wanted first"},
}};

// PATCH takes the same fields, none required, and why the change is made: kept in the history,
// and required after the closing (a late change).
constexpr std::array<FieldSpec, 12> kApplicationPatchFields = [] {
  std::array<FieldSpec, 12> fields{};
  for (size_t i = 0; i < kApplicationFields.size(); ++i) {
    fields[i] = kApplicationFields[i];
    fields[i].required = false;
  }
  fields.back() = {.name = "reason",
                   .type = kString,
                   .personal = true,
                   .max_length = 2000,
                   .description = "why (kept in the history); required after the closing"};
  return fields;
}();

constexpr FieldSpec kWithdrawalFields[] = {
    {.name = "reason", .type = kString, .personal = true, .max_length = 2000},
};

}  // namespace

std::span<const FieldSpec> ExchangeCallFields() { return kCallFields; }
std::span<const FieldSpec> ExchangeApplicationFields() { return kApplicationFields; }
std::span<const FieldSpec> ExchangeApplicationPatchFields() { return kApplicationPatchFields; }
std::span<const FieldSpec> ApplicationWithdrawalFields() { return kWithdrawalFields; }

Problems CheckCallAgreement(std::string_view agreement_state) {
  if (agreement_state == "approved") return {};
  return {{"agreement_id", "not_approved",
           "calls open only on an agreement both sides approved (this one is " +
               std::string(agreement_state) + ")"}};
}

Problems CheckCall(const CallRules& call, const std::vector<std::string>& agreement_years) {
  Problems problems;
  if (std::find(agreement_years.begin(), agreement_years.end(), call.academic_year) ==
      agreement_years.end()) {
    std::string range = agreement_years.empty()
                            ? std::string("none")
                            : agreement_years.front() + " to " + agreement_years.back();
    problems.push_back({"academic_year", "outside_agreement",
                        "must be an academic year the agreement covers (" + range + ")"});
  }
  if (std::find(std::begin(kExchangeDirections), std::end(kExchangeDirections), call.direction) ==
      std::end(kExchangeDirections)) {
    problems.push_back({"direction", "invalid", "home_to_partner or partner_to_home"});
  }
  for (Problem& problem : CheckCallWindow(call.window)) {
    if (problem.field == "closes") problem.field = "closes_on";
    if (problem.field == "opens") problem.field = "opens_on";
    problems.push_back(std::move(problem));
  }
  for (Problem& problem : CheckScoreFormula(call.formula)) problems.push_back(std::move(problem));
  if (call.max_choices < 1 || call.max_choices > kMaxChoicesLimit) {
    problems.push_back(
        {"max_choices", "out_of_range", "between 1 and " + std::to_string(kMaxChoicesLimit)});
  }
  return problems;
}

std::optional<Score> ScoreOfNumber(double number) {
  if (!std::isfinite(number)) return std::nullopt;
  const double scaled = number * kScoreUnit;
  const double rounded = std::round(scaled);
  // A decimal of at most four places lands within rounding error of a whole ten-thousandth.
  if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled))) return std::nullopt;
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", number);
  return ParseScore(text);
}

Problems CheckApplication(const CallRules& call, const std::vector<std::string>& offered,
                          const ApplicationFacts& application) {
  Problems problems;
  for (Problem& problem :
       CheckScaledValue(call.formula, application.academic_average, "academic_average")) {
    problem.field =
        problem.field == "academic_average.scale" ? "average_scale" : "academic_average";
    problems.push_back(std::move(problem));
  }
  if (application.language_score < 0 || application.language_score > 100 * kScoreUnit) {
    problems.push_back({"language_score", "off_scale", "the value must be between 0 and 100"});
  }
  for (Problem& problem : CheckLanguageResults(application.language_results)) {
    problems.push_back(std::move(problem));
  }
  for (Problem& problem : CheckChoices(application.choices, offered, call.max_choices)) {
    problems.push_back(std::move(problem));
  }
  return problems;
}

Problems CheckApplyingAt(const CallWindow& window, Instant now) {
  switch (StateAt(window, now)) {
    case WindowState::kNotOpen:
      return {{"opens_on", "call_not_open",
               "the call opens on " + FormatDate(window.opens) + " (" + window.time_zone + ")"}};
    case WindowState::kClosed:
      return {{"closes_on", "call_closed",
               "the call closed at " + FormatLocal(ClosingInstant(window), window.time_zone) +
                   " (" + window.time_zone + ")"}};
    case WindowState::kOpen:
      break;
  }
  return {};
}

Score ApplicationScore(const CallRules& call, const ApplicationFacts& application) {
  return ComputeScore(call.formula, application.academic_average,
                      {.value = application.language_score, .scale = 100 * kScoreUnit});
}

}  // namespace amity::domain
