#include "domain/access.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

Principal User(Role role) {
  Principal principal{.user_id = "u1", .email = "u1@example.org", .role = role};
  if (role == Role::kPartner) principal.partnerships = {"p1"};
  principal.person_id = "person1";
  return principal;
}

RecordFacts Record(std::string_view resource, Visibility visibility,
                   std::string_view partnership = "p1", std::string_view created_by = "other") {
  return {.resource = resource,
          .visibility = visibility,
          .partnership_id = std::string(partnership),
          .created_by = created_by};
}

TEST(AccessTest, HomeRolesSeeEverythingPartnersOnlySharedInTheirPartnerships) {
  for (Role role : {Role::kAdmin, Role::kOfficer, Role::kContributor, Role::kViewer}) {
    EXPECT_TRUE(CanSee(User(role), Record("meetings", Visibility::kPrivate)));
  }
  const Principal partner = User(Role::kPartner);
  EXPECT_FALSE(CanSee(partner, Record("meetings", Visibility::kPrivate)));
  EXPECT_TRUE(CanSee(partner, Record("meetings", Visibility::kShared)));
  EXPECT_FALSE(CanSee(partner, Record("meetings", Visibility::kShared, "p2")));
  EXPECT_TRUE(CanSee(partner, Record("events", Visibility::kPublic, "p2")));
  // Records outside any partnership: shared means shared with every partner user.
  EXPECT_TRUE(CanSee(partner, Record("people", Visibility::kShared, "")));
  EXPECT_FALSE(CanSee(partner, Record("people", Visibility::kPrivate, "")));
}

TEST(AccessTest, NobodySignedInSeesPublicRecordsOnlyAndEditsNothing) {
  const Principal anyone;
  EXPECT_TRUE(IsAnonymous(anyone));
  EXPECT_FALSE(IsAnonymous(User(Role::kPartner)));
  EXPECT_FALSE(IsAnonymous(SystemPrincipal()));
  EXPECT_FALSE(SeesEverything(anyone));
  EXPECT_TRUE(CanSee(anyone, Record("events", Visibility::kPublic)));
  EXPECT_FALSE(CanSee(anyone, Record("events", Visibility::kShared)));
  EXPECT_FALSE(CanSee(anyone, Record("people", Visibility::kShared, "")));
  EXPECT_FALSE(CanSee(anyone, Record("meetings", Visibility::kPrivate)));
  EXPECT_FALSE(CanEdit(anyone, Record("events", Visibility::kPublic)));
}

TEST(AccessTest, EditRules) {
  EXPECT_TRUE(CanEdit(User(Role::kAdmin), Record("cities", Visibility::kPrivate, "")));
  EXPECT_TRUE(CanEdit(User(Role::kOfficer), Record("partnerships", Visibility::kPrivate)));
  EXPECT_FALSE(CanEdit(User(Role::kViewer), Record("commitments", Visibility::kPublic)));

  const Principal contributor = User(Role::kContributor);
  EXPECT_FALSE(CanEdit(contributor, Record("commitments", Visibility::kPrivate)));
  EXPECT_TRUE(CanEdit(contributor, Record("commitments", Visibility::kPrivate, "p1", "u1")));
  EXPECT_TRUE(CanEdit(contributor, Record("events", Visibility::kPrivate, "p1", "u1")));
  EXPECT_FALSE(CanEdit(contributor, Record("meetings", Visibility::kPrivate, "p1", "u1")));
  RecordFacts owned = Record("commitments", Visibility::kPrivate);
  owned.owner_people = {"person9", "person1"};
  EXPECT_TRUE(CanEdit(contributor, owned));

  const Principal partner = User(Role::kPartner);
  EXPECT_TRUE(CanEdit(partner, Record("commitments", Visibility::kShared)));
  EXPECT_FALSE(CanEdit(partner, Record("commitments", Visibility::kPublic)));
  EXPECT_FALSE(CanEdit(partner, Record("commitments", Visibility::kShared, "p2")));
  EXPECT_FALSE(CanEdit(partner, Record("partnerships", Visibility::kShared)));
  EXPECT_FALSE(CanEdit(partner, Record("people", Visibility::kShared, "")));
  EXPECT_FALSE(CanArchive(partner, Record("commitments", Visibility::kShared)));
  EXPECT_TRUE(CanArchive(contributor, Record("events", Visibility::kShared, "p1", "u1")));
}

TEST(AccessTest, CreateRules) {
  EXPECT_TRUE(CanCreate(User(Role::kOfficer), Record("cities", Visibility::kPrivate, "")));
  EXPECT_TRUE(CanCreate(User(Role::kContributor), Record("commitments", Visibility::kPrivate)));
  EXPECT_FALSE(CanCreate(User(Role::kContributor), Record("people", Visibility::kPrivate, "")));
  EXPECT_FALSE(CanCreate(User(Role::kViewer), Record("commitments", Visibility::kPrivate)));
  const Principal partner = User(Role::kPartner);
  EXPECT_TRUE(CanCreate(partner, Record("meetings", Visibility::kShared)));
  EXPECT_FALSE(CanCreate(partner, Record("meetings", Visibility::kPrivate)));
  EXPECT_FALSE(CanCreate(partner, Record("meetings", Visibility::kShared, "p2")));
  // Whether a role creates records of a kind at all is known before any body is read.
  EXPECT_FALSE(MayCreate(User(Role::kViewer), "commitments"));
  EXPECT_FALSE(MayCreate(User(Role::kContributor), "meetings"));
  EXPECT_TRUE(MayCreate(User(Role::kContributor), "events"));
  EXPECT_TRUE(MayCreate(partner, "meetings"));
  EXPECT_FALSE(MayCreate(partner, "cities"));
  EXPECT_TRUE(MayCreate(User(Role::kOfficer), "glossary"));
  EXPECT_FALSE(CanChangeVisibility(partner));
  EXPECT_TRUE(CanChangeVisibility(User(Role::kContributor)));
}

TEST(AccessTest, PartnersAddTheirOwnCitysBuyersAndWithdrawOnlyTheirOwnRequests) {
  const Principal partner = User(Role::kPartner);
  for (std::string_view resource : {"fair_buyers", "meeting_requests"}) {
    SCOPED_TRACE(resource);
    EXPECT_TRUE(MayCreate(partner, resource));
    EXPECT_TRUE(CanCreate(partner, Record(resource, Visibility::kShared)));
    EXPECT_FALSE(CanCreate(partner, Record(resource, Visibility::kPrivate)));
    EXPECT_FALSE(CanCreate(partner, Record(resource, Visibility::kShared, "p2")));
    EXPECT_FALSE(CanCreate(partner, Record(resource, Visibility::kShared, "")));
    // Its own: changed and withdrawn; the home city's: neither.
    EXPECT_TRUE(CanEdit(partner, Record(resource, Visibility::kShared, "p1", "u1")));
    EXPECT_TRUE(CanArchive(partner, Record(resource, Visibility::kShared, "p1", "u1")));
    EXPECT_FALSE(CanEdit(partner, Record(resource, Visibility::kShared, "p1", "other")));
    EXPECT_FALSE(CanArchive(partner, Record(resource, Visibility::kShared, "p1", "other")));
    EXPECT_FALSE(CanArchive(partner, Record(resource, Visibility::kShared, "p2", "u1")));
  }
  // Not the exhibitors, the plan or leads: those are the home city's.
  for (std::string_view resource : {"exhibitors", "b2b_plans", "leads", "products"}) {
    EXPECT_FALSE(MayCreate(partner, resource)) << resource;
  }
  RecordFacts buyer = Record("organizations", Visibility::kShared, "");
  EXPECT_FALSE(CanCreate(partner, buyer));  // a city not its partner city
  buyer.of_partner_city = true;
  EXPECT_TRUE(CanCreate(partner, buyer));
  EXPECT_FALSE(CanEdit(partner, buyer));  // created by someone else
  EXPECT_FALSE(CanArchive(partner, buyer));
  buyer.created_by = "u1";
  EXPECT_TRUE(CanEdit(partner, buyer));
  EXPECT_FALSE(CanArchive(partner, buyer));
  // A contributor or viewer gains nothing from this.
  EXPECT_FALSE(MayCreate(User(Role::kViewer), "meeting_requests"));
  EXPECT_FALSE(MayCreate(User(Role::kContributor), "fair_buyers"));
}

TEST(AccessTest, RoleNamesRoundTrip) {
  for (std::string_view name : kRoles) {
    ASSERT_TRUE(ParseRole(name).has_value());
    EXPECT_EQ(RoleName(*ParseRole(name)), name);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
  EXPECT_FALSE(ParseVisibility("secret").has_value());
}

}  // namespace
}  // namespace amity::domain
