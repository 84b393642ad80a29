#include "domain/exchange_agreement.h"

#include <gtest/gtest.h>

#include "domain/isced.h"

namespace amity::domain {
namespace {

ExchangeCondition Condition(std::string id = "c1") {
  return {.id = std::move(id),
          .direction = "home_to_partner",
          .host_department = "School of Computer Science",
          .isced_code = "0613",
          .level = "master",
          .seats_per_year = 2,
          .months_per_student = 10,
          .language = "en",
          .min_cefr = "B2",
          .extra_requirements = ""};
}

AgreementContent Content() {
  return {.partnership_id = "p",
          .home_institution_id = "ege",
          .partner_institution_id = "hit",
          .first_year = "2027-2028",
          .last_year = "2029-2030",
          .conditions = {Condition()}};
}

std::vector<std::string> Fields(const Problems& problems) {
  std::vector<std::string> fields;
  for (const Problem& problem : problems) fields.push_back(problem.field + ":" + problem.code);
  return fields;
}

TEST(IscedTest, HoldsEveryBroadAndNarrowField) {
  int broad = 0, narrow = 0;
  for (const IscedField& field : IscedFields()) {
    broad += IscedLevel(field.code) == "broad";
    narrow += IscedLevel(field.code) == "narrow";
    EXPECT_FALSE(field.tr.empty() || field.zh.empty() || field.en.empty()) << field.code;
    if (!IscedParent(field.code).empty()) {
      EXPECT_NE(FindIscedField(IscedParent(field.code)), nullptr) << field.code;
    }
  }
  EXPECT_EQ(broad, 11);   // 00 … 10
  EXPECT_EQ(narrow, 29);  // 001 … 104
  EXPECT_EQ(FindIscedField("0613")->en, "Software and applications development and analysis");
  EXPECT_EQ(FindIscedField("0999"), nullptr);
}

TEST(AcademicYearTest, ParsesOnlyConsecutiveYears) {
  EXPECT_EQ(ParseAcademicYear("2027-2028"), 2027);
  EXPECT_EQ(ParseAcademicYear("2027-2029"), std::nullopt);
  EXPECT_EQ(ParseAcademicYear("2027/2028"), std::nullopt);
  EXPECT_EQ(ParseAcademicYear("27-28"), std::nullopt);
  EXPECT_EQ(ParseAcademicYear("２０２７-2028"), std::nullopt);
  EXPECT_EQ(AcademicYears("2027-2028", "2029-2030"),
            (std::vector<std::string>{"2027-2028", "2028-2029", "2029-2030"}));
  EXPECT_TRUE(AcademicYears("2029-2030", "2027-2028").empty());
}

TEST(AgreementContentTest, AcceptsAValidAgreement) {
  EXPECT_TRUE(CheckAgreementContent(Content()).empty());
}

TEST(AgreementContentTest, NamesEachBrokenRule) {
  AgreementContent content = Content();
  content.first_year = "2029-2030";
  content.last_year = "2027-2028";
  EXPECT_EQ(Fields(CheckAgreementContent(content)),
            std::vector<std::string>{"last_year:ends_before_start"});
  content.first_year = "2020-2021";
  content.last_year = "2030-2031";
  EXPECT_EQ(Fields(CheckAgreementContent(content)),
            std::vector<std::string>{"last_year:too_many_years"});
  content = Content();
  content.first_year = "2027";
  content.partner_institution_id = "ege";
  ExchangeCondition& condition = content.conditions[0];
  condition.isced_code = "0619";
  condition.seats_per_year = 0;
  condition.months_per_student = 25;
  condition.level = "postdoc";
  condition.language = "EN";
  condition.min_cefr = "C3";
  condition.host_department = " ";
  EXPECT_EQ(
      Fields(CheckAgreementContent(content)),
      (std::vector<std::string>{
          "first_year:invalid_academic_year", "partner_institution_id:same_institution",
          "conditions[0].host_department:required", "conditions[0].isced_code:unknown_isced_code",
          "conditions[0].level:invalid_value", "conditions[0].seats_per_year:out_of_range",
          "conditions[0].months_per_student:out_of_range",
          "conditions[0].language:invalid_language", "conditions[0].min_cefr:invalid_value"}));
}

TEST(CanonicalContentTest, SortsKeysWithoutWhitespace) {
  AgreementContent content = Content();
  content.conditions[0].extra_requirements = "Portfolio \"A\"\n\x01\b — 作品集";
  EXPECT_EQ(CanonicalAgreementContent(content),
            R"({"conditions":[{"direction":"home_to_partner",)"
            R"("extra_requirements":"Portfolio \"A\"\n\u0001\b — 作品集",)"
            R"("host_department":"School of Computer Science","id":"c1","isced_code":"0613",)"
            R"("language":"en","level":"master","min_cefr":"B2","months_per_student":10,)"
            R"("seats_per_year":2}],"first_year":"2027-2028","home_institution_id":"ege",)"
            R"("last_year":"2029-2030","partner_institution_id":"hit","partnership_id":"p"})");
}

TEST(CanonicalContentTest, ChangesWithEveryApprovedDetail) {
  const std::string original = CanonicalAgreementContent(Content());
  AgreementContent content = Content();
  content.conditions[0].seats_per_year = 3;
  EXPECT_NE(CanonicalAgreementContent(content), original);
  content = Content();
  content.conditions.push_back(Condition("c2"));
  EXPECT_NE(CanonicalAgreementContent(content), original);
  EXPECT_EQ(CanonicalAgreementContent(Content()), original);
}

TEST(AgreementWorkflowTest, ProposesOnlyADraftWithConditions) {
  EXPECT_TRUE(CheckPropose("draft", Content()).empty());
  EXPECT_EQ(Fields(CheckPropose("proposed", Content())),
            std::vector<std::string>{"state:not_draft"});
  AgreementContent empty = Content();
  empty.conditions.clear();
  EXPECT_EQ(Fields(CheckPropose("draft", empty)),
            std::vector<std::string>{"conditions:no_conditions"});
}

TEST(AgreementWorkflowTest, ApprovesTheCurrentContentOncePerSide) {
  const std::vector<ApprovalFact> none;
  EXPECT_TRUE(CheckApproval("proposed", none, "home", "h1", "h1").empty());
  EXPECT_EQ(Fields(CheckApproval("draft", none, "home", "h1", "h1")),
            std::vector<std::string>{"state:not_proposed"});
  EXPECT_EQ(Fields(CheckApproval("proposed", none, "home", "h0", "h1")),
            std::vector<std::string>{"hash:stale_hash"});
  const std::vector<ApprovalFact> home{{"home", "h1"}};
  EXPECT_EQ(Fields(CheckApproval("proposed", home, "home", "h1", "h1")),
            std::vector<std::string>{"side:already_approved"});
  EXPECT_TRUE(CheckApproval("proposed", home, "partner", "h1", "h1").empty());
  EXPECT_EQ(StateAfterApprovals(home, "h1"), "proposed");
  const std::vector<ApprovalFact> both{{"home", "h1"}, {"partner", "h1"}};
  EXPECT_EQ(StateAfterApprovals(both, "h1"), "approved");
  EXPECT_EQ(StateAfterApprovals(both, "h2"), "proposed");  // approvals of older content
}

TEST(AgreementWorkflowTest, AChangedAgreementIsProposedAgain) {
  EXPECT_EQ(StateAfterEdit("draft", true), "draft");
  EXPECT_EQ(StateAfterEdit("approved", true), "proposed");
  EXPECT_EQ(StateAfterEdit("approved", false), "approved");
  EXPECT_EQ(StateAfterEdit("proposed", true), "proposed");
  EXPECT_TRUE(EditClearsApprovals("approved", true));
  EXPECT_TRUE(EditClearsApprovals("proposed", true));
  EXPECT_FALSE(EditClearsApprovals("approved", false));
  EXPECT_FALSE(EditClearsApprovals("draft", true));
}

TEST(AgreementDiffTest, ListsFieldsAndConditionsThatChanged) {
  const AgreementContent before = Content();
  AgreementContent after = Content();
  after.last_year = "2030-2031";
  after.conditions[0].seats_per_year = 4;
  after.conditions.push_back(Condition("c2"));
  std::vector<ContentChange> changes = DiffAgreementContent(before, after);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].kind, "field");
  EXPECT_EQ(changes[0].field, "last_year");
  EXPECT_EQ(changes[0].after, "2030-2031");
  EXPECT_EQ(changes[1].kind, "changed");
  EXPECT_EQ(changes[1].field, "seats_per_year");
  EXPECT_EQ(changes[1].before, "2");
  EXPECT_EQ(changes[1].after, "4");
  EXPECT_EQ(changes[2].kind, "added");
  EXPECT_EQ(changes[2].condition_id, "c2");
  changes = DiffAgreementContent(after, before);
  EXPECT_EQ(changes.back().kind, "removed");
  EXPECT_TRUE(DiffAgreementContent(before, before).empty());
}

TEST(AgreementTest, HostIsTheReceivingInstitution) {
  AgreementContent content = Content();
  EXPECT_EQ(HostInstitution(content, content.conditions[0]), "hit");
  content.conditions[0].direction = "partner_to_home";
  EXPECT_EQ(HostInstitution(content, content.conditions[0]), "ege");
}

}  // namespace
}  // namespace amity::domain
