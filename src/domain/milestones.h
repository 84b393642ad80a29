// Legal steps of a partnership and the gates each country puts on them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"
#include "base/time.h"

namespace amity::domain {

struct Milestone {
  std::string kind;  // one of kMilestoneKinds
  Date date;
};

// Checks the milestones of a partnership whose home city is in `home_country` at `tier`.
// Türkiye (Law 5393 art. 18(p) and 74): where the home city is in TR, an `agreement_signed`
// milestone at tier `sister_city` needs both a `council_decision` and a `ministry_permission`
// dated on or before the signing. Problems name field "milestones" and say what is missing;
// empty when the gates are met.
Problems CheckMilestoneGates(std::string_view home_country, std::string_view tier,
                             const std::vector<Milestone>& milestones);

// The legal steps a partnership in `home_country` needs before signing, in order; used to show
// which are done and which are missing.
std::vector<std::string_view> RequiredSteps(std::string_view home_country);

}  // namespace amity::domain
