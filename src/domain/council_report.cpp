#include "domain/council_report.h"

#include <algorithm>

#include "domain/areas.h"
#include "domain/follow_through.h"

namespace amity::domain {

using namespace std::chrono;

int YearOf(Date date) { return static_cast<int>(year_month_day(date).year()); }

Date ReportCutOff(int year, Date today) {
  const Date end = sys_days(std::chrono::year(year) / December / 31);
  return std::min(end, today);
}

bool MadeIn(const ReportCommitmentFacts& commitment, int year) {
  return YearOf(commitment.made) == year;
}

bool DoneIn(const ReportCommitmentFacts& commitment, int year) {
  return commitment.status == "done" && commitment.done && YearOf(*commitment.done) == year;
}

bool DroppedIn(const ReportCommitmentFacts& commitment, int year) {
  return commitment.status == "dropped" && commitment.dropped &&
         YearOf(*commitment.dropped) == year;
}

bool OverdueAt(const ReportCommitmentFacts& commitment, Date cut_off) {
  if (!commitment.due || *commitment.due >= cut_off || commitment.made > cut_off) return false;
  if (commitment.status == "dropped") return commitment.dropped && *commitment.dropped > cut_off;
  if (commitment.status == "done") return commitment.done && *commitment.done > cut_off;
  return true;
}

ReportYears YearsWithData(const std::vector<Date>& dates, Date today) {
  ReportYears years{YearOf(today), YearOf(today)};
  for (const Date date : dates) {
    years.first = std::min(years.first, YearOf(date));
    years.last = std::max(years.last, YearOf(date));
  }
  return years;
}

bool SharedWithPartner(const ReportCaseFacts& report_case) {
  return report_case.visibility == "shared" || report_case.visibility == "public";
}

bool SharedIn(const ReportCaseFacts& report_case, int year) {
  return SharedWithPartner(report_case) && YearOf(report_case.created) == year;
}

std::vector<YearActivity> ActivityByYear(const std::vector<ReportCommitmentFacts>& commitments,
                                         const std::vector<Date>& meetings,
                                         const std::vector<Date>& events_held,
                                         const std::vector<ReportCaseFacts>& cases, int first_year,
                                         int report_year) {
  std::vector<YearActivity> years;
  for (int year = first_year; year <= report_year; ++year) years.push_back({.year = year});
  auto at = [&](int year) -> YearActivity* {
    if (year < first_year || year > report_year) return nullptr;
    return &years[static_cast<size_t>(year - first_year)];
  };
  for (const ReportCommitmentFacts& commitment : commitments) {
    if (YearActivity* made = at(YearOf(commitment.made))) ++made->made;
    if (commitment.status == "done" && commitment.done) {
      if (YearActivity* done = at(YearOf(*commitment.done))) ++done->done;
    }
  }
  for (const Date date : meetings) {
    if (YearActivity* year = at(YearOf(date))) ++year->meetings;
  }
  for (const Date date : events_held) {
    if (YearActivity* year = at(YearOf(date))) ++year->events_held;
  }
  for (const ReportCaseFacts& report_case : cases) {
    if (!SharedWithPartner(report_case)) continue;
    if (YearActivity* year = at(YearOf(report_case.created))) ++year->cases_shared;
  }
  return years;
}

std::vector<AreaFollowThrough> FollowThroughByArea(
    const std::vector<ReportCommitmentFacts>& commitments, Date cut_off) {
  std::vector<AreaFollowThrough> areas;
  for (const std::string_view code : kAreaCodes) {
    AreaFollowThrough area{.area = std::string(code)};
    for (const ReportCommitmentFacts& commitment : commitments) {
      if (commitment.area != code || commitment.made > cut_off) continue;
      ++area.made;
      const bool done =
          commitment.status == "done" && commitment.done && *commitment.done <= cut_off;
      area.done += done ? 1 : 0;
      area.dropped +=
          commitment.status == "dropped" && commitment.dropped && *commitment.dropped <= cut_off;
      area.left_proposed += commitment.status != "proposed" ? 1 : 0;
      area.overdue += OverdueAt(commitment, cut_off) ? 1 : 0;
    }
    if (area.made == 0) continue;
    area.follow_through =
        FollowThrough(static_cast<long>(area.done), static_cast<long>(area.left_proposed));
    areas.push_back(std::move(area));
  }
  return areas;
}

}  // namespace amity::domain
