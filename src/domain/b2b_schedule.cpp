#include "domain/b2b_schedule.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <map>
#include <queue>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace amity::domain {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFF;
// Budgets of the improvement phase in units of work (a slot or a meeting looked at), per search
// and in all: counted rather than timed, so that the result does not depend on the machine.
constexpr std::uint64_t kWorkPerSearch = 200'000;
constexpr std::uint64_t kWorkInAll = 30'000'000;

void CheckParties(const std::vector<B2bParty>& parties, const std::string& kind, std::size_t slots,
                  Problems& problems) {
  std::map<std::string_view, std::size_t> seen;
  std::vector<std::uint32_t> mark(slots, kNone);
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const std::string field = kind + "[" + std::to_string(i) + "]";
    const B2bParty& party = parties[i];
    if (party.id.empty()) {
      problems.push_back({field + ".id", "required", "an id is required"});
    } else if (!seen.emplace(party.id, i).second) {
      problems.push_back({field + ".id", "duplicate", "the id " + party.id + " is used twice"});
    }
    if (!party.available_slots) continue;
    for (std::size_t j = 0; j < party.available_slots->size(); ++j) {
      const std::uint32_t slot = (*party.available_slots)[j];
      const std::string slot_field = field + ".available_slots[" + std::to_string(j) + "]";
      if (slot >= slots) {
        problems.push_back({slot_field, "unknown", "no such slot"});
      } else if (mark[slot] == i) {
        problems.push_back({slot_field, "duplicate", "the slot is listed twice"});
      } else {
        mark[slot] = static_cast<std::uint32_t>(i);
      }
    }
  }
}

// The search state: which request sits in which slot, and the derived occupancy.
class Scheduler {
 public:
  explicit Scheduler(const B2bInput& input);
  void PlaceGreedily();
  void Improve();
  B2bSchedule Result() const;

 private:
  bool Candidate(std::uint32_t r, std::uint32_t s) const {
    return (candidates_[r * words_ + s / 64] >> (s % 64)) & 1;
  }
  // Whether r could be placed at s now: both parties free and a table free.
  bool Fits(std::uint32_t r, std::uint32_t s) const {
    const B2bRequest& q = input_.requests[r];
    return buyer_at_[q.buyer * slots_ + s] == kNone &&
           exhibitor_at_[q.exhibitor * slots_ + s] == kNone && used_[s] < capacity_[s];
  }
  std::uint32_t OpenSlots(std::uint32_t r) const;
  void Place(std::uint32_t r, std::uint32_t s);
  void Remove(std::uint32_t r);
  void Unpend(std::uint32_t r);
  // Undoes every Place and Remove journaled since the journal had `mark` entries.
  void RollBack(std::size_t mark);
  bool Relocate(std::uint32_t r, std::uint32_t root_priority, bool& dropped);
  std::uint64_t UpperBound() const;

  const B2bInput& input_;
  std::uint32_t slots_, words_, requests_;
  std::vector<std::uint64_t> candidates_;  // per request, words_ words: the common slots
  std::vector<std::uint32_t> capacity_;    // per slot: the tables there
  std::vector<std::uint32_t> used_;        // per slot: meetings placed
  std::vector<std::uint32_t> buyer_at_;    // per buyer × slot: the request placed, or kNone
  std::vector<std::uint32_t> exhibitor_at_;
  std::vector<std::uint32_t> slot_of_;  // per request
  std::vector<std::vector<std::uint32_t>> at_slot_;
  std::vector<std::uint32_t> place_in_slot_;  // r's index in at_slot_[slot_of_[r]]
  // The greedy phase's demand: per buyer × slot, exhibitor × slot and slot, how many requests
  // still waiting could use it.
  std::vector<std::uint32_t> buyer_demand_, exhibitor_demand_, slot_demand_;
  std::vector<std::vector<std::uint32_t>> of_buyer_, of_exhibitor_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> journal_;  // (request, slot it had)
  std::vector<std::uint32_t> visited_;  // the search stamp that last examined the request
  std::uint32_t stamp_ = 0;
  std::uint64_t work_ = 0, search_work_ = 0, met_priority_ = 0, upper_bound_ = 0;
};

std::vector<std::uint64_t> AvailableBits(const std::optional<std::vector<std::uint32_t>>& slots,
                                         std::uint32_t slot_count, std::uint32_t words) {
  std::vector<std::uint64_t> bits(words, 0);
  if (!slots) {
    for (std::uint32_t s = 0; s < slot_count; ++s) bits[s / 64] |= std::uint64_t{1} << (s % 64);
  } else {
    for (std::uint32_t s : *slots) bits[s / 64] |= std::uint64_t{1} << (s % 64);
  }
  return bits;
}

Scheduler::Scheduler(const B2bInput& input)
    : input_(input),
      slots_(static_cast<std::uint32_t>(input.slots.size())),
      words_((slots_ + 63) / 64),
      requests_(static_cast<std::uint32_t>(input.requests.size())) {
  capacity_.assign(slots_, 0);
  for (const B2bParty& table : input.tables) {
    const auto bits = AvailableBits(table.available_slots, slots_, words_);
    for (std::uint32_t s = 0; s < slots_; ++s) capacity_[s] += (bits[s / 64] >> (s % 64)) & 1;
  }
  std::vector<std::uint64_t> with_table(words_, 0);
  for (std::uint32_t s = 0; s < slots_; ++s) {
    if (capacity_[s] > 0) with_table[s / 64] |= std::uint64_t{1} << (s % 64);
  }
  std::vector<std::vector<std::uint64_t>> buyer_bits, exhibitor_bits;
  for (const B2bParty& buyer : input.buyers) {
    buyer_bits.push_back(AvailableBits(buyer.available_slots, slots_, words_));
  }
  for (const B2bParty& exhibitor : input.exhibitors) {
    exhibitor_bits.push_back(AvailableBits(exhibitor.available_slots, slots_, words_));
  }
  candidates_.assign(static_cast<std::size_t>(requests_) * words_, 0);
  of_buyer_.resize(input.buyers.size());
  of_exhibitor_.resize(input.exhibitors.size());
  for (std::uint32_t r = 0; r < requests_; ++r) {
    const B2bRequest& q = input.requests[r];
    for (std::uint32_t w = 0; w < words_; ++w) {
      candidates_[r * words_ + w] =
          buyer_bits[q.buyer][w] & exhibitor_bits[q.exhibitor][w] & with_table[w];
    }
    of_buyer_[q.buyer].push_back(r);
    of_exhibitor_[q.exhibitor].push_back(r);
  }
  used_.assign(slots_, 0);
  buyer_at_.assign(input.buyers.size() * slots_, kNone);
  exhibitor_at_.assign(input.exhibitors.size() * slots_, kNone);
  slot_of_.assign(requests_, kNone);
  at_slot_.resize(slots_);
  place_in_slot_.assign(requests_, kNone);
  visited_.assign(requests_, 0);
}

std::uint32_t Scheduler::OpenSlots(std::uint32_t r) const {
  std::uint32_t open = 0;
  for (std::uint32_t s = 0; s < slots_; ++s) open += Candidate(r, s) && Fits(r, s);
  return open;
}

void Scheduler::Place(std::uint32_t r, std::uint32_t s) {
  const B2bRequest& q = input_.requests[r];
  journal_.emplace_back(r, slot_of_[r]);
  slot_of_[r] = s;
  buyer_at_[q.buyer * slots_ + s] = r;
  exhibitor_at_[q.exhibitor * slots_ + s] = r;
  ++used_[s];
  place_in_slot_[r] = static_cast<std::uint32_t>(at_slot_[s].size());
  at_slot_[s].push_back(r);
}

void Scheduler::Remove(std::uint32_t r) {
  const B2bRequest& q = input_.requests[r];
  const std::uint32_t s = slot_of_[r];
  journal_.emplace_back(r, s);
  slot_of_[r] = kNone;
  buyer_at_[q.buyer * slots_ + s] = kNone;
  exhibitor_at_[q.exhibitor * slots_ + s] = kNone;
  --used_[s];
  auto& here = at_slot_[s];
  const std::uint32_t last = here.back();
  here[place_in_slot_[r]] = last;
  place_in_slot_[last] = place_in_slot_[r];
  here.pop_back();
  place_in_slot_[r] = kNone;
}

void Scheduler::Unpend(std::uint32_t r) {
  const B2bRequest& q = input_.requests[r];
  for (std::uint32_t s = 0; s < slots_; ++s) {
    if (!Candidate(r, s)) continue;
    --buyer_demand_[q.buyer * slots_ + s];
    --exhibitor_demand_[q.exhibitor * slots_ + s];
    --slot_demand_[s];
  }
}

void Scheduler::PlaceGreedily() {
  buyer_demand_.assign(input_.buyers.size() * slots_, 0);
  exhibitor_demand_.assign(input_.exhibitors.size() * slots_, 0);
  slot_demand_.assign(slots_, 0);
  for (std::uint32_t r = 0; r < requests_; ++r) {
    const B2bRequest& q = input_.requests[r];
    for (std::uint32_t s = 0; s < slots_; ++s) {
      if (!Candidate(r, s)) continue;
      ++buyer_demand_[q.buyer * slots_ + s];
      ++exhibitor_demand_[q.exhibitor * slots_ + s];
      ++slot_demand_[s];
    }
  }
  // Most urgent first: highest priority, then fewest open slots, then lowest index. Open slots
  // only ever shrink, so an entry whose count is stale is pushed again with the current one.
  using Entry = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;  // −priority, open, r
  auto later = [](const Entry& a, const Entry& b) { return a > b; };
  std::priority_queue<Entry, std::vector<Entry>, decltype(later)> queue(later);
  std::vector<std::uint32_t> open(requests_);
  std::vector<bool> done(requests_, false);
  for (std::uint32_t r = 0; r < requests_; ++r) {
    open[r] = OpenSlots(r);
    queue.emplace(kMaxB2bPriority - input_.requests[r].priority, open[r], r);
  }
  auto refresh = [&](std::uint32_t r) {
    if (done[r]) return;
    const std::uint32_t now = OpenSlots(r);
    if (now != open[r]) {
      open[r] = now;
      queue.emplace(kMaxB2bPriority - input_.requests[r].priority, now, r);
    }
  };
  while (!queue.empty()) {
    const auto [inverse_priority, count, r] = queue.top();
    queue.pop();
    if (done[r] || count != open[r]) continue;
    done[r] = true;
    Unpend(r);
    const B2bRequest& q = input_.requests[r];
    // The open slot the others need least: the buyer's and exhibitor's other waiting requests
    // that could use it, then how crowded it is (waiting requests per free table), then earliest.
    std::uint32_t best = kNone;
    std::uint64_t best_need = 0, best_crowd = 0, best_free = 1;
    for (std::uint32_t s = 0; s < slots_; ++s) {
      if (!Candidate(r, s) || !Fits(r, s)) continue;
      const std::uint64_t need =
          buyer_demand_[q.buyer * slots_ + s] + exhibitor_demand_[q.exhibitor * slots_ + s];
      const std::uint64_t crowd = slot_demand_[s];
      const std::uint64_t free = capacity_[s] - used_[s];
      if (best == kNone || need < best_need ||
          (need == best_need && crowd * best_free < best_crowd * free)) {
        best = s;
        best_need = need;
        best_crowd = crowd;
        best_free = free;
      }
    }
    if (best == kNone) continue;
    Place(r, best);
    for (std::uint32_t other : of_buyer_[q.buyer]) refresh(other);
    for (std::uint32_t other : of_exhibitor_[q.exhibitor]) refresh(other);
    if (used_[best] == capacity_[best]) {
      for (std::uint32_t other = 0; other < requests_; ++other) {
        if (Candidate(other, best)) refresh(other);
      }
    }
  }
}

// Gives unplaced request r a slot, moving the meetings that block the slot it takes (its
// buyer's and its exhibitor's there, or one meeting of a slot whose tables are all taken) to
// other slots, recursively: an augmenting chain. True when r is placed; on false the state is as
// before. `dropped`: whether the chain already left one request of lower priority than its root
// unmet (at most one may be, so that the met priority still rises).
bool Scheduler::Relocate(std::uint32_t r, std::uint32_t root_priority, bool& dropped) {
  if (visited_[r] == stamp_ || search_work_ >= kWorkPerSearch || work_ >= kWorkInAll) {
    return false;
  }
  visited_[r] = stamp_;
  search_work_ += slots_;
  work_ += slots_;
  for (std::uint32_t s = 0; s < slots_; ++s) {
    if (Candidate(r, s) && Fits(r, s)) {
      Place(r, s);
      return true;
    }
  }
  // A displaced meeting finds a slot, or is the one the chain drops.
  auto settle = [&](std::uint32_t moved) {
    if (Relocate(moved, root_priority, dropped)) return true;
    if (dropped || input_.requests[moved].priority >= root_priority) return false;
    dropped = true;
    return true;
  };
  // Takes slot s for r after moving `first` and `second` (kNone: nobody) out of it.
  auto take = [&](std::uint32_t s, std::uint32_t first, std::uint32_t second) {
    if (visited_[first] == stamp_ || (second != kNone && visited_[second] == stamp_) ||
        search_work_ >= kWorkPerSearch || work_ >= kWorkInAll) {
      return false;
    }
    search_work_ += 8;  // a move and its undo cost about as much as eight slots looked at
    work_ += 8;
    const std::size_t mark = journal_.size();
    const bool dropped_before = dropped;
    Remove(first);
    if (second != kNone) Remove(second);
    Place(r, s);
    if (settle(first) && (second == kNone || settle(second))) return true;
    RollBack(mark);
    dropped = dropped_before;
    return false;
  };
  const B2bRequest& q = input_.requests[r];
  for (std::uint32_t s = 0; s < slots_; ++s) {
    if (!Candidate(r, s)) continue;
    const std::uint32_t by_buyer = buyer_at_[q.buyer * slots_ + s];
    const std::uint32_t by_exhibitor = exhibitor_at_[q.exhibitor * slots_ + s];
    if (by_buyer != kNone || by_exhibitor != kNone) {
      if (by_buyer == kNone ? take(s, by_exhibitor, kNone) : take(s, by_buyer, by_exhibitor)) {
        return true;
      }
      continue;
    }
    // Every table taken: any meeting here may move.
    const std::vector<std::uint32_t> here = at_slot_[s];
    search_work_ += here.size();
    work_ += here.size();
    for (std::uint32_t blocker : here) {
      if (take(s, blocker, kNone)) return true;
    }
  }
  return false;
}

void Scheduler::RollBack(std::size_t mark) {
  while (journal_.size() > mark) {
    const auto [r, slot] = journal_.back();
    journal_.pop_back();
    // Undo without journaling: the entries popped are the record.
    const std::size_t keep = journal_.size();
    if (slot_of_[r] != kNone) Remove(r);
    if (slot != kNone) Place(r, slot);
    journal_.resize(keep);
  }
}

void Scheduler::Improve() {
  // Unmet requests by priority, highest first, then index.
  std::vector<std::uint32_t> order;
  for (std::uint32_t r = 0; r < requests_; ++r) order.push_back(r);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return input_.requests[a].priority > input_.requests[b].priority;
  });
  for (std::uint32_t r = 0; r < requests_; ++r) {
    if (slot_of_[r] != kNone) met_priority_ += input_.requests[r].priority;
  }
  upper_bound_ = UpperBound();
  // Every success raises the met priority, so the rounds end; the budget bounds them too, and
  // reaching the upper bound proves the schedule optimal.
  bool improved = true;
  while (improved && work_ < kWorkInAll && met_priority_ < upper_bound_) {
    improved = false;
    for (std::uint32_t r : order) {
      if (slot_of_[r] != kNone || met_priority_ == upper_bound_) continue;
      ++stamp_;
      search_work_ = 0;
      journal_.clear();
      bool dropped = false;
      if (Relocate(r, input_.requests[r].priority, dropped)) {
        improved = true;
        met_priority_ = 0;
        for (std::uint32_t q = 0; q < requests_; ++q) {
          if (slot_of_[q] != kNone) met_priority_ += input_.requests[q].priority;
        }
      }
    }
  }
}

// The least of three sums no schedule can pass: each exhibitor's (each buyer's) highest
// priorities, as many as the slots it can meet in; the highest priorities over all, as many as
// there are tables in all slots. Only requests with a common slot count.
std::uint64_t Scheduler::UpperBound() const {
  std::vector<std::uint32_t> with_slot;
  for (std::uint32_t r = 0; r < requests_; ++r) {
    for (std::uint32_t w = 0; w < words_; ++w) {
      if (candidates_[r * words_ + w] != 0) {
        with_slot.push_back(r);
        break;
      }
    }
  }
  // The sum of the `limit` highest priorities of `requests`.
  auto top = [&](std::vector<std::uint32_t> priorities, std::uint64_t limit) {
    std::sort(priorities.begin(), priorities.end(), std::greater<>());
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < priorities.size() && i < limit; ++i) sum += priorities[i];
    return sum;
  };
  auto per_party = [&](const std::vector<B2bParty>& parties, auto party_of) {
    std::vector<std::vector<std::uint32_t>> priorities(parties.size());
    std::vector<std::uint64_t> union_bits(parties.size() * words_, 0);
    for (std::uint32_t r : with_slot) {
      const std::uint32_t p = party_of(input_.requests[r]);
      priorities[p].push_back(input_.requests[r].priority);
      for (std::uint32_t w = 0; w < words_; ++w) {
        union_bits[p * words_ + w] |= candidates_[r * words_ + w];
      }
    }
    std::uint64_t sum = 0;
    for (std::size_t p = 0; p < parties.size(); ++p) {
      std::uint64_t slots = 0;
      for (std::uint32_t w = 0; w < words_; ++w) slots += std::popcount(union_bits[p * words_ + w]);
      sum += top(std::move(priorities[p]), slots);
    }
    return sum;
  };
  std::vector<std::uint32_t> all;
  for (std::uint32_t r : with_slot) all.push_back(input_.requests[r].priority);
  std::uint64_t tables = 0;
  for (std::uint32_t s = 0; s < slots_; ++s) tables += capacity_[s];
  return std::min({top(std::move(all), tables),
                   per_party(input_.exhibitors, [](const B2bRequest& q) { return q.exhibitor; }),
                   per_party(input_.buyers, [](const B2bRequest& q) { return q.buyer; })});
}

B2bSchedule Scheduler::Result() const {
  B2bSchedule schedule;
  schedule.upper_bound = upper_bound_;
  schedule.requests.resize(requests_);
  for (std::uint32_t r = 0; r < requests_; ++r) {
    B2bAssignment& out = schedule.requests[r];
    const B2bRequest& q = input_.requests[r];
    if (slot_of_[r] != kNone) {
      out.slot = slot_of_[r];
      ++schedule.met;
      schedule.met_priority += q.priority;
      continue;
    }
    for (std::uint32_t s = 0; s < slots_; ++s) {
      if (!Candidate(r, s)) continue;
      ++out.common_slots;
      out.buyer_busy += buyer_at_[q.buyer * slots_ + s] != kNone;
      out.exhibitor_busy += exhibitor_at_[q.exhibitor * slots_ + s] != kNone;
      out.tables_full += used_[s] == capacity_[s];
    }
    out.reason = out.common_slots == 0 ? B2bUnmet::kNoCommonSlot : B2bUnmet::kBusy;
  }
  // Tables, slot by slot in time order: an exhibitor keeps its previous table when it is free.
  std::vector<std::vector<std::uint32_t>> tables_at(slots_);
  for (std::uint32_t t = 0; t < input_.tables.size(); ++t) {
    const auto& available = input_.tables[t].available_slots;
    if (!available) {
      for (auto& list : tables_at) list.push_back(t);
    } else {
      for (std::uint32_t s : *available) tables_at[s].push_back(t);
    }
  }
  std::vector<std::uint32_t> last_table(input_.exhibitors.size(), kNone);
  std::vector<std::uint32_t> taken(input_.tables.size(), kNone);  // slot that took the table
  for (std::uint32_t s = 0; s < slots_; ++s) {
    std::vector<std::uint32_t> meetings = at_slot_[s];
    std::sort(meetings.begin(), meetings.end());
    std::vector<std::uint32_t> waiting;
    std::vector<bool> here(input_.tables.size(), false);
    for (std::uint32_t t : tables_at[s]) here[t] = true;
    for (std::uint32_t r : meetings) {
      const std::uint32_t previous = last_table[input_.requests[r].exhibitor];
      if (previous != kNone && here[previous] && taken[previous] != s) {
        taken[previous] = s;
        schedule.requests[r].table = previous;
      } else {
        waiting.push_back(r);
      }
    }
    std::sort(tables_at[s].begin(), tables_at[s].end());
    std::size_t next = 0;
    for (std::uint32_t r : waiting) {
      while (taken[tables_at[s][next]] == s) ++next;
      taken[tables_at[s][next]] = s;
      schedule.requests[r].table = tables_at[s][next];
    }
    for (std::uint32_t r : meetings) {
      last_table[input_.requests[r].exhibitor] = schedule.requests[r].table;
    }
  }
  return schedule;
}

}  // namespace

Problems CheckB2bInput(const B2bInput& input) {
  Problems problems;
  if (input.slots.size() > kMaxB2bSlots) {
    problems.push_back(
        {"slots", "too_many", "at most " + std::to_string(kMaxB2bSlots) + " slots are scheduled"});
    return problems;
  }
  for (std::size_t i = 0; i < input.slots.size(); ++i) {
    const B2bSlot& slot = input.slots[i];
    const std::string field = "slots[" + std::to_string(i) + "]";
    if (slot.length_minutes == 0 || slot.length_minutes > kMaxB2bSlotMinutes) {
      problems.push_back({field + ".length_minutes", "out_of_range",
                          "a slot lasts 1 to " + std::to_string(kMaxB2bSlotMinutes) + " minutes"});
    }
    if (i > 0) {
      const B2bSlot& before = input.slots[i - 1];
      if (slot.start_minute < before.start_minute + std::int64_t{before.length_minutes}) {
        problems.push_back(
            {field + ".start_minute", "overlaps", "a slot starts after the previous one ends"});
      }
    }
  }
  CheckParties(input.exhibitors, "exhibitors", input.slots.size(), problems);
  CheckParties(input.buyers, "buyers", input.slots.size(), problems);
  CheckParties(input.tables, "tables", input.slots.size(), problems);
  if (input.requests.size() >= (std::size_t{1} << 31)) {
    problems.push_back({"requests", "too_many", "fewer than 2^31 requests"});
    return problems;
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> pairs;
  for (std::size_t i = 0; i < input.requests.size(); ++i) {
    const B2bRequest& request = input.requests[i];
    const std::string field = "requests[" + std::to_string(i) + "]";
    bool known = true;
    if (request.buyer >= input.buyers.size()) {
      problems.push_back({field + ".buyer", "unknown", "no such buyer"});
      known = false;
    }
    if (request.exhibitor >= input.exhibitors.size()) {
      problems.push_back({field + ".exhibitor", "unknown", "no such exhibitor"});
      known = false;
    }
    if (request.priority < 1 || request.priority > kMaxB2bPriority) {
      problems.push_back({field + ".priority", "out_of_range",
                          "a priority is 1 to " + std::to_string(kMaxB2bPriority)});
    }
    if (known && !pairs.emplace(std::pair{request.buyer, request.exhibitor}, i).second) {
      problems.push_back({field, "duplicate", "the buyer already asked to meet this exhibitor"});
    }
  }
  return problems;
}

B2bSchedule ScheduleB2bMeetings(const B2bInput& input) {
  const Problems problems = CheckB2bInput(input);
  if (!problems.empty()) {
    throw std::invalid_argument(problems.front().field + ": " + problems.front().message);
  }
  Scheduler scheduler(input);
  scheduler.PlaceGreedily();
  scheduler.Improve();
  return scheduler.Result();
}

const char* B2bUnmetName(B2bUnmet reason) {
  switch (reason) {
    case B2bUnmet::kMet:
      return "met";
    case B2bUnmet::kNoCommonSlot:
      return "no_common_slot";
    case B2bUnmet::kBusy:
      return "busy";
  }
  return "?";
}

std::string CanonicalB2bSchedule(const B2bSchedule& schedule) {
  std::string text = "amity-b2b-schedule 1\nrequests " + std::to_string(schedule.requests.size()) +
                     " met " + std::to_string(schedule.met) + " priority " +
                     std::to_string(schedule.met_priority) + "\n";
  for (const B2bAssignment& a : schedule.requests) {
    if (a.reason == B2bUnmet::kMet) {
      text += std::to_string(a.slot) + " " + std::to_string(a.table) + "\n";
    } else {
      text += std::string("- ") + B2bUnmetName(a.reason) + " " + std::to_string(a.common_slots) +
              " " + std::to_string(a.buyer_busy) + " " + std::to_string(a.exhibitor_busy) + " " +
              std::to_string(a.tables_full) + "\n";
    }
  }
  return text;
}

}  // namespace amity::domain
