// Who may see and change what: the roles, record visibility and the rules that combine them.
// Pure: callers gather the facts about the caller and the record; nothing here reads storage.
//
//   admin        everything, including users
//   officer      sees and edits every record of the home city
//   contributor  sees everything; creates commitments and events and edits those it owns
//                (created them, or is the linked person named as an owner of a commitment)
//   partner      an officer of a partner city: sees only shared records of the partnerships
//                assigned to it (plus public ones); edits shared meetings, commitments and
//                events there, and may not change a record's visibility. For the fairs of those
//                partnerships it adds its own city's buyers: organizations of its city, their
//                registration at a fair (fair_buyers) and their meeting requests, and edits and
//                withdraws (archives) the ones it created, never the home city's
//   viewer       sees everything, changes nothing
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace amity::domain {

enum class Role { kAdmin, kOfficer, kContributor, kPartner, kViewer };
enum class Visibility { kPrivate, kShared, kPublic };

inline constexpr std::string_view kRoles[] = {"admin", "officer", "contributor", "partner",
                                              "viewer"};

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::optional<Visibility> ParseVisibility(std::string_view name);

// The caller of a request, once authenticated. Unauthenticated (as a public route's caller is
// until a credential says otherwise) it is a partner of no partnership: it sees public records
// only, so a route that forgets to check sees nothing more than the public may.
struct Principal {
  std::string user_id;
  std::string email;
  Role role = Role::kPartner;
  std::string person_id;                  // the person this user is, if linked ("" if not)
  std::vector<std::string> partnerships;  // partner role: the partnerships assigned to it
};

// The internal caller the demo loader and the command line act as.
Principal SystemPrincipal();

// True for the public: a principal of no user that does not see everything (Principal{}).
bool IsAnonymous(const Principal& principal);

// What the rules need to know about one record.
struct RecordFacts {
  std::string_view resource;  // "commitments", …
  Visibility visibility = Visibility::kPrivate;
  // The partnership the record belongs to: its own id for a partnership, its partnership_id for
  // meetings, commitments, events and leads, its fair's for a fair's records (exhibitors, plans,
  // buyers, meeting requests), empty for records outside any partnership (cities,
  // organizations, people, glossary), which partner users see when shared with partners at all.
  std::string partnership_id;
  std::string_view created_by;
  std::vector<std::string_view> owner_people;  // commitments: the people owning it on each side
  // Organizations: the record's city is the partner city of one of the principal's partnerships
  // (the caller finds out; false when it did not ask).
  bool of_partner_city = false;
};

// True when `principal` may read the record.
bool CanSee(const Principal& principal, const RecordFacts& record);

// True when `principal` may change (update, transition, add notes to) the record. Implies
// CanSee.
bool CanEdit(const Principal& principal, const RecordFacts& record);

// True when `principal` may archive the record (partner users may not archive).
bool CanArchive(const Principal& principal, const RecordFacts& record);

// True when `principal` may create some record of `resource` (e.g. "events"): checked before a
// request body is read, so that a caller who may not create learns nothing from validation.
bool MayCreate(const Principal& principal, std::string_view resource);

// True when `principal` may create a record of `resource`; `record` describes the record as it
// would be stored (its visibility and partnership). Implies MayCreate.
bool CanCreate(const Principal& principal, const RecordFacts& record);

// True when `principal` may set or change the visibility of records (not partner users).
bool CanChangeVisibility(const Principal& principal);

// True for the roles of the home city (everyone but partner users): they see every record.
bool SeesEverything(const Principal& principal);

// True when `principal` manages users, reads the change and security logs.
bool IsAdmin(const Principal& principal);

}  // namespace amity::domain
