// The B2B meetings of a fair: which requested meeting between a buyer and an exhibitor takes place
// in which slot at which table. No exhibitor, buyer or table is booked twice in a slot, each
// meeting lies in a slot where its buyer, its exhibitor and its table are all available, and as
// many requests as possible are met, weighted by their priority. Pure: no SQL, JSON, HTTP or
// clock; integers only and no unordered containers, so the same input gives the same output,
// byte for byte, on any platform.
//
// How a caller uses it (store/api): map the fair's slots, exhibitors, buyers, tables and requests
// to a `B2bInput` (ids to indices), `CheckB2bInput` it, `ScheduleB2bMeetings`, store each met
// request's slot and table and show each unmet one its reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/problem.h"

namespace amity::domain {

// A meeting slot: minutes since any epoch the caller chooses (e.g. the fair's first day at 00:00
// in its time zone) and its length. Slots are given in time order and do not overlap, so one
// party's meetings in different slots never overlap either.
struct B2bSlot {
  std::int64_t start_minute = 0;
  std::uint32_t length_minutes = 0;  // 1..kMaxB2bSlotMinutes
};
inline constexpr std::uint32_t kMaxB2bSlotMinutes = 24 * 60;
inline constexpr std::size_t kMaxB2bSlots = 4096;

// An exhibitor, a buyer or a table, and the slots (indices into B2bInput::slots) it is there.
struct B2bParty {
  std::string id;  // unique among its kind, non-empty
  // Absent: every slot. Present: these slots only, each once, in any order (empty: none).
  std::optional<std::vector<std::uint32_t>> available_slots;
};

// A buyer asks to meet an exhibitor. A pair is requested at most once.
struct B2bRequest {
  std::uint32_t buyer = 0;      // index into B2bInput::buyers
  std::uint32_t exhibitor = 0;  // index into B2bInput::exhibitors
  std::uint32_t priority = 1;   // 1..kMaxB2bPriority; a met request counts its priority
};
inline constexpr std::uint32_t kMaxB2bPriority = 1000;

struct B2bInput {
  std::vector<B2bSlot> slots;
  std::vector<B2bParty> exhibitors;
  std::vector<B2bParty> buyers;
  std::vector<B2bParty> tables;      // interchangeable: any free table serves any meeting
  std::vector<B2bRequest> requests;  // < 2^31 of them
};

// Every problem of `input` (empty: ScheduleB2bMeetings accepts it). Fields: "slots" (too_many),
// "slots[i].length_minutes" (out_of_range), "slots[i].start_minute" (overlaps: not after the end
// of slot i−1), "exhibitors[i].id" / "buyers[i].id" / "tables[i].id" (required, duplicate),
// "….available_slots[j]" (unknown, duplicate), "requests[i].buyer" / "requests[i].exhibitor"
// (unknown), "requests[i].priority" (out_of_range), "requests[i]" (duplicate: the same pair as an
// earlier request), "requests" (too_many).
Problems CheckB2bInput(const B2bInput& input);

inline constexpr std::uint32_t kUnscheduled = 0xFFFFFFFF;

// Why a request is not met.
enum class B2bUnmet {
  kMet,           // it is met
  kNoCommonSlot,  // no slot where its buyer, its exhibitor and at least one table are all there
  kBusy,          // in each such slot the buyer or the exhibitor meets someone else, or every
                  // table is taken (the counts below say how often which)
};

struct B2bAssignment {
  std::uint32_t slot = kUnscheduled;   // index into slots, or kUnscheduled
  std::uint32_t table = kUnscheduled;  // index into tables, or kUnscheduled
  B2bUnmet reason = B2bUnmet::kMet;
  // Unmet requests only: the slots where buyer, exhibitor and a table are all there, and in how
  // many of them the buyer, the exhibitor is already in another meeting, every table is taken
  // (a slot can count for several). kBusy means every common slot counts for at least one.
  std::uint32_t common_slots = 0;
  std::uint32_t buyer_busy = 0;
  std::uint32_t exhibitor_busy = 0;
  std::uint32_t tables_full = 0;
};

struct B2bSchedule {
  std::vector<B2bAssignment> requests;  // in the order of input.requests
  std::uint32_t met = 0;                // requests met
  std::uint64_t met_priority = 0;       // the sum of their priorities: what is maximised
  // No schedule meets more priority than this (the least of three simple sums: per exhibitor its
  // highest priorities, as many as the slots it can meet in; per buyer the same; over all, as
  // many as there are tables in all slots; requests without a common slot left out). When it
  // equals met_priority, the schedule is optimal.
  std::uint64_t upper_bound = 0;
};

// A schedule of the requested meetings. What it guarantees:
//  - feasible: no exhibitor, buyer or table twice in one slot; every party available in its
//    meeting's slot;
//  - maximal: an unmet request has no common slot where its buyer, its exhibitor and a table are
//    all free (so kBusy lists real conflicts, never a gap the scheduler missed);
//  - at least 1/4 of the optimum's priority sum. Proof: the first phase places requests by
//    priority, highest first, and never removes one; when it leaves a request r unmet, r's slot
//    in an optimal schedule holds, already, a meeting of at least r's priority with r's buyer,
//    with r's exhibitor, or (all tables taken) as many such meetings as the optimum can place
//    there. Charging each optimal request to such a meeting (or to itself when it is met) loads
//    no meeting with more than four of them, each of at most its priority. The second phase only
//    ever raises the sum. (The bound is the classic one for a maximal 4-set packing; measured
//    schedules are far closer to the optimum, see bench/RESULTS.md "B1".)
// How: requests are placed by priority, then fewest slots still open to them, into the open
// slot that their buyer's, their exhibitor's and everyone's remaining requests need least; then
// each unmet request, by priority, looks for an augmenting chain: it takes a slot by moving one
// meeting that blocks it (its buyer's, its exhibitor's, or any meeting in a slot whose tables are
// all taken) to another slot, that meeting may move one more, and so on (each request moved at
// most once per search, a bounded number of steps per search, counted, never timed); a chain may
// end by dropping a request of lower priority than the one it seats. Tables are given last,
// slot by slot in time order: an exhibitor keeps the table of its previous meeting when it is
// free, otherwise the free table of smallest index. A few hundred milliseconds for 3,000
// requests over 72 slots. Throws std::invalid_argument naming the first problem when
// CheckB2bInput finds any.
B2bSchedule ScheduleB2bMeetings(const B2bInput& input);

// The schedule as canonical text, one line per request in input order, so two runs compare
// byte for byte (and a caller may record its SHA-256):
//   amity-b2b-schedule 1
//   requests <count> met <met> priority <met_priority>
//   <slot> <table>                                         a met request
//   - <no_common_slot|busy> <common> <buyer> <exhibitor> <tables>   an unmet one
std::string CanonicalB2bSchedule(const B2bSchedule& schedule);

const char* B2bUnmetName(B2bUnmet reason);

}  // namespace amity::domain
