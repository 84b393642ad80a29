#include "domain/b2b_schedule_testing.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

#include "domain/allocation_testing.h"

namespace amity::domain::testing {

namespace {

bool Available(const B2bParty& party, std::uint32_t slot) {
  if (!party.available_slots) return true;
  const auto& slots = *party.available_slots;
  return std::find(slots.begin(), slots.end(), slot) != slots.end();
}

// Who is busy in which slot under the met requests of `schedule`.
struct Occupancy {
  std::set<std::pair<std::uint32_t, std::uint32_t>> buyer, exhibitor, table;  // (index, slot)
  std::vector<std::uint32_t> used;                                            // per slot
};

std::uint32_t TablesAt(const B2bInput& input, std::uint32_t slot) {
  std::uint32_t tables = 0;
  for (const B2bParty& table : input.tables) tables += Available(table, slot);
  return tables;
}

// Reason and counts of an unmet request under `occupancy`, from the rule in b2b_schedule.h.
B2bAssignment Unmet(const B2bInput& input, const Occupancy& occupancy, const B2bRequest& request) {
  B2bAssignment out;
  for (std::uint32_t s = 0; s < input.slots.size(); ++s) {
    const std::uint32_t tables = TablesAt(input, s);
    if (!Available(input.buyers[request.buyer], s) ||
        !Available(input.exhibitors[request.exhibitor], s) || tables == 0) {
      continue;
    }
    ++out.common_slots;
    out.buyer_busy += occupancy.buyer.contains({request.buyer, s});
    out.exhibitor_busy += occupancy.exhibitor.contains({request.exhibitor, s});
    out.tables_full += occupancy.used[s] >= tables;
  }
  out.reason = out.common_slots == 0 ? B2bUnmet::kNoCommonSlot : B2bUnmet::kBusy;
  return out;
}

// "e12" and the like; built by appending, which GCC 12 does not misread as an overlapping copy.
std::string Id(char kind, std::uint32_t index) {
  std::string id(1, kind);
  id += std::to_string(index);
  return id;
}

std::vector<std::uint32_t> AvailabilityOf(Random& random, std::uint32_t slots,
                                          std::uint32_t percent) {
  std::vector<std::uint32_t> available;
  for (std::uint32_t s = 0; s < slots; ++s) {
    if (random.Below(100) < percent) available.push_back(s);
  }
  return available;
}

}  // namespace

B2bInput RandomB2bInstance(const B2bShape& shape, std::uint64_t seed) {
  Random random(seed);
  B2bInput input;
  const std::uint32_t per_day = shape.slots_per_day;
  const std::uint32_t slots = shape.days * per_day;
  for (std::uint32_t d = 0; d < shape.days; ++d) {
    for (std::uint32_t k = 0; k < per_day; ++k) {
      input.slots.push_back(
          {.start_minute = std::int64_t{d} * 1440 + 9 * 60 + k * 20, .length_minutes = 20});
    }
  }
  for (std::uint32_t e = 0; e < shape.exhibitors; ++e) {
    B2bParty party{.id = Id('e', e), .available_slots = {}};
    if (!shape.fair_pattern) {
      party.available_slots = AvailabilityOf(random, slots, shape.available_percent);
    } else {
      const std::uint32_t missing_day =
          random.Below(5) == 0 ? random.Below(shape.days) : kUnscheduled;
      std::vector<std::uint32_t> available;
      for (std::uint32_t d = 0; d < shape.days; ++d) {
        // Lunch: one slot in the middle third of the day.
        const std::uint32_t lunch = per_day / 3 + random.Below(std::max(per_day / 3, 1u));
        if (d == missing_day) continue;
        for (std::uint32_t k = 0; k < per_day; ++k) {
          if (k != lunch) available.push_back(d * per_day + k);
        }
      }
      party.available_slots = std::move(available);
    }
    input.exhibitors.push_back(std::move(party));
  }
  for (std::uint32_t b = 0; b < shape.buyers; ++b) {
    B2bParty party{.id = Id('b', b), .available_slots = {}};
    if (!shape.fair_pattern) {
      party.available_slots = AvailabilityOf(random, slots, shape.available_percent);
    } else {
      const std::uint32_t days = 1 + random.Below(shape.days);
      const std::uint32_t first = random.Below(shape.days - days + 1);
      const std::uint32_t part = random.Below(6);  // 0: mornings, 1: afternoons, else all day
      std::vector<std::uint32_t> available;
      for (std::uint32_t d = first; d < first + days; ++d) {
        for (std::uint32_t k = 0; k < per_day; ++k) {
          if ((part == 0 && k >= per_day / 2) || (part == 1 && k < per_day / 2)) continue;
          available.push_back(d * per_day + k);
        }
      }
      party.available_slots = std::move(available);
    }
    input.buyers.push_back(std::move(party));
  }
  for (std::uint32_t t = 0; t < shape.tables; ++t) {
    B2bParty party{.id = Id('t', t), .available_slots = {}};
    if (!shape.fair_pattern) {
      party.available_slots =
          AvailabilityOf(random, slots, std::min(100u, shape.available_percent + 20));
    }
    input.tables.push_back(std::move(party));
  }
  std::vector<std::uint64_t> cumulative(shape.exhibitors);
  std::uint64_t total = 0;
  for (std::uint32_t e = 0; e < shape.exhibitors; ++e) {
    total += shape.popularity_skew == 0
                 ? 1000
                 : (std::uint64_t{1000000} * shape.popularity_skew) / (shape.popularity_skew + e);
    cumulative[e] = total;
  }
  const std::uint64_t pairs = std::uint64_t{shape.buyers} * shape.exhibitors;
  const std::uint32_t wanted =
      static_cast<std::uint32_t>(std::min<std::uint64_t>(shape.requests, pairs));
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  while (input.requests.size() < wanted) {
    const std::uint32_t buyer = random.Below(shape.buyers);
    const std::uint64_t pick = random.Next() % total;
    const std::uint32_t exhibitor = static_cast<std::uint32_t>(
        std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
    const std::uint32_t priority = 1 + random.Below(std::max(shape.max_priority, 1u));
    if (!seen.insert({buyer, exhibitor}).second) continue;
    input.requests.push_back({.buyer = buyer, .exhibitor = exhibitor, .priority = priority});
  }
  return input;
}

B2bInput BenchmarkFair(std::uint32_t tables, std::uint32_t max_priority, std::uint64_t seed) {
  return RandomB2bInstance({.exhibitors = 300,
                            .buyers = 600,
                            .requests = 3000,
                            .days = 3,
                            .slots_per_day = 24,
                            .tables = tables,
                            .max_priority = max_priority,
                            .popularity_skew = 10,
                            .fair_pattern = true},
                           seed);
}

std::vector<std::string> ScheduleViolations(const B2bInput& input, const B2bSchedule& schedule) {
  std::vector<std::string> violations;
  if (schedule.requests.size() != input.requests.size()) {
    return {"one assignment per request expected"};
  }
  Occupancy occupancy;
  occupancy.used.assign(input.slots.size(), 0);
  std::uint32_t met = 0;
  std::uint64_t met_priority = 0;
  for (std::size_t r = 0; r < input.requests.size(); ++r) {
    const B2bAssignment& a = schedule.requests[r];
    const B2bRequest& q = input.requests[r];
    const std::string name = "request " + std::to_string(r);
    if (a.reason != B2bUnmet::kMet) {
      if (a.slot != kUnscheduled || a.table != kUnscheduled) {
        violations.push_back(name + " unmet but given a slot or table");
      }
      continue;
    }
    if (a.slot >= input.slots.size() || a.table >= input.tables.size()) {
      violations.push_back(name + " slot or table out of range");
      continue;
    }
    ++met;
    met_priority += q.priority;
    ++occupancy.used[a.slot];
    if (!Available(input.buyers[q.buyer], a.slot)) violations.push_back(name + " buyer away");
    if (!Available(input.exhibitors[q.exhibitor], a.slot)) {
      violations.push_back(name + " exhibitor away");
    }
    if (!Available(input.tables[a.table], a.slot)) violations.push_back(name + " table away");
    if (!occupancy.buyer.insert({q.buyer, a.slot}).second) {
      violations.push_back(name + " buyer double-booked");
    }
    if (!occupancy.exhibitor.insert({q.exhibitor, a.slot}).second) {
      violations.push_back(name + " exhibitor double-booked");
    }
    if (!occupancy.table.insert({a.table, a.slot}).second) {
      violations.push_back(name + " table double-booked");
    }
  }
  if (met != schedule.met || met_priority != schedule.met_priority) {
    violations.push_back("totals wrong");
  }
  for (std::size_t r = 0; r < input.requests.size(); ++r) {
    const B2bAssignment& a = schedule.requests[r];
    if (a.reason == B2bUnmet::kMet) continue;
    const B2bAssignment expected = Unmet(input, occupancy, input.requests[r]);
    const std::string name = "request " + std::to_string(r);
    if (a.reason != expected.reason || a.common_slots != expected.common_slots ||
        a.buyer_busy != expected.buyer_busy || a.exhibitor_busy != expected.exhibitor_busy ||
        a.tables_full != expected.tables_full) {
      violations.push_back(name + " reason or counts wrong");
    }
    // Maximal: some common slot must be blocked by someone.
    for (std::uint32_t s = 0; s < input.slots.size(); ++s) {
      const B2bRequest& q = input.requests[r];
      if (Available(input.buyers[q.buyer], s) && Available(input.exhibitors[q.exhibitor], s) &&
          !occupancy.buyer.contains({q.buyer, s}) &&
          !occupancy.exhibitor.contains({q.exhibitor, s}) &&
          occupancy.used[s] < TablesAt(input, s)) {
        violations.push_back(name + " unmet though slot " + std::to_string(s) + " is free");
      }
    }
  }
  return violations;
}

namespace {

struct Exhaustive {
  const B2bInput& input;
  std::vector<std::uint32_t> tables;                // per slot
  std::vector<std::vector<bool>> buyer, exhibitor;  // busy per party × slot
  std::vector<std::uint32_t> used;
  std::vector<std::uint64_t> remaining;  // priority of requests r.. together
  std::uint64_t best = 0;

  void Search(std::size_t r, std::uint64_t met) {
    if (met + remaining[r] <= best) return;
    if (r == input.requests.size()) {
      best = met;
      return;
    }
    const B2bRequest& q = input.requests[r];
    for (std::uint32_t s = 0; s < input.slots.size(); ++s) {
      if (!Available(input.buyers[q.buyer], s) || !Available(input.exhibitors[q.exhibitor], s) ||
          buyer[q.buyer][s] || exhibitor[q.exhibitor][s] || used[s] >= tables[s]) {
        continue;
      }
      buyer[q.buyer][s] = exhibitor[q.exhibitor][s] = true;
      ++used[s];
      Search(r + 1, met + q.priority);
      buyer[q.buyer][s] = exhibitor[q.exhibitor][s] = false;
      --used[s];
    }
    Search(r + 1, met);
  }
};

}  // namespace

std::uint64_t OptimalMetPriority(const B2bInput& input) {
  const std::size_t slots = input.slots.size();
  Exhaustive search{.input = input,
                    .tables = {},
                    .buyer = std::vector(input.buyers.size(), std::vector<bool>(slots)),
                    .exhibitor = std::vector(input.exhibitors.size(), std::vector<bool>(slots)),
                    .used = std::vector<std::uint32_t>(slots, 0),
                    .remaining = std::vector<std::uint64_t>(input.requests.size() + 1, 0)};
  for (std::uint32_t s = 0; s < slots; ++s) search.tables.push_back(TablesAt(input, s));
  for (std::size_t r = input.requests.size(); r-- > 0;) {
    search.remaining[r] = search.remaining[r + 1] + input.requests[r].priority;
  }
  search.Search(0, 0);
  return search.best;
}

B2bSchedule ScheduleFromSlots(const B2bInput& input, const std::vector<std::uint32_t>& slots) {
  B2bSchedule schedule;
  schedule.requests.resize(input.requests.size());
  Occupancy occupancy;
  occupancy.used.assign(input.slots.size(), 0);
  std::set<std::pair<std::uint32_t, std::uint32_t>> table_taken;  // (slot, table)
  for (std::size_t r = 0; r < input.requests.size(); ++r) {
    const std::uint32_t s = slots[r];
    if (s == kUnscheduled) continue;
    std::uint32_t table = 0;
    while (table < input.tables.size() &&
           (!Available(input.tables[table], s) || table_taken.contains({s, table}))) {
      ++table;
    }
    if (table == input.tables.size()) throw std::invalid_argument("more meetings than tables");
    table_taken.insert({s, table});
    schedule.requests[r].slot = s;
    schedule.requests[r].table = table;
    ++schedule.met;
    schedule.met_priority += input.requests[r].priority;
    occupancy.buyer.insert({input.requests[r].buyer, s});
    occupancy.exhibitor.insert({input.requests[r].exhibitor, s});
    ++occupancy.used[s];
  }
  for (std::size_t r = 0; r < input.requests.size(); ++r) {
    if (slots[r] == kUnscheduled) schedule.requests[r] = Unmet(input, occupancy, input.requests[r]);
  }
  return schedule;
}

B2bSchedule FirstComeFirstServed(const B2bInput& input) {
  const std::size_t slots = input.slots.size();
  // Availability as flat tables, so that the baseline is not slowed by the lists.
  auto flatten = [&](const std::vector<B2bParty>& parties) {
    std::vector<bool> there(parties.size() * slots, false);
    for (std::size_t p = 0; p < parties.size(); ++p) {
      for (std::uint32_t s = 0; s < slots; ++s) there[p * slots + s] = Available(parties[p], s);
    }
    return there;
  };
  const auto buyer_there = flatten(input.buyers), exhibitor_there = flatten(input.exhibitors);
  std::vector<std::uint32_t> free_tables(slots);
  for (std::uint32_t s = 0; s < slots; ++s) free_tables[s] = TablesAt(input, s);
  std::vector<bool> buyer_busy(input.buyers.size() * slots, false);
  std::vector<bool> exhibitor_busy(input.exhibitors.size() * slots, false);
  std::vector<std::uint32_t> chosen(input.requests.size(), kUnscheduled);
  for (std::size_t r = 0; r < input.requests.size(); ++r) {
    const B2bRequest& q = input.requests[r];
    for (std::uint32_t s = 0; s < slots; ++s) {
      if (!buyer_there[q.buyer * slots + s] || !exhibitor_there[q.exhibitor * slots + s] ||
          buyer_busy[q.buyer * slots + s] || exhibitor_busy[q.exhibitor * slots + s] ||
          free_tables[s] == 0) {
        continue;
      }
      buyer_busy[q.buyer * slots + s] = exhibitor_busy[q.exhibitor * slots + s] = true;
      --free_tables[s];
      chosen[r] = s;
      break;
    }
  }
  return ScheduleFromSlots(input, chosen);
}

}  // namespace amity::domain::testing
