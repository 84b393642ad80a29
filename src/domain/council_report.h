// Which records the annual council report (issue 19) shows for a year, and the figures it
// draws. The rules, written down (and unit-tested):
//   made in Y     a commitment recorded in year Y (its created_at);
//   done in Y     its latest transition to done fell in Y;
//   dropped in Y  it is dropped and its latest transition to dropped fell in Y;
//   held in Y     an event with status held that started in Y (local date, its own zone);
//   overdue       at the cut-off (31 December of Y, or today while Y is running) a commitment
//                 was due before the cut-off and was neither dropped nor done by then;
//   follow-through by area, at the cut-off: done by then ÷ made by then and past proposed
//                 (domain/follow_through.h's share, counted at the cut-off);
//   shared in Y   a live case of the partnership's library with visibility shared or public
//                 (shared with the partner), created in year Y (its created_at); a private
//                 case never counts, and the caller sees only the cases it may see;
//   years         the report covers every year from the first with data (the partnership's
//                 registration, a legal step, a commitment, meeting or event) to this year or
//                 the last with a planned date, whichever is later.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"

namespace amity::domain {

// What the rules read of one commitment.
struct ReportCommitmentFacts {
  std::string area;
  std::string status;
  Date made;
  std::optional<Date> done;  // latest transition to done
  std::optional<Date> due;
  std::optional<Date> dropped;  // latest transition to dropped
};

// The last day the report for `year` counts: 31 December of it, or `today` when earlier.
Date ReportCutOff(int year, Date today);

// The calendar year of `date`.
int YearOf(Date date);

bool MadeIn(const ReportCommitmentFacts& commitment, int year);
bool DoneIn(const ReportCommitmentFacts& commitment, int year);
bool DroppedIn(const ReportCommitmentFacts& commitment, int year);
// Overdue at `cut_off` (see the rule above).
bool OverdueAt(const ReportCommitmentFacts& commitment, Date cut_off);

// What the rules read of one live case of the partnership (its library, issue 19).
struct ReportCaseFacts {
  std::string visibility;  // private, shared or public
  Date created;
};

// Shared with the partner: visibility shared or public.
bool SharedWithPartner(const ReportCaseFacts& report_case);
// Shared with the partner and created in `year` (see the rule above).
bool SharedIn(const ReportCaseFacts& report_case, int year);

// The years a report may be asked for: from the earliest of `dates` (at least one: the
// partnership's registration) to the later of today's year and the latest of `dates`.
struct ReportYears {
  int first = 0;
  int last = 0;
  bool Contains(int year) const { return year >= first && year <= last; }
};
ReportYears YearsWithData(const std::vector<Date>& dates, Date today);

// Activity per year, from `years.first` to `report_year`.
struct YearActivity {
  int year = 0;
  long long meetings = 0;
  long long events_held = 0;
  long long made = 0;
  long long done = 0;
  long long cases_shared = 0;
};
std::vector<YearActivity> ActivityByYear(const std::vector<ReportCommitmentFacts>& commitments,
                                         const std::vector<Date>& meetings,
                                         const std::vector<Date>& events_held,
                                         const std::vector<ReportCaseFacts>& cases, int first_year,
                                         int report_year);

// Follow-through per area at `cut_off`, for the areas that had a commitment by then, in the
// order of kAreaCodes.
struct AreaFollowThrough {
  std::string area;
  long long made = 0;           // made by the cut-off
  long long done = 0;           // done by the cut-off
  long long dropped = 0;        // dropped by the cut-off
  long long left_proposed = 0;  // made by the cut-off and no longer proposed
  long long overdue = 0;
  std::optional<double> follow_through;
};
std::vector<AreaFollowThrough> FollowThroughByArea(
    const std::vector<ReportCommitmentFacts>& commitments, Date cut_off);

}  // namespace amity::domain
