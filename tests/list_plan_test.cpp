// Every documented list (resource × sort × filter, first page and a page after a cursor) reads an
// index rather than scanning or sorting what its filter matches, under the statistics the server
// gathers at start, on a database `amity demo --scale` made. The SQL checked is the very SQL the
// server runs: the query parameters go through api::ParseListQuery and store::PageStatements.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "api/list_query.h"
#include "domain/resources.h"
#include "store/db.h"
#include "store/migrations.h"
#include "store/records.h"
#include "test_server.h"

namespace amity::testing {
namespace {

using domain::FieldType;
using Kind = api::ListParameter::Kind;

// Filters that match few records per value whatever the database's size, so sorting what they
// match is cheap: references to records that name few others (a meeting's commitments, a
// person's), a partnership's meetings and events (tens a year), a date, a country's cities. A
// partnership's commitments are not among them: the busy partnership holds 100,000. A case
// library is written by hand, so a partnership's or an area's cases are tens, not thousands; so is
// a city's trade catalogue: a sector's companies, a company's products and the products under one
// HS code are tens; so are a fair's exhibitors, buyers and meeting requests (hundreds at most),
// and the leads of a fair, a buyer, a company, a follow-up owner or a follow-up date. Exhibitors
// and fair buyers are hundreds in all (a few fairs a year), so even a visibility filter sorts few.
// Agreement texts, their approvals and legal steps are a handful per partnership, tens in all.
// A creator's records are read in creation order from their own index (migration 39) and sorted
// only for another order: what one officer made, not what the table holds.
const std::set<std::string> kFewPerValue = {"id",
                                            "created_by",
                                            "meeting_id",
                                            "home_owner_id",
                                            "partner_owner_id",
                                            "organization_id",
                                            "city_id",
                                            "home_city_id",
                                            "partner_city_id",
                                            "proposed_by_person_id",
                                            "due_date",
                                            "meetings.partnership_id",
                                            "events.partnership_id",
                                            "cases.partnership_id",
                                            "cases.area",
                                            "period_start",
                                            "organizations.sector",
                                            "products.company_id",
                                            "products.hs_code",
                                            "exhibitors.event_id",
                                            "exhibitors.company_id",
                                            "b2b_plans.event_id",
                                            "fair_buyers.event_id",
                                            "fair_buyers.organization_id",
                                            "meeting_requests.event_id",
                                            "meeting_requests.buyer_id",
                                            "meeting_requests.exhibitor_id",
                                            "leads.partnership_id",
                                            "leads.event_id",
                                            "leads.buyer_id",
                                            "leads.exhibitor_company_id",
                                            "leads.follow_up_owner_id",
                                            "leads.next_follow_up",
                                            "exhibitors.visibility",
                                            "fair_buyers.visibility",
                                            "cities.country",
                                            "agreement_texts.partnership_id",
                                            "agreement_texts.kind",
                                            "agreement_texts.visibility",
                                            "agreement_texts.created_by",
                                            "agreement_approvals.agreement_id",
                                            "agreement_approvals.partnership_id",
                                            "agreement_approvals.visibility",
                                            "agreement_approvals.created_by",
                                            "legal_steps.partnership_id",
                                            "legal_steps.kind",
                                            "legal_steps.visibility",
                                            "legal_steps.created_by"};

std::string Plan(store::Db& db, const store::PageStatement& statement) {
  store::Stmt explain = db.Prepare("EXPLAIN QUERY PLAN " + statement.sql);
  int index = 1;
  for (const std::string& param : statement.params) explain.Bind(index++, param);
  explain.Bind(index, 50).Bind(index + 1, statement.offset);
  std::string text;
  while (explain.Step()) (text += explain.Text(3)) += '\n';
  return text;
}

// A value of `field` the database holds (so the planner's statistics apply), or a valid one.
std::string SampleValue(store::Db& db, const domain::ResourceSpec& spec,
                        const domain::FieldSpec& field) {
  // One entry, not a stored array.
  if (field.type == FieldType::kEnumList) return std::string(field.values.front());
  if (field.type == FieldType::kCountryList) return "CN";
  if (domain::IsListType(field.type)) return "restoration";
  if (field.type == FieldType::kTariffCode) return "080420";
  store::Stmt select = db.Prepare("SELECT " + std::string(field.name) + " FROM " +
                                  std::string(spec.name) + " WHERE " + std::string(field.name) +
                                  " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  if (select.Step()) return std::string(select.Text(0));
  if (!field.values.empty()) return std::string(field.values.front());
  if (field.type == FieldType::kReference) return "01900000-0000-7000-8000-000000000000";
  if (field.type == FieldType::kCountry) return "TR";
  return "2027-01-01";
}

class ListPlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = (std::filesystem::temp_directory_path() /
             ("amity_list_plans." + std::to_string(getpid()) + ".db"))
                .string();
    std::string output;
    ASSERT_EQ(RunAmity({"demo", "--db", path_, "--scale", "20"}, &output), 0) << output;
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  static std::string path_;
};
std::string ListPlanTest::path_;

TEST_F(ListPlanTest, EveryListSortAndFilterReadsAnIndex) {
  store::Db db(path_);
  store::RefreshStatistics(db);  // as `amity serve` does at start
  const Date today = *ParseDate("2027-01-01");
  int checked = 0;
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    const std::vector<api::ListParameter>& parameters = api::ListParameters(*spec);
    std::vector<std::string> sorts;
    std::vector<http::Pairs> filters = {{}};
    std::vector<std::string> filter_fields = {""};
    for (const api::ListParameter& parameter : parameters) {
      if (parameter.kind == Kind::kSort) sorts = parameter.sort_keys;
      if (parameter.kind == Kind::kEquals) {
        filters.push_back({{parameter.name, SampleValue(db, *spec, *parameter.field)}});
        filter_fields.push_back(parameter.name);
      } else if (parameter.kind == Kind::kFrom || parameter.kind == Kind::kTo) {
        filters.push_back({{parameter.name, "2027-01-01"}});
        filter_fields.push_back(std::string(parameter.field->name));
      } else if (parameter.kind == Kind::kOverdue) {
        filters.push_back({{parameter.name, "true"}});
        filter_fields.push_back("overdue");
      } else if (parameter.kind == Kind::kIds) {
        filters.push_back({{parameter.name,
                            "01900000-0000-7000-8000-000000000001,"
                            "01900000-0000-7000-8000-000000000002"}});
        filter_fields.push_back("id");
      } else if (parameter.kind == Kind::kLanguage) {
        filters.push_back({{parameter.name, "zh"}});
        filter_fields.push_back("lang");
      }
    }
    for (const std::string& sort : sorts) {
      for (size_t f = 0; f < filters.size(); ++f) {
        http::Pairs query = filters[f];
        query.emplace_back("sort", sort);
        store::ListQuery list = api::ParseListQuery(*spec, query, today);
        const std::string columns = "id, version, " + list.sort_column;
        // The first page, and a page after a cursor (with a value; NULL apart, as the reader
        // does).
        std::vector<store::PageStatement> statements = store::PageStatements(*spec, list, columns);
        list.after = store::ListCursor{"2026-06-01", "01900000-0000-7000-8000-000000000000"};
        for (store::PageStatement& part : store::PageStatements(*spec, list, columns)) {
          statements.push_back(std::move(part));
        }
        for (const store::PageStatement& statement : statements) {
          const std::string plan = Plan(db, statement);
          const std::string where = std::string(spec->name) + "?sort=" + sort +
                                    (query.size() > 1 ? "&" + query[0].first : "") + "\n" +
                                    statement.sql + "\n" + plan;
          ++checked;
          // No read of every row of the table.
          EXPECT_EQ(plan.find("SCAN " + std::string(spec->name) + "\n"), std::string::npos)
              << where;
          // No sort of what the filter matches, unless the filter is on a reference with few
          // records per value.
          if (plan.find("TEMP B-TREE") != std::string::npos) {
            EXPECT_TRUE(kFewPerValue.count(filter_fields[f]) > 0 ||
                        kFewPerValue.count(std::string(spec->name) + "." + filter_fields[f]) > 0)
                << where;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 300);
}

}  // namespace
}  // namespace amity::testing
