#include "domain/commitment_status.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

struct TransitionCase {
  const char* from;
  const char* to;
  const char* note;
  const char* want_field;  // "" when allowed
};

TEST(CommitmentStatusTest, TransitionTable) {
  const TransitionCase cases[] = {
      {"proposed", "agreed", "", ""},
      {"agreed", "planned", "", ""},
      {"planned", "in_progress", "", ""},
      {"in_progress", "done", "opened in May", ""},
      {"proposed", "done", "held", ""},      // forward jumps are allowed
      {"in_progress", "done", " ", "note"},  // closing says what was done
      {"agreed", "in_progress", "", ""},
      {"proposed", "dropped", "partner withdrew", ""},
      {"in_progress", "dropped", "no budget", ""},
      {"proposed", "dropped", "", "note"},
      {"proposed", "dropped", "  \n", "note"},
      {"planned", "agreed", "", "to"},  // backward
      {"agreed", "agreed", "", "to"},   // same
      {"done", "in_progress", "", "to"},
      {"done", "dropped", "late", "to"},
      {"dropped", "agreed", "", "to"},
      {"proposed", "finished", "", "to"},  // unknown
  };
  for (const TransitionCase& c : cases) {
    const Problems problems = CheckTransition(c.from, c.to, c.note, {.files = 1});
    if (std::string(c.want_field).empty()) {
      EXPECT_TRUE(problems.empty()) << c.from << " -> " << c.to << ": " << problems[0].message;
    } else {
      ASSERT_EQ(problems.size(), 1u) << c.from << " -> " << c.to;
      EXPECT_EQ(problems[0].field, c.want_field) << c.from << " -> " << c.to;
    }
  }
}

TEST(CommitmentStatusTest, ClosingNeedsEvidenceOfAnyKind) {
  EXPECT_EQ(CheckTransition("in_progress", "done", "done", {}).at(0).field, "evidence");
  EXPECT_EQ(CheckTransition("in_progress", "done", "done", {}).at(0).code, "evidence_required");
  EXPECT_TRUE(CheckTransition("in_progress", "done", "done", {.files = 1}).empty());
  EXPECT_TRUE(CheckTransition("in_progress", "done", "done", {.links = 2}).empty());
  EXPECT_TRUE(CheckTransition("in_progress", "done", "done", {.held_events = 1}).empty());
  EXPECT_EQ(CheckTransition("in_progress", "done", "", {}).size(), 2u);  // note and evidence
  EXPECT_TRUE(CheckTransition("in_progress", "dropped", "no budget", {}).empty());
}

TEST(CommitmentStatusTest, OpenStatuses) {
  EXPECT_TRUE(IsOpenStatus("proposed"));
  EXPECT_TRUE(IsOpenStatus("in_progress"));
  EXPECT_FALSE(IsOpenStatus("done"));
  EXPECT_FALSE(IsOpenStatus("dropped"));
  EXPECT_FALSE(IsOpenStatus("nonsense"));
}

}  // namespace
}  // namespace amity::domain
