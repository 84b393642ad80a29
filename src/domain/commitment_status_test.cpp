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
      {"in_progress", "done", "", ""},
      {"proposed", "done", "", ""},  // forward jumps are allowed
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
    const Problems problems = CheckTransition(c.from, c.to, c.note);
    if (std::string(c.want_field).empty()) {
      EXPECT_TRUE(problems.empty()) << c.from << " -> " << c.to << ": " << problems[0].message;
    } else {
      ASSERT_EQ(problems.size(), 1u) << c.from << " -> " << c.to;
      EXPECT_EQ(problems[0].field, c.want_field) << c.from << " -> " << c.to;
    }
  }
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
