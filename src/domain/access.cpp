#include "domain/access.h"

#include <algorithm>

namespace amity::domain {

namespace {

bool Assigned(const Principal& principal, std::string_view partnership_id) {
  return std::find(principal.partnerships.begin(), principal.partnerships.end(), partnership_id) !=
         principal.partnerships.end();
}

// Resources a contributor creates and edits (its own) and a partner edits (shared ones).
bool IsWorkRecord(std::string_view resource) {
  return resource == "commitments" || resource == "events" || resource == "meetings";
}

bool OwnedBy(const Principal& principal, const RecordFacts& record) {
  if (!principal.user_id.empty() && record.created_by == principal.user_id) return true;
  if (principal.person_id.empty()) return false;
  return std::find(record.owner_people.begin(), record.owner_people.end(), principal.person_id) !=
         record.owner_people.end();
}

// A shared record inside one of the partner user's partnerships (or shared outside any).
bool SharedWith(const Principal& principal, const RecordFacts& record) {
  if (record.visibility != Visibility::kShared || IsAnonymous(principal)) return false;
  return record.partnership_id.empty() || Assigned(principal, record.partnership_id);
}

// A partner user creates and edits meetings, commitments and events shared in its partnerships.
bool PartnerWorksOn(const Principal& principal, const RecordFacts& record) {
  return IsWorkRecord(record.resource) && SharedWith(principal, record) &&
         !record.partnership_id.empty();
}

// The records of a fair's buyers that a partner user files for its own city.
bool IsBuyerRecord(std::string_view resource) {
  return resource == "fair_buyers" || resource == "meeting_requests";
}

bool CreatedBy(const Principal& principal, const RecordFacts& record) {
  return !principal.user_id.empty() && record.created_by == principal.user_id;
}

// A partner user may add `record` for its own city: an organization of its partner city, or a
// buyer's registration or meeting request at a fair of one of its partnerships (shared).
bool PartnerAdds(const Principal& principal, const RecordFacts& record) {
  if (record.resource == "organizations") {
    return record.of_partner_city && record.visibility == Visibility::kShared;
  }
  return IsBuyerRecord(record.resource) && SharedWith(principal, record) &&
         !record.partnership_id.empty();
}

}  // namespace

std::string_view RoleName(Role role) { return kRoles[static_cast<int>(role)]; }

std::optional<Role> ParseRole(std::string_view name) {
  for (size_t i = 0; i < std::size(kRoles); ++i) {
    if (kRoles[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::optional<Visibility> ParseVisibility(std::string_view name) {
  if (name == "private") return Visibility::kPrivate;
  if (name == "shared") return Visibility::kShared;
  if (name == "public") return Visibility::kPublic;
  return std::nullopt;
}

Principal SystemPrincipal() {
  Principal system;
  system.email = "system";
  system.role = Role::kAdmin;
  return system;
}

bool IsAnonymous(const Principal& principal) {
  return principal.user_id.empty() && principal.role == Role::kPartner;
}

bool SeesEverything(const Principal& principal) { return principal.role != Role::kPartner; }

bool IsAdmin(const Principal& principal) { return principal.role == Role::kAdmin; }

bool CanSee(const Principal& principal, const RecordFacts& record) {
  if (SeesEverything(principal)) return true;
  return record.visibility == Visibility::kPublic || SharedWith(principal, record);
}

bool CanEdit(const Principal& principal, const RecordFacts& record) {
  switch (principal.role) {
    case Role::kAdmin:
    case Role::kOfficer:
      return true;
    case Role::kContributor:
      return (record.resource == "commitments" || record.resource == "events") &&
             OwnedBy(principal, record);
    case Role::kPartner:
      return PartnerWorksOn(principal, record) ||
             (PartnerAdds(principal, record) && CreatedBy(principal, record));
    case Role::kViewer:
      return false;
  }
  return false;
}

bool CanArchive(const Principal& principal, const RecordFacts& record) {
  if (principal.role == Role::kPartner) {
    // Withdrawing its own buyer's registration or meeting request.
    return IsBuyerRecord(record.resource) && PartnerAdds(principal, record) &&
           CreatedBy(principal, record);
  }
  return CanEdit(principal, record);
}

bool MayCreate(const Principal& principal, std::string_view resource) {
  switch (principal.role) {
    case Role::kAdmin:
    case Role::kOfficer:
      return true;
    case Role::kContributor:
      return resource == "commitments" || resource == "events";
    case Role::kPartner:
      return IsWorkRecord(resource) || IsBuyerRecord(resource) || resource == "organizations";
    case Role::kViewer:
      return false;
  }
  return false;
}

bool CanCreate(const Principal& principal, const RecordFacts& record) {
  if (!MayCreate(principal, record.resource)) return false;
  return principal.role != Role::kPartner || PartnerWorksOn(principal, record) ||
         PartnerAdds(principal, record);
}

bool CanChangeVisibility(const Principal& principal) {
  return principal.role != Role::kPartner && principal.role != Role::kViewer;
}

}  // namespace amity::domain
