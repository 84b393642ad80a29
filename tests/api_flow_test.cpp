// The partnership workflow through the real server: records, versions, the commitment
// lifecycle, the dashboard, the timeline, local times, the change trail and the OpenAPI document.
#include <gtest/gtest.h>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

std::string Id(const HttpResult& result) { return std::string(result.Json().at("id").as_string()); }

class ApiFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    izmir_ = std::string(
        server_.Get("/api/v1/cities?country=TR").Json().at("items").at(0).at("id").as_string());
    const HttpResult city =
        server_.Post("/api/v1/cities",
                     json::parse(R"({"name":{"original":"en","en":"Busan","zh":"釜山","tr":"Busan"},
                                         "country":"KR","time_zone":"Asia/Seoul","latitude":35.18,"longitude":129.07})"));
    ASSERT_EQ(city.status, 201) << city.body;
    busan_ = Id(city);
  }

  std::string CreatePartnership() {
    const HttpResult result = server_.Post("/api/v1/partnerships",
                                           {{"home_city_id", izmir_}, {"partner_city_id", busan_}});
    EXPECT_EQ(result.status, 201) << result.body;
    return Id(result);
  }

  std::string CreatePerson(const char* native, const char* latin) {
    const HttpResult result = server_.Post(
        "/api/v1/people",
        {{"native_name", native}, {"latin_name", latin}, {"languages", json::array{"tr", "en"}}});
    EXPECT_EQ(result.status, 201) << result.body;
    return Id(result);
  }

  TestServer server_{true};
  std::string izmir_, busan_;
};

TEST_F(ApiFlowTest, RecordsHaveIdsVersionsAndAnAuditTrail) {
  const HttpResult got = server_.Get("/api/v1/cities/" + busan_);
  ASSERT_EQ(got.status, 200);
  const json::value city = got.Json();
  EXPECT_EQ(city.at("version").as_int64(), 1);
  EXPECT_EQ(got.Header("etag"), "\"1\"");
  // What a signed-in caller reads stays out of shared and browser caches (the UI keeps its own).
  EXPECT_EQ(got.Header("cache-control"), "private, no-store");
  EXPECT_EQ(server_.Get("/api/v1/cities").Header("cache-control"), "private, no-store");
  EXPECT_EQ(city.at("id").as_string().size(), 36u);
  EXPECT_EQ(city.at("id").as_string()[14], '7');  // UUIDv7
  EXPECT_FALSE(city.at("instance_id").as_string().empty());
  EXPECT_TRUE(city.at("created_at").as_string().ends_with("Z"));

  HttpResult patched = server_.Request("PATCH", "/api/v1/cities/" + busan_,
                                       R"({"latitude":35.1796})", {"If-Match: \"1\""});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json().at("version").as_int64(), 2);
  EXPECT_EQ(patched.Header("etag"), "\"2\"");

  // A second editor still holding version 1 is told the record moved on.
  const HttpResult stale = server_.Request("PATCH", "/api/v1/cities/" + busan_, R"({"latitude":1})",
                                           {"If-Match: \"1\""});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.Header("etag"), "\"2\"");

  EXPECT_EQ(server_.Request("DELETE", "/api/v1/cities/" + busan_).status, 204);
  EXPECT_TRUE(server_.Get("/api/v1/cities/" + busan_).Json().at("archived").as_bool());
  const json::value cities = server_.Get("/api/v1/cities").Json();
  for (const json::value& item : cities.at("items").as_array()) {
    EXPECT_NE(item.at("id").as_string(), busan_) << "archived records leave lists";
  }
  EXPECT_EQ(server_.Get("/api/v1/cities?archived=true&country=KR").Json().at("total").as_int64(),
            1);

  const json::value trail = server_.Get("/api/v1/changes?entity=cities&record_id=" + busan_).Json();
  const json::array& changes = trail.at("items").as_array();
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].at("op").as_string(), "archive");
  EXPECT_EQ(changes[1].at("op").as_string(), "update");
  EXPECT_DOUBLE_EQ(changes[1].at("before").at("latitude").as_double(), 35.18);
  EXPECT_DOUBLE_EQ(changes[1].at("after").at("latitude").as_double(), 35.1796);
  EXPECT_FALSE(changes[1].at("after").as_object().contains("name")) << "only changed fields";
  EXPECT_EQ(changes[2].at("op").as_string(), "create");
  EXPECT_EQ(changes[2].at("version").as_int64(), 1);
}

TEST_F(ApiFlowTest, MeetingToCommitmentsToDoneMovesTheDashboard) {
  const std::string partnership = CreatePartnership();
  const std::string host = CreatePerson("Ayşe Yılmaz", "Ayse Yilmaz");
  const std::string guest = CreatePerson("김민준", "Kim Min-jun");
  const HttpResult meeting =
      server_.Post("/api/v1/meetings",
                   {{"kind", "video_call"},
                    {"partnership_id", partnership},
                    {"title", {{"original", "tr"}, {"tr", "Tanışma görüşmesi"}}},
                    {"starts_at", "2026-11-20T10:00:00+03:00"},
                    {"ends_at", "2026-11-20T11:00:00+03:00"},
                    {"time_zone", "Europe/Istanbul"},
                    {"participants",
                     json::array{{{"person_id", host}, {"side", "home"}, {"role", "host"}},
                                 {{"person_id", guest}, {"side", "partner"}, {"role", "guest"}}}},
                    {"areas", json::array{"sports", "music"}}});
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  const std::string meeting_id = Id(meeting);

  std::vector<std::string> commitments;
  for (const char* area : {"sports", "music", "education"}) {
    const HttpResult created =
        server_.Post("/api/v1/commitments",
                     {{"partnership_id", partnership},
                      {"meeting_id", meeting_id},
                      {"text", {{"original", "en"}, {"en", std::string("Plan for ") + area}}},
                      {"area", area},
                      {"proposed_by_side", "both"},
                      {"home_owner_id", host},
                      {"partner_owner_id", guest},
                      {"due_date", "2027-06-30"}});
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.Json().at("status").as_string(), "proposed");
    commitments.push_back(Id(created));
  }
  EXPECT_EQ(
      server_.Get("/api/v1/commitments?meeting_id=" + meeting_id).Json().at("total").as_int64(), 3);

  const std::string dashboard_path = "/api/v1/dashboard?partnership_id=" + partnership;
  json::value before = server_.Get(dashboard_path).Json().at("partnerships").at(0);
  EXPECT_EQ(before.at("open_total").as_int64(), 3);
  EXPECT_TRUE(before.at("follow_through").is_null());
  EXPECT_EQ(before.at("last_contact").as_string(), "2026-11-20");

  for (const char* to : {"agreed", "in_progress"}) {
    const HttpResult moved = server_.Post("/api/v1/commitments/" + commitments[0] + "/transitions",
                                          {{"to", to}, {"note", std::string("now ") + to}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.Json().at("status").as_string(), to);
  }
  // Closing needs a note and evidence; a link sent with the move is kept with the commitment.
  const std::string closing = "/api/v1/commitments/" + commitments[0] + "/transitions";
  const HttpResult bare = server_.Post(closing, {{"to", "done"}});
  ASSERT_EQ(bare.status, 422) << bare.body;
  EXPECT_EQ(bare.Json().at("problems").at(0).at("field").as_string(), "note");
  EXPECT_EQ(bare.Json().at("problems").at(1).at("field").as_string(), "evidence");
  const HttpResult bad_link = server_.Post(
      closing, {{"to", "done"}, {"note", "now done"}, {"evidence_link", {{"url", "ftp://x"}}}});
  EXPECT_EQ(bad_link.status, 422) << bad_link.body;
  EXPECT_EQ(bad_link.Json().at("problems").at(0).at("field").as_string(), "evidence_link.url");
  const json::object link{{"url", "https://www.izmir.bel.tr/tr/Haberler/orkestra"},
                          {"title", "İzmir Devlet Senfoni concert report"}};
  const HttpResult closed =
      server_.Post(closing, {{"to", "done"}, {"note", "now done"}, {"evidence_link", link}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json().at("status").as_string(), "done");
  EXPECT_EQ(closed.Json().at("evidence_links").at(0), link);
  const json::value evidence =
      server_.Get("/api/v1/commitments/" + commitments[0] + "/evidence").Json();
  EXPECT_EQ(evidence.at("links").at(0), link);
  EXPECT_TRUE(evidence.at("has_evidence").as_bool());
  ASSERT_EQ(server_
                .Post("/api/v1/commitments/" + commitments[1] + "/transitions",
                      {{"to", "dropped"}, {"note", "orchestra touring that year"}})
                .status,
            200);
  ASSERT_EQ(server_
                .Post("/api/v1/commitments/" + commitments[2] + "/notes",
                      {{"note", "two faculties interested"}})
                .status,
            201);
  const HttpResult again = server_.Post("/api/v1/commitments/" + commitments[0] + "/transitions",
                                        {{"to", "dropped"}, {"note", "too late"}});
  EXPECT_EQ(again.status, 422) << "nothing leaves done";

  json::value after = server_.Get(dashboard_path).Json().at("partnerships").at(0);
  EXPECT_EQ(after.at("open_total").as_int64(), 1);
  EXPECT_EQ(after.at("done").as_int64(), 1);
  EXPECT_EQ(after.at("done_with_evidence").as_int64(), 1);
  EXPECT_EQ(after.at("left_proposed").as_int64(), 2);
  EXPECT_DOUBLE_EQ(after.at("follow_through").as_double(), 0.5);
  EXPECT_EQ(after.at("open_by_area").at("education").at("proposed").as_int64(), 1);
  // The partnership as its own route answers it, and the legal steps its home country requires.
  EXPECT_EQ(after.at("partnership"), server_.Get("/api/v1/partnerships/" + partnership).Json());
  const json::array& steps = after.at("legal_steps").as_array();
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(steps.back().at("kind").as_string(), "agreement_signed");

  // Totals by area, for this partnership and over the whole register.
  const json::value totals = server_.Get(dashboard_path).Json().at("totals");
  EXPECT_EQ(totals.at("done").as_int64(), 1);
  EXPECT_EQ(totals.at("open").as_int64(), 1);
  EXPECT_DOUBLE_EQ(totals.at("by_area").at("sports").at("follow_through").as_double(), 1.0);
  EXPECT_DOUBLE_EQ(totals.at("by_area").at("music").at("follow_through").as_double(), 0.0);
  EXPECT_TRUE(totals.at("by_area").at("education").at("follow_through").is_null());
  const json::value everything = server_.Get("/api/v1/dashboard").Json().at("totals");
  EXPECT_EQ(everything.at("partnerships").as_int64(), 2);  // İzmir–Harbin and this one
  EXPECT_EQ(everything.at("open").as_int64(), 8 + 1);      // the eight demo proposals are open
  // İzmir is in Türkiye: a council decision and a ministry permission come before the signing.
  bool izmir_seen = false;
  const json::value all = server_.Get("/api/v1/dashboard").Json();
  for (const json::value& entry : all.at("partnerships").as_array()) {
    const json::array& legal = entry.at("legal_steps").as_array();
    if (legal.size() != 3) continue;
    izmir_seen = true;
    EXPECT_EQ(legal[0].at("kind").as_string(), "council_decision");
    EXPECT_EQ(legal[1].at("kind").as_string(), "ministry_permission");
    EXPECT_FALSE(legal[2].at("done").as_bool());  // the demo partnership is at `exploring`
  }
  EXPECT_TRUE(izmir_seen);

  const json::array history = server_.Get("/api/v1/commitments/" + commitments[0] + "/history")
                                  .Json()
                                  .at("items")
                                  .as_array();
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].at("from").as_string(), "proposed");
  EXPECT_EQ(history[2].at("to").as_string(), "done");
  EXPECT_EQ(history[2].at("note").as_string(), "now done");

  const json::array timeline = server_.Get("/api/v1/partnerships/" + partnership + "/timeline")
                                   .Json()
                                   .at("items")
                                   .as_array();
  ASSERT_EQ(timeline.size(), 1u + 3u + 1u);  // the meeting, three transitions, one drop
  EXPECT_EQ(timeline[0].at("kind").as_string(), "meeting");
  EXPECT_EQ(timeline[1].at("kind").as_string(), "transition");
}

TEST_F(ApiFlowTest, TheTurkishGateOpensOnceCouncilAndMinistryAreRecorded) {
  const std::string partnership = CreatePartnership();
  const HttpResult signed_ok = server_.Request("PATCH", "/api/v1/partnerships/" + partnership,
                                               R"({"tier":"sister_city","milestones":[
           {"kind":"council_decision","date":"2027-01-10","reference":"2027/15"},
           {"kind":"ministry_permission","date":"2027-03-01","reference":"E-123"},
           {"kind":"agreement_signed","date":"2027-04-01"}]})",
                                               {"If-Match: \"1\""});
  ASSERT_EQ(signed_ok.status, 200) << signed_ok.body;
  const json::value dashboard =
      server_.Get("/api/v1/dashboard?partnership_id=" + partnership).Json();
  for (const json::value& step : dashboard.at("partnerships").at(0).at("legal_steps").as_array()) {
    EXPECT_TRUE(step.at("done").as_bool()) << step.at("kind").as_string();
  }
}

TEST_F(ApiFlowTest, EventsKeepTheirTimeZoneAndShowLocalTime) {
  const std::string partnership = CreatePartnership();
  const HttpResult event = server_.Post(
      "/api/v1/events", {{"kind", "festival"},
                         {"partnership_id", partnership},
                         {"title", {{"zh", "冰雪节"}, {"en", "Ice and Snow Festival"}}},
                         {"starts_at", "2027-01-05T10:00:00+08:00"},
                         {"ends_at", "2027-01-09T18:00:00+08:00"},
                         {"time_zone", "Asia/Shanghai"}});
  ASSERT_EQ(event.status, 201) << event.body;
  const json::value body = event.Json();
  EXPECT_EQ(body.at("starts_at").as_string(), "2027-01-05T02:00:00Z");
  EXPECT_EQ(body.at("starts_local").as_string(), "2027-01-05T10:00:00+08:00");
  EXPECT_EQ(body.at("title").at("original").as_string(), "zh");
  EXPECT_EQ(body.at("status").as_string(), "idea");
  const json::value listed = server_
                                 .Get("/api/v1/events?partnership_id=" + partnership +
                                      "&starts_at_from=2027-01-05&starts_at_to=2027-01-05")
                                 .Json();
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  EXPECT_EQ(
      server_.Get("/api/v1/events?partnership_id=" + partnership + "&starts_at_from=2027-01-06")
          .Json()
          .at("total")
          .as_int64(),
      0);
}

TEST_F(ApiFlowTest, OverdueCommitmentsAreListed) {
  const std::string partnership = CreatePartnership();
  const HttpResult late =
      server_.Post("/api/v1/commitments", {{"partnership_id", partnership},
                                           {"text", {{"en", "Send the draft protocol"}}},
                                           {"area", "other"},
                                           {"proposed_by_side", "home"},
                                           {"due_date", "2020-01-01"}});
  ASSERT_EQ(late.status, 201);
  // The partnership's dashboard summary, and the total of the overdue filter of the list.
  const auto summary_now = [&] {
    return server_.Get("/api/v1/dashboard?partnership_id=" + partnership)
        .Json()
        .at("partnerships")
        .at(0);
  };
  const auto overdue_listed = [&] {
    return server_.Get("/api/v1/commitments?overdue=true&partnership_id=" + partnership)
        .Json()
        .at("total")
        .as_int64();
  };
  const json::value summary = summary_now();
  ASSERT_EQ(summary.at("overdue").as_array().size(), 1u);
  EXPECT_EQ(summary.at("overdue").at(0).at("id").as_string(), Id(late));
  EXPECT_EQ(summary.at("overdue_total").as_int64(), 1);
  EXPECT_EQ(overdue_listed(), 1);

  // More than the dashboard lists (20): the total still counts them all, and a dropped
  // commitment past its date is not overdue.
  for (int day = 2; day <= 23; ++day) {
    const HttpResult more = server_.Post(
        "/api/v1/commitments",
        {{"partnership_id", partnership},
         {"text", {{"en", "Reply to letter " + std::to_string(day)}}},
         {"area", "other"},
         {"proposed_by_side", "partner"},
         {"due_date", "2020-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day)}});
    ASSERT_EQ(more.status, 201) << more.body;
    if (day == 23) {
      ASSERT_EQ(server_
                    .Post("/api/v1/commitments/" + Id(more) + "/transitions",
                          {{"to", "dropped"}, {"note", "Superseded by the visit"}})
                    .status,
                200);
    }
  }
  const json::value crowded = summary_now();
  const json::array& listed = crowded.at("overdue").as_array();
  ASSERT_EQ(listed.size(), 20u);
  EXPECT_EQ(listed.at(0).at("id").as_string(), Id(late));  // earliest due first
  EXPECT_EQ(crowded.at("overdue_total").as_int64(), 22);
  EXPECT_EQ(overdue_listed(), 22);

  // The web UI asks for the figures without the lists (it reads the earliest overdue itself).
  const json::value figures_only =
      server_.Get("/api/v1/dashboard?overdue_limit=0&partnership_id=" + partnership)
          .Json()
          .at("partnerships")
          .at(0);
  EXPECT_TRUE(figures_only.at("overdue").as_array().empty());
  EXPECT_EQ(figures_only.at("overdue_total").as_int64(), 22);
  const json::value three =
      server_.Get("/api/v1/dashboard?overdue_limit=3&partnership_id=" + partnership)
          .Json()
          .at("partnerships")
          .at(0);
  EXPECT_EQ(three.at("overdue").as_array().size(), 3u);
  const HttpResult too_many = server_.Get("/api/v1/dashboard?overdue_limit=21");
  EXPECT_EQ(too_many.status, 400);
  EXPECT_NE(too_many.body.find("overdue_limit"), std::string::npos) << too_many.body;
}

TEST_F(ApiFlowTest, ListsPageFilterAndSort) {
  const json::value page = server_.Get("/api/v1/commitments?limit=3&offset=1&sort=due_date").Json();
  EXPECT_EQ(page.at("items").as_array().size(), 3u);
  EXPECT_EQ(page.at("total").as_int64(), 8);  // the eight İzmir–Harbin proposals
  const auto& items = page.at("items").as_array();
  EXPECT_LE(items[0].at("due_date").as_string(), items[1].at("due_date").as_string());
  const json::value filtered = server_.Get("/api/v1/commitments?area=education,music").Json();
  for (const json::value& item : filtered.at("items").as_array()) {
    const auto area = item.at("area").as_string();
    EXPECT_TRUE(area == "education" || area == "music") << area;
  }
  EXPECT_EQ(server_.Get("/api/v1/areas").Json().at("items").as_array().size(), 11u);
  EXPECT_EQ(server_.Get("/api/v1/areas/heritage").Json().at("name").at("zh").as_string(),
            "文化遗产");
}

TEST_F(ApiFlowTest, OpenApiDocumentsTheRoutesThisSuiteUses) {
  const json::value document = server_.Get("/api/v1/openapi.json").Json();
  EXPECT_EQ(document.at("openapi").as_string(), "3.1.0");
  const json::object& paths = document.at("paths").as_object();
  const std::vector<std::pair<std::string, std::string>> used = {
      {"/api/v1/cities", "post"},
      {"/api/v1/cities/{id}", "patch"},
      {"/api/v1/cities/{id}", "delete"},
      {"/api/v1/changes", "get"},
      {"/api/v1/meetings", "post"},
      {"/api/v1/commitments", "get"},
      {"/api/v1/commitments/{id}/transitions", "post"},
      {"/api/v1/commitments/{id}/notes", "post"},
      {"/api/v1/commitments/{id}/history", "get"},
      {"/api/v1/partnerships/{id}/timeline", "get"},
      {"/api/v1/dashboard", "get"},
      {"/api/v1/events", "post"},
      {"/api/v1/areas", "get"},
      {"/api/v1/areas/{code}", "get"},
      {"/api/v1/people", "post"},
      {"/api/v1/organizations", "get"},
      {"/healthz", "get"}};
  for (const auto& [path, method] : used) {
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_TRUE(paths.at(path).as_object().contains(method)) << method << " " << path;
  }
}

TEST_F(ApiFlowTest, RequestsAreLoggedAndSigtermStopsCleanly) {
  EXPECT_EQ(server_.Get("/api/v1/cities").status, 200);
  EXPECT_EQ(server_.Stop(), 0);
  FILE* log = fopen((server_.folder() + "/server.log").c_str(), "r");
  ASSERT_NE(log, nullptr);
  char line[2048];
  bool found = false;
  while (fgets(line, sizeof line, log)) {
    const std::string text(line);
    found |= text.find("\"method\":\"GET\",\"path\":\"/api/v1/cities\",\"status\":200") !=
             std::string::npos;
  }
  fclose(log);
  EXPECT_TRUE(found) << "one structured line per request";
}

}  // namespace
}  // namespace amity::testing
