// The rules an exchange application obeys before allocation (issue 20): the call's window in its
// own time zone, the ranked choices a student may make, the language results a student states,
// and the eligibility of a student for each chosen cooperation condition (level, language of
// instruction at the condition's minimum, field of study), each failed rule with its reason.
// Pure: the caller reads the call, its conditions and the application, and passes the clock in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"
#include "base/time.h"

namespace amity::domain {

// ---- The call's window --------------------------------------------------------------------------

// A call takes applications from 00:00 of `opens` to the end of `closes` (until 00:00 of the
// next day), both in `time_zone` (IANA: the city's zone). The call's zone decides, never the
// student's: an İzmir call closing on 15 March takes a Harbin student's application until
// 16 March 05:00 Harbin time.
struct CallWindow {
  Date opens;
  Date closes;
  std::string time_zone;
};

// Problems: an unknown zone ("time_zone", unknown_time_zone), `closes` before `opens` ("closes",
// before_opening).
Problems CheckCallWindow(const CallWindow& window);

enum class WindowState { kNotOpen, kOpen, kClosed };

// Where `now` falls: before the opening instant, inside, or at/after the closing instant.
WindowState StateAt(const CallWindow& window, Instant now);

// The first instant that is too late: 00:00 of the day after `closes`, in the call's zone.
Instant ClosingInstant(const CallWindow& window);

// ---- Choices ------------------------------------------------------------------------------------

inline constexpr int kDefaultMaxChoices = 5;
inline constexpr int kMaxChoicesLimit = 20;  // what a call may allow at most

// Problems with a student's ranked `choices` (condition ids, most wanted first) under a call that
// offers `offered` and allows `max_choices`: none ("choices", required), more than allowed
// ("choices", too_many), one the call does not offer ("choices[i]", not_offered), one twice
// ("choices[i]", duplicate).
Problems CheckChoices(const std::vector<std::string>& choices,
                      const std::vector<std::string>& offered, int max_choices);

// ---- Language results ---------------------------------------------------------------------------

// A stated result in one language, e.g. {"en", "B2"}, {"zh", "HSK 4"}, {"en", "YDS 72"}.
struct LanguageResult {
  std::string language;  // ISO 639-1 code of the language tested
  std::string result;
};

// The CEFR level (1 = A1 … 6 = C2) a result counts as, the rule documented in docs/EXCHANGE.md:
//   CEFR "A1" … "C2" as stated, in any language;
//   "HSK n" (HSK 2.0 levels 1–6, Chinese only): HSK 1 → A1, 2 → A2, 3 → B1, 4 → B2, 5 → C1,
//     6 → C2 — the equivalence Hanban published with HSK 2.0; a call may ask for more;
//   "YDS n" (ÖSYM's foreign language exam, 0–100 points, not Chinese): 90+ → C2, 80+ → C1,
//     60+ → B2, 45+ → B1, 30+ → A2, below → A1.
// Absent when the result is none of those shapes or does not fit its language.
std::optional<int> CefrRank(const LanguageResult& stated);

// The CEFR level named by `level` ("A1" … "C2") as a rank 1–6, else absent.
std::optional<int> CefrLevelRank(std::string_view level);

// Problems with the stated results: language not a two-letter code ("language_results[i].language",
// invalid), a result of no known shape ("language_results[i].result", unknown_result), the same
// language twice ("language_results[i].language", duplicate).
Problems CheckLanguageResults(const std::vector<LanguageResult>& results);

// ---- Eligibility --------------------------------------------------------------------------------

// What a cooperation condition asks of a student.
struct ConditionRequirements {
  std::string id;
  std::string level;                    // bachelor, master, doctoral
  std::string language_of_instruction;  // ISO 639-1
  std::string minimum_language_level;   // "A1" … "C2"; empty: none asked
  std::string isced;                    // ISCED-F 2013 code of the field, 2 to 4 digits
};

// What the application says of the student.
struct StudentFacts {
  std::string level;
  std::string isced;  // the student's own field of study at home
  std::vector<LanguageResult> language_results;
};

// One rule the student fails for one condition, with what was asked and what was stated, so the
// officer can show the reason: rule "level" (required "master", stated "bachelor"), "language"
// (required "zh B1", stated "zh A2" or "none"), "field" (required "06", stated "07").
struct Ineligibility {
  std::string condition_id;
  std::string rule;
  std::string required;
  std::string stated;
};

// Every rule `student` fails for `condition`, in the order level, language, field (empty:
// eligible). Field: the student's ISCED broad field (first two digits) must be the condition's;
// a student of "0613" (software) may take a seat in "0612" or "06" but not in "0732".
std::vector<Ineligibility> CheckEligibility(const ConditionRequirements& condition,
                                            const StudentFacts& student);

}  // namespace amity::domain
