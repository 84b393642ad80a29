#include "domain/allocation.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

namespace amity::domain {

namespace {

std::string Indexed(std::string_view list, std::size_t index, std::string_view field = {}) {
  std::string text(list);
  text += '[';
  text += std::to_string(index);
  text += ']';
  if (!field.empty()) {
    text += '.';
    text += field;
  }
  return text;
}

std::uint64_t SplitMix64(std::uint64_t state) {
  std::uint64_t z = state + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

// ---- Priority keys ----
// A condition's priority of an applicant packed into one integer, larger = first:
// bit 63 the floor, bits 31..62 the score offset by 2^31, bits 0..30 the complement of the
// applicant's place in the lottery order (a dense rank of (lottery, id)).
constexpr std::uint64_t kTieBits = 31;
constexpr std::uint64_t kTieMask = (std::uint64_t{1} << kTieBits) - 1;
constexpr std::uint32_t kMaxApplicants = static_cast<std::uint32_t>(kTieMask);

std::uint64_t PackKey(bool floor, Score score, std::uint32_t tie_rank) {
  return (std::uint64_t{floor} << 63) |
         (static_cast<std::uint64_t>(score + (Score{1} << 31)) << kTieBits) | (kTieMask - tie_rank);
}
std::uint32_t KeyTieRank(std::uint64_t key) {
  return static_cast<std::uint32_t>(kTieMask - (key & kTieMask));
}
Score KeyScore(std::uint64_t key) {
  return static_cast<Score>((key >> kTieBits) & 0xFFFFFFFFULL) - (Score{1} << 31);
}
bool KeyFloor(std::uint64_t key) { return (key >> 63) != 0; }

// What Check and Allocate share: the lottery numbers, the lottery order (which also finds
// duplicate ids) and the problems.
struct Prepared {
  std::vector<std::uint64_t> lottery;       // per applicant
  std::vector<std::uint32_t> by_tie_rank;   // applicant at each place of the lottery order
  std::vector<std::uint32_t> floor_choice;  // per applicant: index in choices, or kNotPlaced
  Problems problems;
};

Prepared Prepare(const AllocationInput& input, bool stop_at_first) {
  Prepared prepared;
  Problems& problems = prepared.problems;
  auto add = [&](std::string field, std::string code, std::string message) {
    problems.push_back({std::move(field), std::move(code), std::move(message)});
    return stop_at_first;
  };
  const std::size_t m = input.conditions.size();
  const std::size_t n = input.applicants.size();
  if (n > kMaxApplicants) {
    add("applicants", "too_many", "at most 2147483647 applicants");
    return prepared;
  }
  if (m >= kNotPlaced) {
    add("conditions", "too_many", "too many conditions");
    return prepared;
  }
  {
    std::vector<std::pair<std::string_view, std::size_t>> ids;
    ids.reserve(m);
    for (std::size_t c = 0; c < m; ++c) {
      const AllocationCondition& condition = input.conditions[c];
      if (condition.id.empty()) {
        if (add(Indexed("conditions", c, "id"), "required", "a condition needs an id")) {
          return prepared;
        }
      }
      if (condition.seats > kMaxSeats) {
        if (add(Indexed("conditions", c, "seats"), "too_large", "at most 1000000 seats")) {
          return prepared;
        }
      }
      ids.emplace_back(condition.id, c);
    }
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 1; i < ids.size(); ++i) {
      if (!ids[i].first.empty() && ids[i].first == ids[i - 1].first) {
        if (add(Indexed("conditions", ids[i].second, "id"), "duplicate",
                "another condition has this id")) {
          return prepared;
        }
      }
    }
  }
  prepared.lottery.resize(n);
  prepared.floor_choice.assign(n, kNotPlaced);
  // Which applicant last chose each condition: finds a condition chosen twice in one pass.
  std::vector<std::uint32_t> chosen_by(m, kNotPlaced);
  for (std::uint32_t a = 0; a < n; ++a) {
    const AllocationApplicant& applicant = input.applicants[a];
    if (applicant.id.empty()) {
      if (add(Indexed("applicants", a, "id"), "required", "an applicant needs an id")) {
        return prepared;
      }
    }
    prepared.lottery[a] = LotteryNumber(input.seed, applicant.id);
    for (std::size_t j = 0; j < applicant.choices.size(); ++j) {
      const AllocationChoice& choice = applicant.choices[j];
      // Built only for a problem: this loop runs once per choice.
      auto field = [&] { return Indexed("applicants", a) + "." + Indexed("choices", j); };
      if (choice.condition >= m) {
        if (add(field() + ".condition", "unknown", "no such condition")) return prepared;
        continue;
      }
      if (chosen_by[choice.condition] == a) {
        if (add(field() + ".condition", "duplicate", "this condition is already a choice")) {
          return prepared;
        }
      }
      chosen_by[choice.condition] = a;
      if (choice.score < kMinScore || choice.score > kMaxScore) {
        if (add(field() + ".score", "out_of_range", "the score is out of range")) return prepared;
      }
      if (applicant.floor && *applicant.floor == choice.condition &&
          prepared.floor_choice[a] == kNotPlaced) {
        prepared.floor_choice[a] = static_cast<std::uint32_t>(j);
      }
    }
    if (applicant.floor && prepared.floor_choice[a] == kNotPlaced) {
      if (add(Indexed("applicants", a, "floor"), "not_a_choice",
              "the floor must be one of the applicant's choices")) {
        return prepared;
      }
    }
  }
  // The lottery order: sort by number; ties (and so duplicate ids) only among equal numbers.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(n);
  for (std::uint32_t a = 0; a < n; ++a) order[a] = {prepared.lottery[a], a};
  std::sort(order.begin(), order.end());
  for (std::size_t i = 0; i < n;) {
    std::size_t end = i + 1;
    while (end < n && order[end].first == order[i].first) ++end;
    if (end - i > 1) {
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(i),
                order.begin() + static_cast<std::ptrdiff_t>(end), [&](auto left, auto right) {
                  const std::string& l = input.applicants[left.second].id;
                  const std::string& r = input.applicants[right.second].id;
                  return l != r ? l < r : left.second < right.second;
                });
      for (std::size_t k = i + 1; k < end; ++k) {
        if (input.applicants[order[k].second].id == input.applicants[order[k - 1].second].id &&
            !input.applicants[order[k].second].id.empty()) {
          if (add(Indexed("applicants", order[k].second, "id"), "duplicate",
                  "another applicant has this id")) {
            return prepared;
          }
        }
      }
    }
    i = end;
  }
  prepared.by_tie_rank.resize(n);
  for (std::uint32_t r = 0; r < n; ++r) prepared.by_tie_rank[r] = order[r].second;
  return prepared;
}

// The score as an integer of ten-thousandths, written like the input: "-12", "0", "846250".
void AppendInteger(std::string& out, std::int64_t value) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}
void AppendUnsigned(std::string& out, std::uint64_t value) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}
void AppendId(std::string& out, std::string_view id) {
  AppendUnsigned(out, id.size());
  out += ':';
  out += id;
}

// Indices of `items` sorted by their id, bytewise.
template <typename T>
std::vector<std::uint32_t> ByIdOrder(const std::vector<T>& items) {
  std::vector<std::uint32_t> order(items.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t l, std::uint32_t r) { return items[l].id < items[r].id; });
  return order;
}

}  // namespace

// ---- Scores ----

std::optional<Score> ParseScore(std::string_view text) {
  std::size_t at = 0;
  bool negative = false;
  if (at < text.size() && text[at] == '-') {
    negative = true;
    ++at;
  }
  const std::size_t digits_start = at;
  Score whole = 0;
  constexpr Score kBound = kMaxScore * 1000;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
    whole = whole * 10 + (text[at] - '0');
    if (whole > kBound / kScoreUnit) return std::nullopt;
    ++at;
  }
  if (at == digits_start) return std::nullopt;
  Score fraction = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t fraction_start = at;
    Score place = kScoreUnit;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      place /= 10;
      if (place == 0) return std::nullopt;  // a fifth decimal
      fraction += (text[at] - '0') * place;
      ++at;
    }
    if (at == fraction_start) return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  const Score value = whole * kScoreUnit + fraction;
  return negative ? -value : value;
}

std::string FormatScore(Score score) {
  std::string text;
  const bool negative = score < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(score + 1)) + 1 : static_cast<std::uint64_t>(score);
  if (negative) text += '-';
  AppendUnsigned(text, magnitude / kScoreUnit);
  std::string fraction = std::to_string(magnitude % kScoreUnit + kScoreUnit).substr(1);
  while (fraction.size() > 2 && fraction.back() == '0') fraction.pop_back();
  text += '.';
  text += fraction;
  return text;
}

Problems CheckScoreFormula(const ScoreFormula& formula) {
  Problems problems;
  if (formula.academic_weight < 0) {
    problems.push_back({"academic_weight", "out_of_range", "a weight cannot be negative"});
  }
  if (formula.language_weight < 0) {
    problems.push_back({"language_weight", "out_of_range", "a weight cannot be negative"});
  }
  if (problems.empty() && formula.academic_weight + formula.language_weight != 100 * kScoreUnit) {
    problems.push_back({"language_weight", "weights_not_100", "the weights must add up to 100%"});
  }
  if (formula.scales.empty()) {
    problems.push_back({"scales", "required", "at least one scale"});
  }
  for (std::size_t i = 0; i < formula.scales.size(); ++i) {
    if (formula.scales[i] <= 0 || formula.scales[i] > 100000 * kScoreUnit) {
      problems.push_back(
          {Indexed("scales", i), "out_of_range", "a scale's maximum is above 0, at most 100000"});
    }
  }
  return problems;
}

Problems CheckScaledValue(const ScoreFormula& formula, const ScaledValue& value,
                          std::string_view field) {
  Problems problems;
  const std::string prefix(field);
  if (std::find(formula.scales.begin(), formula.scales.end(), value.scale) ==
      formula.scales.end()) {
    problems.push_back(
        {prefix + ".scale", "scale_not_accepted", "the call does not accept this scale"});
    return problems;
  }
  if (value.value < 0 || value.value > value.scale) {
    problems.push_back({prefix + ".value", "off_scale",
                        "the value must be between 0 and " + FormatScore(value.scale)});
  }
  return problems;
}

Score ComputeScore(const ScoreFormula& formula, const ScaledValue& academic,
                   const ScaledValue& language, Score adjustment) {
  Problems problems = CheckScoreFormula(formula);
  for (Problem& problem : CheckScaledValue(formula, academic, "academic")) {
    problems.push_back(std::move(problem));
  }
  for (Problem& problem : CheckScaledValue(formula, language, "language")) {
    problems.push_back(std::move(problem));
  }
  if (!problems.empty()) {
    throw std::invalid_argument(problems.front().field + ": " + problems.front().message);
  }
  // weight/(100 units) × value/scale × 100 points, in units: weight × value / scale. Both terms
  // over one denominator so that the sum is rounded once.
  using Wide = __int128;
  const Wide numerator = Wide{formula.academic_weight} * academic.value * language.scale +
                         Wide{formula.language_weight} * language.value * academic.scale;
  const Wide denominator = Wide{academic.scale} * language.scale;
  const Wide rounded = (2 * numerator + denominator) / (2 * denominator);  // half up, ≥ 0
  const Wide total = rounded + adjustment;
  if (total > kMaxScore || total < kMinScore) {
    throw std::invalid_argument("the score is out of range");
  }
  return static_cast<Score>(total);
}

// ---- Lottery ----

std::uint64_t LotteryNumber(std::uint64_t seed, std::string_view applicant_id) {
  return SplitMix64(seed ^ Fnv1a64(applicant_id));
}

// ---- Allocation ----

Problems CheckAllocationInput(const AllocationInput& input) {
  return Prepare(input, false).problems;
}

AllocationResult Allocate(const AllocationInput& input) {
  Prepared prepared = Prepare(input, true);
  if (!prepared.problems.empty()) {
    throw std::invalid_argument(prepared.problems.front().field + ": " +
                                prepared.problems.front().message);
  }
  const std::uint32_t n = static_cast<std::uint32_t>(input.applicants.size());
  const std::size_t m = input.conditions.size();
  std::vector<std::uint32_t> tie_rank(n);
  for (std::uint32_t r = 0; r < n; ++r) tie_rank[prepared.by_tie_rank[r]] = r;

  // How far down its list each applicant applies: to its floor at most.
  std::vector<std::uint32_t> limit(n);
  std::vector<std::uint32_t> demand(m, 0);
  for (std::uint32_t a = 0; a < n; ++a) {
    const auto& choices = input.applicants[a].choices;
    limit[a] = prepared.floor_choice[a] != kNotPlaced ? prepared.floor_choice[a] + 1
                                                      : static_cast<std::uint32_t>(choices.size());
    for (std::uint32_t j = 0; j < limit[a]; ++j) ++demand[choices[j].condition];
  }
  // Each condition's admitted applicants are a min-heap of priority keys (its worst on top) in
  // one flat array, sized by what it can hold: no more than its seats or those who chose it.
  std::vector<std::size_t> offset(m + 1, 0);
  for (std::size_t c = 0; c < m; ++c) {
    offset[c + 1] = offset[c] + std::min<std::uint32_t>(input.conditions[c].seats, demand[c]);
  }
  std::vector<std::uint64_t> heaps(offset[m]);
  std::vector<std::uint32_t> size(m, 0);
  std::vector<std::uint32_t> next(n, 0);  // the choice each applicant holds or applies to next

  auto key_of = [&](std::uint32_t a, std::uint32_t j) {
    return PackKey(j == prepared.floor_choice[a], input.applicants[a].choices[j].score,
                   tie_rank[a]);
  };
  // Replaces the heap's top (its worst) with `key` and restores the heap.
  auto replace_top = [&](std::uint64_t* heap, std::uint32_t count, std::uint64_t key) {
    std::uint32_t at = 0;
    while (true) {
      std::uint32_t child = 2 * at + 1;
      if (child >= count) break;
      if (child + 1 < count && heap[child + 1] < heap[child]) ++child;
      if (heap[child] >= key) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = key;
  };
  auto push = [&](std::uint64_t* heap, std::uint32_t count, std::uint64_t key) {
    std::uint32_t at = count;
    while (at > 0) {
      const std::uint32_t parent = (at - 1) / 2;
      if (heap[parent] <= key) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = key;
  };

  // Applicants enter one by one; a rejected one applies on down its list at once, and one pushed
  // out of a seat takes over (McVitie–Wilson): the outcome is deferred acceptance's whatever the
  // order of proposals.
  for (std::uint32_t first = 0; first < n; ++first) {
    std::uint32_t a = first;
    while (next[a] < limit[a]) {
      const std::uint32_t j = next[a];
      const std::uint32_t c = input.applicants[a].choices[j].condition;
      const std::uint32_t capacity = static_cast<std::uint32_t>(offset[c + 1] - offset[c]);
      std::uint64_t* heap = heaps.data() + offset[c];
      const std::uint64_t key = key_of(a, j);
      if (size[c] < capacity) {
        push(heap, size[c]++, key);
        break;
      }
      if (capacity > 0 && key > heap[0]) {
        const std::uint32_t out = prepared.by_tie_rank[KeyTieRank(heap[0])];
        replace_top(heap, size[c], key);
        a = out;
      }
      ++next[a];
    }
  }

  AllocationResult result;
  result.applicants.resize(n);
  for (std::uint32_t a = 0; a < n; ++a) {
    Placement& placement = result.applicants[a];
    placement.lottery = prepared.lottery[a];
    if (next[a] < limit[a]) {
      placement.condition = input.applicants[a].choices[next[a]].condition;
      placement.rank = next[a] + 1;
    }
  }
  result.conditions.resize(m);
  for (std::size_t c = 0; c < m; ++c) {
    ConditionOutcome& outcome = result.conditions[c];
    outcome.admitted = size[c];
    if (size[c] > 0 && size[c] == input.conditions[c].seats) {
      const std::uint64_t worst = heaps[offset[c]];
      outcome.cutoff = Cutoff{.score = KeyScore(worst),
                              .lottery = prepared.lottery[prepared.by_tie_rank[KeyTieRank(worst)]],
                              .floor = KeyFloor(worst)};
    }
  }
  return result;
}

std::vector<ChoiceExplanation> ExplainPlacement(const AllocationInput& input,
                                                const AllocationResult& result,
                                                std::uint32_t applicant) {
  const AllocationApplicant& who = input.applicants.at(applicant);
  const Placement& placement = result.applicants.at(applicant);
  const std::size_t above = placement.condition == kNotPlaced
                                ? who.choices.size()
                                : std::min<std::size_t>(placement.rank - 1, who.choices.size());
  std::vector<ChoiceExplanation> explanations;
  explanations.reserve(above);
  for (std::size_t j = 0; j < above; ++j) {
    const AllocationChoice& choice = who.choices[j];
    ChoiceExplanation explanation{.rank = static_cast<std::uint32_t>(j + 1),
                                  .condition = choice.condition,
                                  .own_score = choice.score};
    const ConditionOutcome& outcome = result.conditions.at(choice.condition);
    if (input.conditions.at(choice.condition).seats == 0) {
      explanation.reason = Refusal::kNoSeats;
    } else if (!outcome.cutoff) {
      throw std::logic_error("a choice ranked higher has a free seat: not this input's result");
    } else {
      explanation.cutoff_score = outcome.cutoff->score;
      explanation.reason = outcome.cutoff->floor ? Refusal::kHeld : Refusal::kOutranked;
      explanation.decided_by_lottery =
          !outcome.cutoff->floor && outcome.cutoff->score == choice.score;
    }
    explanations.push_back(explanation);
  }
  return explanations;
}

AllocationInput RerunInput(const AllocationInput& previous, const AllocationResult& result,
                           std::span<const std::uint32_t> withdrawn) {
  const std::size_t n = previous.applicants.size();
  if (result.applicants.size() != n) throw std::out_of_range("the result is of another input");
  std::vector<bool> gone(n, false);
  for (std::uint32_t index : withdrawn) {
    if (index >= n) throw std::out_of_range("no such applicant");
    gone[index] = true;
  }
  AllocationInput rerun;
  rerun.conditions = previous.conditions;
  rerun.seed = previous.seed;
  rerun.applicants.reserve(n - withdrawn.size());
  for (std::size_t a = 0; a < n; ++a) {
    if (gone[a]) continue;
    AllocationApplicant applicant = previous.applicants[a];
    applicant.floor.reset();
    if (result.applicants[a].condition != kNotPlaced) {
      applicant.floor = result.applicants[a].condition;
    }
    rerun.applicants.push_back(std::move(applicant));
  }
  return rerun;
}

// ---- Canonical bytes ----

std::string CanonicalAllocationInput(const AllocationInput& input) {
  std::string out = "amity-allocation-input 1\nseed ";
  AppendUnsigned(out, input.seed);
  out += "\nconditions ";
  AppendUnsigned(out, input.conditions.size());
  out += '\n';
  for (std::uint32_t c : ByIdOrder(input.conditions)) {
    AppendId(out, input.conditions[c].id);
    out += ' ';
    AppendUnsigned(out, input.conditions[c].seats);
    out += '\n';
  }
  out += "applicants ";
  AppendUnsigned(out, input.applicants.size());
  out += '\n';
  for (std::uint32_t a : ByIdOrder(input.applicants)) {
    const AllocationApplicant& applicant = input.applicants[a];
    AppendId(out, applicant.id);
    out += ' ';
    if (applicant.floor) {
      AppendId(out, input.conditions.at(*applicant.floor).id);
    } else {
      out += '-';
    }
    out += ' ';
    AppendUnsigned(out, applicant.choices.size());
    for (const AllocationChoice& choice : applicant.choices) {
      out += ' ';
      AppendId(out, input.conditions.at(choice.condition).id);
      out += ' ';
      AppendInteger(out, choice.score);
    }
    out += '\n';
  }
  return out;
}

std::string CanonicalAllocationResult(const AllocationInput& input,
                                      const AllocationResult& result) {
  std::string out = "amity-allocation-result 1\nconditions ";
  AppendUnsigned(out, input.conditions.size());
  out += '\n';
  for (std::uint32_t c : ByIdOrder(input.conditions)) {
    const ConditionOutcome& outcome = result.conditions.at(c);
    AppendId(out, input.conditions[c].id);
    out += ' ';
    AppendUnsigned(out, input.conditions[c].seats);
    out += ' ';
    AppendUnsigned(out, outcome.admitted);
    out += ' ';
    if (outcome.cutoff) {
      AppendInteger(out, outcome.cutoff->score);
      out += ' ';
      AppendUnsigned(out, outcome.cutoff->lottery);
      out += outcome.cutoff->floor ? " 1" : " 0";
    } else {
      out += '-';
    }
    out += '\n';
  }
  out += "applicants ";
  AppendUnsigned(out, input.applicants.size());
  out += '\n';
  for (std::uint32_t a : ByIdOrder(input.applicants)) {
    const Placement& placement = result.applicants.at(a);
    AppendId(out, input.applicants[a].id);
    out += ' ';
    AppendUnsigned(out, placement.lottery);
    out += ' ';
    if (placement.condition == kNotPlaced) {
      out += "- 0";
    } else {
      AppendId(out, input.conditions.at(placement.condition).id);
      out += ' ';
      AppendUnsigned(out, placement.rank);
    }
    out += '\n';
  }
  return out;
}

}  // namespace amity::domain
