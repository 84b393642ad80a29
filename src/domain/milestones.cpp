#include "domain/milestones.h"

namespace amity::domain {
namespace {

const Milestone* FindKind(const std::vector<Milestone>& milestones, std::string_view kind) {
  for (const Milestone& milestone : milestones) {
    if (milestone.kind == kind) return &milestone;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string_view> RequiredSteps(std::string_view home_country) {
  if (home_country == "TR") return {"council_decision", "ministry_permission", "agreement_signed"};
  return {"agreement_signed"};
}

Problems CheckMilestoneGates(std::string_view home_country, std::string_view tier,
                             const std::vector<Milestone>& milestones) {
  const Milestone* signing = FindKind(milestones, "agreement_signed");
  if (home_country != "TR" || tier != "sister_city" || signing == nullptr) return {};
  Problems problems;
  for (std::string_view needed : {"council_decision", "ministry_permission"}) {
    const Milestone* step = FindKind(milestones, needed);
    if (step == nullptr) {
      problems.push_back({"milestones", "missing_" + std::string(needed),
                          "a sister-city agreement of a city in Türkiye cannot be recorded "
                          "before a " +
                              std::string(needed) + " milestone exists"});
    } else if (step->date > signing->date) {
      problems.push_back({"milestones", "late_" + std::string(needed),
                          "the " + std::string(needed) + " (" + FormatDate(step->date) +
                              ") must come on or before the agreement signing (" +
                              FormatDate(signing->date) + ")"});
    }
  }
  return problems;
}

}  // namespace amity::domain
