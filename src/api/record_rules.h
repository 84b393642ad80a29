// Rules that look across records: references must name live records, and each resource's
// cross-field and cross-record rules (home ≠ partner city, Türkiye's legal gates, a meeting's
// commitments belong to its partnership, end not before start, a case's city is one of its
// partnership's and its events are study visits, a product's codes, company and prices).
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "api/validation.h"
#include "base/problem.h"
#include "domain/access.h"
#include "domain/fair.h"
#include "domain/resources.h"
#include "store/db.h"

namespace amity::api {

// One problem ("not_found", 422) per reference that names no live record `principal` may see: a
// record it may not see is answered exactly as a missing one, so that references neither reveal
// which hidden ids exist nor point the caller's records at what it may not see.
Problems CheckReferences(store::Db& db, const std::vector<ReferenceCheck>& references,
                         const domain::Principal& principal);

// Checks `record` (the full record after the change) against its resource's rules.
Problems CheckRecordRules(store::Db& db, const domain::ResourceSpec& spec,
                          const boost::json::object& record);

// The slot plan of a fair: its event record's start, end and time zone with its b2b_plans record's
// hours and slot length.
domain::FairSlotPlan FairSlotPlanOf(const boost::json::object& event,
                                    const boost::json::object& plan);

}  // namespace amity::api
