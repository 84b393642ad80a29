#include "domain/exchange_eligibility.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace amity::domain {
namespace {

constexpr std::string_view kCefr[] = {"A1", "A2", "B1", "B2", "C1", "C2"};

// "HSK 4" / "HSK4" / "YDS 72" → the number after the exam's name, else absent.
std::optional<int> NumberAfter(std::string_view text, std::string_view exam) {
  if (!text.starts_with(exam)) return std::nullopt;
  text.remove_prefix(exam.size());
  if (text.starts_with(' ')) text.remove_prefix(1);
  if (text.empty() || text.size() > 3) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool IsLanguageCode(std::string_view code) {
  return code.size() == 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string Indexed(std::string_view field, size_t index, std::string_view member = {}) {
  std::string out(field);
  out += '[' + std::to_string(index) + ']';
  if (!member.empty()) (out += '.') += member;
  return out;
}

}  // namespace

Problems CheckCallWindow(const CallWindow& window) {
  Problems problems;
  if (!IsTimeZone(window.time_zone)) {
    problems.push_back({"time_zone", "unknown_time_zone",
                        "the call's time zone must be an IANA zone such as Europe/Istanbul"});
  }
  if (window.closes < window.opens) {
    problems.push_back(
        {"closes", "before_opening", "the call cannot close before the day it opens"});
  }
  return problems;
}

Instant ClosingInstant(const CallWindow& window) {
  return FromLocal(window.closes + std::chrono::days(1), std::chrono::seconds(0), window.time_zone);
}

WindowState StateAt(const CallWindow& window, Instant now) {
  if (now < FromLocal(window.opens, std::chrono::seconds(0), window.time_zone)) {
    return WindowState::kNotOpen;
  }
  return now < ClosingInstant(window) ? WindowState::kOpen : WindowState::kClosed;
}

Problems CheckChoices(const std::vector<std::string>& choices,
                      const std::vector<std::string>& offered, int max_choices) {
  Problems problems;
  if (choices.empty()) {
    problems.push_back({"choices", "required", "rank at least one of the call's conditions"});
    return problems;
  }
  if (std::ssize(choices) > max_choices) {
    problems.push_back(
        {"choices", "too_many",
         "this call lets a student rank at most " + std::to_string(max_choices) + " choices"});
  }
  const std::set<std::string_view> known(offered.begin(), offered.end());
  std::set<std::string_view> seen;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (!known.contains(choices[i])) {
      problems.push_back(
          {Indexed("choices", i), "not_offered", "this condition is not one the call offers"});
    } else if (!seen.insert(choices[i]).second) {
      problems.push_back(
          {Indexed("choices", i), "duplicate", "each condition may be ranked only once"});
    }
  }
  return problems;
}

std::optional<int> CefrLevelRank(std::string_view level) {
  for (size_t i = 0; i < std::size(kCefr); ++i) {
    if (level == kCefr[i]) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

std::optional<int> CefrRank(const LanguageResult& stated) {
  if (!IsLanguageCode(stated.language)) return std::nullopt;
  if (const std::optional<int> rank = CefrLevelRank(stated.result)) return rank;
  if (const std::optional<int> hsk = NumberAfter(stated.result, "HSK")) {
    if (stated.language != "zh" || *hsk < 1 || *hsk > 6) return std::nullopt;
    return *hsk;
  }
  if (const std::optional<int> yds = NumberAfter(stated.result, "YDS")) {
    if (stated.language == "zh" || *yds < 0 || *yds > 100) return std::nullopt;
    if (*yds >= 90) return 6;
    if (*yds >= 80) return 5;
    if (*yds >= 60) return 4;
    if (*yds >= 45) return 3;
    if (*yds >= 30) return 2;
    return 1;
  }
  return std::nullopt;
}

Problems CheckLanguageResults(const std::vector<LanguageResult>& results) {
  Problems problems;
  std::set<std::string_view> seen;
  for (size_t i = 0; i < results.size(); ++i) {
    const LanguageResult& stated = results[i];
    if (!IsLanguageCode(stated.language)) {
      problems.push_back({Indexed("language_results", i, "language"), "invalid",
                          "name the language by its two-letter ISO 639-1 code, e.g. en or zh"});
      continue;
    }
    if (!seen.insert(stated.language).second) {
      problems.push_back({Indexed("language_results", i, "language"), "duplicate",
                          "state one result per language"});
    } else if (!CefrRank(stated)) {
      problems.push_back({Indexed("language_results", i, "result"), "unknown_result",
                          "a result is a CEFR level (A1–C2), \"HSK 1\"–\"HSK 6\" for Chinese or "
                          "\"YDS 0\"–\"YDS 100\" for another language"});
    }
  }
  return problems;
}

std::vector<Ineligibility> CheckEligibility(const ConditionRequirements& condition,
                                            const StudentFacts& student) {
  std::vector<Ineligibility> failed;
  if (student.level != condition.level) {
    failed.push_back({condition.id, "level", condition.level, student.level});
  }
  if (const std::optional<int> needed = CefrLevelRank(condition.minimum_language_level)) {
    const std::string language = condition.language_of_instruction;
    const auto stated =
        std::find_if(student.language_results.begin(), student.language_results.end(),
                     [&](const LanguageResult& result) { return result.language == language; });
    const std::optional<int> rank =
        stated == student.language_results.end() ? std::nullopt : CefrRank(*stated);
    if (!rank || *rank < *needed) {
      failed.push_back({condition.id, "language", language + " " + condition.minimum_language_level,
                        rank ? language + " " + std::string(kCefr[*rank - 1]) : "none"});
    }
  }
  const std::string_view wanted = std::string_view(condition.isced).substr(0, 2);
  const std::string_view own = std::string_view(student.isced).substr(0, 2);
  if (wanted.size() == 2 && own != wanted) {
    failed.push_back({condition.id, "field", std::string(wanted), std::string(own)});
  }
  return failed;
}

}  // namespace amity::domain
