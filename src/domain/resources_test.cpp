#include "domain/resources.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace amity::domain {
namespace {

TEST(ResourcesTest, ReferencesPointAtEarlierResourcesOrThemselves) {
  std::set<std::string_view> seen;
  for (const ResourceSpec* spec : AllResources()) {
    seen.insert(spec->name);
    for (const FieldSpec& field : spec->fields) {
      std::vector<const FieldSpec*> to_check = {&field};
      for (const FieldSpec& member : field.members) to_check.push_back(&member);
      for (const FieldSpec* checked : to_check) {
        if (checked->type == FieldType::kReference || checked->type == FieldType::kReferenceList) {
          EXPECT_TRUE(seen.count(checked->references))
              << spec->name << "." << checked->name << " -> " << checked->references;
        }
      }
    }
  }
}

TEST(ResourcesTest, EnumsHaveChoicesAndDefaultsAreAmongThem) {
  for (const ResourceSpec* spec : AllResources()) {
    for (const FieldSpec& field : spec->fields) {
      if (field.type != FieldType::kEnum && field.type != FieldType::kEnumList) continue;
      EXPECT_FALSE(field.values.empty()) << spec->name << "." << field.name;
      if (!field.default_value.empty()) {
        bool found = false;
        for (auto value : field.values) found |= value == field.default_value;
        EXPECT_TRUE(found) << spec->name << "." << field.name;
      }
    }
  }
}

TEST(ResourcesTest, FindsResourcesAndFields) {
  ASSERT_NE(FindResource("commitments"), nullptr);
  EXPECT_EQ(FindResource("nope"), nullptr);
  EXPECT_FALSE(Commitments().Field("status")->writable);
  EXPECT_TRUE(Meetings().HasTimeZone());
  EXPECT_FALSE(Commitments().HasTimeZone());
}

}  // namespace
}  // namespace amity::domain
