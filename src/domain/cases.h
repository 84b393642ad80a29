// The knowledge-exchange case library's own rules: what a request for a study visit from a case
// carries, which dates it may name, and how the commitment and the event it creates are titled.
// Pure: the API builds the records from these and writes them through the generic path.
#pragma once

#include <chrono>
#include <span>
#include <string_view>

#include "base/problem.h"
#include "base/time.h"
#include "domain/resources.h"

namespace amity::domain {

// The body of POST /cases/{id}/study-visit-requests: the partnership to plan the visit in
// (default: the case's own, when the caller works there), the proposed first and last day of the
// visit, and an optional note kept as the new commitment's first progress note.
std::span<const FieldSpec> StudyVisitRequestFields();

// Problems with a requested visit from `first_day` to `last_day` asked on `today`: the visit must
// not start before today nor end before it starts. Empty when valid.
Problems CheckStudyVisitDates(Date first_day, Date last_day, Date today);

// The words put before a case's title to name the study visit in `lang` (tr, zh or en), e.g.
// "Study visit: "; empty for another language.
std::string_view StudyVisitPrefix(std::string_view lang);

// The local times a requested visit's first day starts and its last day ends at, in the visited
// city's zone (a working day; the event's organisers set the real times).
inline constexpr std::chrono::hours kStudyVisitStartsAt{9};
inline constexpr std::chrono::hours kStudyVisitEndsAt{18};

}  // namespace amity::domain
