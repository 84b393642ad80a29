// What the B2B scheduler's tests and benchmark share (not linked into amity): random instances
// drawn the same way on every platform (a fair's pattern or per-slot availability), an
// independent check of a schedule, the optimum of a small instance by exhaustive search, and the
// greedy baseline the benchmark compares with.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/b2b_schedule.h"

namespace amity::domain::testing {

struct B2bShape {
  std::uint32_t exhibitors = 4;
  std::uint32_t buyers = 4;
  std::uint32_t requests = 8;  // distinct pairs; fewer when buyers × exhibitors is smaller
  std::uint32_t days = 1;
  std::uint32_t slots_per_day = 4;  // 20-minute slots from 09:00
  std::uint32_t tables = 2;
  std::uint32_t max_priority = 1;  // priorities drawn from 1..max_priority (1: all equal)
  // Exhibitor e is asked for with weight skew / (skew + e); 0 means uniformly.
  std::uint32_t popularity_skew = 0;
  // false: every party and table is there in each slot with probability available_percent.
  // true: a fair's pattern: exhibitors all days but one lunch slot a day, one in five missing a
  // day; buyers 1..days consecutive days, a third of them only the morning or the afternoon of
  // each; tables always.
  bool fair_pattern = false;
  std::uint32_t available_percent = 70;
};

// A random valid instance of `shape`, ids "e<i>", "b<i>", "t<i>".
B2bInput RandomB2bInstance(const B2bShape& shape, std::uint64_t seed);

// The fair of the benchmark: 300 exhibitors, 600 buyers, 3,000 requests (exhibitor e
// asked for with weight 10 / (10 + e): the most popular draws ~90 requests for its ~70 slots),
// 3 days of 24 20-minute slots, `tables` tables, the fair pattern.
B2bInput BenchmarkFair(std::uint32_t tables, std::uint32_t max_priority, std::uint64_t seed);

// Everything wrong with `schedule` as ScheduleB2bMeetings' answer for `input`, checked
// independently of b2b_schedule.cpp: a party or table twice in a slot or not there, a slot or
// table out of range, wrong totals, and an unmet request with a common slot where its buyer, its
// exhibitor and a table are all free, or whose reason or counts are wrong. Empty: all correct.
std::vector<std::string> ScheduleViolations(const B2bInput& input, const B2bSchedule& schedule);

// The largest met priority of any feasible schedule, by exhaustive search with a simple bound
// (feasible for a dozen requests over a handful of slots).
std::uint64_t OptimalMetPriority(const B2bInput& input);

// The schedule that meets request r in slot slots[r] (kUnscheduled: unmet), each slot's meetings
// at its free tables of smallest index in request order, the unmet requests' reasons and counts
// filled by the rule in b2b_schedule.h; met and met_priority summed, upper_bound left 0. Throws
// std::invalid_argument when a slot holds more meetings than it has tables. It checks nothing
// else: ScheduleViolations does.
B2bSchedule ScheduleFromSlots(const B2bInput& input, const std::vector<std::uint32_t>& slots);

// The baseline a scheduler must beat: requests in input order (first come, first served), each
// in the earliest slot where its buyer, its exhibitor and a table are free; tables by smallest
// index. Reasons and counts filled as ScheduleB2bMeetings does.
B2bSchedule FirstComeFirstServed(const B2bInput& input);

}  // namespace amity::domain::testing
