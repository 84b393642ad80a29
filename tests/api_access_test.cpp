// The access matrix: every role (and an anonymous caller) against the record routes and the
// account routes, on records that are the caller's own, shared in the partner user's
// partnership, private, and shared in another partnership. Each cell states the status the
// issue asks for: allowed, 401 (not signed in), 403 (signed in, not allowed) or 404 (may not
// know the record exists).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

enum Who { kAdmin, kOfficer, kContributor, kPartner, kViewer, kAnonymous, kWhoCount };
constexpr const char* kWhoNames[] = {"admin",   "officer", "contributor",
                                     "partner", "viewer",  "anonymous"};

// The records each cell is tried on.
enum Kind { kOwn, kSharedHere, kPrivateHere, kSharedElsewhere, kKindCount };
constexpr const char* kKindNames[] = {"own (contributor's, private)", "shared in own partnership",
                                      "private", "shared in another partnership"};

std::string Id(const HttpResult& result) { return std::string(result.Json().at("id").as_string()); }

class AccessMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    partnership_ = FirstId("/api/v1/partnerships");
    const std::string izmir = FirstId("/api/v1/cities?country=TR");
    const HttpResult city = server_.Post(
        "/api/v1/cities", json::parse(R"({"name":{"original":"en","en":"Busan"},"country":"KR",
                                            "time_zone":"Asia/Seoul"})"));
    ASSERT_EQ(city.status, 201) << city.body;
    const HttpResult other = server_.Post(
        "/api/v1/partnerships",
        {{"home_city_id", izmir}, {"partner_city_id", Id(city)}, {"visibility", "shared"}});
    ASSERT_EQ(other.status, 201) << other.body;
    other_partnership_ = Id(other);
    users_[kAdmin] = server_.admin();
    users_[kOfficer] = server_.AddUser("officer@amity.test", "officer");
    users_[kContributor] = server_.AddUser("contributor@amity.test", "contributor");
    users_[kPartner] = server_.AddUser("partner@amity.test", "partner", {partnership_});
    users_[kViewer] = server_.AddUser("viewer@amity.test", "viewer");
  }

  std::string FirstId(const std::string& path) {
    return std::string(server_.Get(path).Json().at("items").at(0).at("id").as_string());
  }

  std::vector<std::string> As(Who who) const {
    if (who == kAnonymous) return {"Authorization:"};
    return {users_.at(who).Bearer()};
  }

  HttpResult Call(Who who, const std::string& method, const std::string& path,
                  const std::string& body = "", std::vector<std::string> headers = {}) {
    std::vector<std::string> all = As(who);
    all.insert(all.end(), headers.begin(), headers.end());
    return server_.Request(method, path, body, all);
  }

  // A body creating a record of `resource` in `partnership` with `visibility`.
  json::object Body(const std::string& resource, const std::string& partnership,
                    const std::string& visibility) const {
    json::object body{{"partnership_id", partnership}, {"visibility", visibility}};
    if (resource == "meetings") {
      body["kind"] = "video_call";
      body["title"] = {{"original", "en"}, {"en", "Access matrix call"}};
      body["starts_at"] = "2027-02-01T09:00:00Z";
      body["ends_at"] = "2027-02-01T10:00:00Z";
      body["time_zone"] = "Europe/Istanbul";
    } else if (resource == "commitments") {
      body["text"] = {{"original", "en"}, {"en", "Access matrix commitment"}};
      body["area"] = "education";
      body["proposed_by_side"] = "home";
    } else {
      body["kind"] = "concert";
      body["title"] = {{"original", "en"}, {"en", "Access matrix concert"}};
      body["starts_at"] = "2027-03-01T18:00:00Z";
      body["ends_at"] = "2027-03-01T20:00:00Z";
      body["time_zone"] = "Europe/Istanbul";
    }
    return body;
  }

  // Creates a record of `kind` (own records are created by the contributor).
  std::string Create(const std::string& resource, Kind kind) {
    const std::string partnership = kind == kSharedElsewhere ? other_partnership_ : partnership_;
    const std::string visibility =
        kind == kSharedHere || kind == kSharedElsewhere ? "shared" : "private";
    const Who creator = kind == kOwn && resource != "meetings" ? kContributor : kAdmin;
    const HttpResult created = Call(creator, "POST", "/api/v1/" + resource,
                                    json::serialize(Body(resource, partnership, visibility)));
    EXPECT_EQ(created.status, 201) << resource << " " << created.body;
    return Id(created);
  }

  long long Version(const std::string& path) {
    return server_.Get(path).Json().at("version").as_int64();
  }

  TestServer server_{true};
  std::string partnership_, other_partnership_;
  std::map<Who, TestUser> users_;
};

// Expected statuses for reading and changing records of meetings, commitments and events.
int ExpectedRead(Who who, Kind kind) {
  if (who == kAnonymous) return 401;
  if (who == kPartner) return kind == kSharedHere ? 200 : 404;
  return 200;
}

int ExpectedChange(Who who, Kind kind, const std::string& resource, int success) {
  if (who == kAnonymous) return 401;
  switch (who) {
    case kAdmin:
    case kOfficer:
      return success;
    case kContributor:
      return kind == kOwn && resource != "meetings" ? success : 403;
    case kPartner:
      return kind == kSharedHere ? success : 404;
    default:
      return 403;  // viewer
  }
}

int ExpectedArchive(Who who, Kind kind, const std::string& resource) {
  if (who == kPartner && kind == kSharedHere) return 403;  // partners never archive
  return ExpectedChange(who, kind, resource, 204);
}

TEST_F(AccessMatrixTest, EveryRoleOnEveryRecordRoute) {
  for (const std::string resource : {"meetings", "commitments", "events"}) {
    std::map<Kind, std::string> ids;
    for (int kind = 0; kind < kKindCount; ++kind) {
      ids[Kind(kind)] = Create(resource, Kind(kind));
    }
    for (int who = 0; who < kWhoCount; ++who) {
      // The list holds exactly the records the caller may read.
      const HttpResult list = Call(Who(who), "GET", "/api/v1/" + resource + "?limit=200");
      if (who == kAnonymous) {
        EXPECT_EQ(list.status, 401);
      } else {
        ASSERT_EQ(list.status, 200) << list.body;
        std::set<std::string> listed;
        const json::value page = list.Json();
        for (const json::value& item : page.at("items").as_array()) {
          listed.insert(std::string(item.at("id").as_string()));
        }
        for (int kind = 0; kind < kKindCount; ++kind) {
          EXPECT_EQ(listed.count(ids[Kind(kind)]) == 1, ExpectedRead(Who(who), Kind(kind)) == 200)
              << kWhoNames[who] << " listing " << resource << ": " << kKindNames[kind];
        }
      }
      for (int kind = 0; kind < kKindCount; ++kind) {
        const std::string path = "/api/v1/" + resource + "/" + ids[Kind(kind)];
        const std::string cell =
            std::string(kWhoNames[who]) + " on " + resource + " " + kKindNames[kind];
        EXPECT_EQ(Call(Who(who), "GET", path).status, ExpectedRead(Who(who), Kind(kind))) << cell;
        EXPECT_EQ(Call(Who(who), "GET", path + "/changes").status,
                  ExpectedRead(Who(who), Kind(kind)))
            << cell << " (change trail)";
        const std::string patch = resource == "commitments" ? R"({"due_date":"2027-06-30"})"
                                                            : R"({"venue":"Kültürpark"})";
        const HttpResult patched = Call(Who(who), "PATCH", path, patch,
                                        {"If-Match: \"" + std::to_string(Version(path)) + "\""});
        EXPECT_EQ(patched.status, ExpectedChange(Who(who), Kind(kind), resource, 200))
            << cell << " (update): " << patched.body;
        if (resource == "commitments") {
          EXPECT_EQ(Call(Who(who), "POST", path + "/notes", R"({"note":"matrix"})").status,
                    ExpectedChange(Who(who), Kind(kind), resource, 201))
              << cell << " (note)";
          const HttpResult moved =
              Call(Who(who), "POST", path + "/transitions", R"({"to":"agreed"})");
          const int expected = ExpectedChange(Who(who), Kind(kind), resource, 200);
          // Once someone moved it, moving it again to the same status is a 422 (not allowed).
          EXPECT_TRUE(moved.status == expected || (expected == 200 && moved.status == 422))
              << cell << " (transition): " << moved.status << " " << moved.body;
          EXPECT_EQ(Call(Who(who), "GET", path + "/history").status,
                    ExpectedRead(Who(who), Kind(kind)))
              << cell << " (history)";
        }
        // Archiving is tried on a fresh record of the same kind, so the others stay live.
        const std::string fresh = "/api/v1/" + resource + "/" + Create(resource, Kind(kind));
        EXPECT_EQ(Call(Who(who), "DELETE", fresh).status,
                  ExpectedArchive(Who(who), Kind(kind), resource))
            << cell << " (archive)";
      }
    }
  }
}

TEST_F(AccessMatrixTest, WhoMayCreateWhat) {
  const HttpResult published = server_.Post(
      "/api/v1/partnerships", {{"home_city_id", FirstId("/api/v1/cities?country=TR")},
                               {"partner_city_id", FirstId("/api/v1/cities?country=KR")},
                               {"visibility", "public"}});
  ASSERT_EQ(published.status, 201) << published.body;
  const std::string public_partnership = Id(published);
  const auto create = [&](Who who, const std::string& resource, const std::string& partnership,
                          const std::string& visibility) {
    return Call(who, "POST", "/api/v1/" + resource,
                json::serialize(Body(resource, partnership, visibility)))
        .status;
  };
  for (const std::string resource : {"meetings", "commitments", "events"}) {
    EXPECT_EQ(create(kAnonymous, resource, partnership_, "shared"), 401) << resource;
    EXPECT_EQ(create(kViewer, resource, partnership_, "shared"), 403) << resource;
    EXPECT_EQ(create(kOfficer, resource, partnership_, "private"), 201) << resource;
    EXPECT_EQ(create(kContributor, resource, partnership_, "private"),
              resource == "meetings" ? 403 : 201)
        << resource;
    // Partner users add shared records to their own partnership only.
    EXPECT_EQ(create(kPartner, resource, partnership_, "shared"), 201) << resource;
    EXPECT_EQ(create(kPartner, resource, partnership_, "private"), 403) << resource;
    // A partnership the partner user may not see is answered as a missing one…
    EXPECT_EQ(create(kPartner, resource, other_partnership_, "shared"), 422) << resource;
    // …one it sees (public) but is not assigned to, as one it may not work in.
    EXPECT_EQ(create(kPartner, resource, public_partnership, "shared"), 403) << resource;
  }
  // Without a visibility, a partner user's record is shared (so it stays visible to them).
  json::object body = Body("commitments", partnership_, "shared");
  body.erase("visibility");
  const HttpResult partner_made =
      Call(kPartner, "POST", "/api/v1/commitments", json::serialize(body));
  ASSERT_EQ(partner_made.status, 201) << partner_made.body;
  EXPECT_EQ(partner_made.Json().at("visibility"), "shared");
  EXPECT_EQ(partner_made.Json().at("created_by").as_string(), users_[kPartner].id);
  // …and they may not change who sees it.
  const HttpResult hidden = Call(kPartner, "PATCH", "/api/v1/commitments/" + Id(partner_made),
                                 R"({"visibility":"private"})", {"If-Match: \"1\""});
  EXPECT_EQ(hidden.status, 403);
  EXPECT_EQ(hidden.Json().at("problems").at(0).at("field"), "visibility");
  const std::string city = R"({"name":{"original":"en","en":"Kazan"},"country":"RU",
                               "time_zone":"Europe/Moscow"})";
  EXPECT_EQ(Call(kOfficer, "POST", "/api/v1/cities", city).status, 201);
  for (Who who : {kContributor, kPartner, kViewer}) {
    EXPECT_EQ(Call(who, "POST", "/api/v1/cities", city).status, 403) << kWhoNames[who];
  }
  // Partner users edit no partnership record, not even their own shared one.
  const std::string path = "/api/v1/partnerships/" + partnership_;
  EXPECT_EQ(Call(kPartner, "PATCH", path, R"({"status":"dormant"})",
                 {"If-Match: \"" + std::to_string(Version(path)) + "\""})
                .status,
            403);
}

TEST_F(AccessMatrixTest, AccountAndLogRoutesByRole) {
  struct Route {
    std::string method, path, body;
    std::map<Who, int> status;  // roles absent from the map get `otherwise`
    int otherwise;
  };
  const std::vector<Route> routes = {
      {"GET", "/api/v1/users", "", {{kAdmin, 200}}, 403},
      {"POST",
       "/api/v1/users",
       R"({"email":"new-<who>@amity.test","role":"viewer"})",
       {{kAdmin, 201}},
       403},
      {"GET", "/api/v1/users/" + users_[kViewer].id, "", {{kAdmin, 200}}, 403},
      {"POST", "/api/v1/users/" + users_[kViewer].id + "/password", "", {{kAdmin, 200}}, 403},
      {"GET", "/api/v1/audit", "", {{kAdmin, 200}}, 403},
      {"GET", "/api/v1/changes", "", {{kAdmin, 200}}, 403},
      {"GET", "/api/v1/translations?lang=en", "", {{kPartner, 403}}, 200},
      {"GET", "/api/v1/dashboard", "", {}, 200},
      {"GET", "/api/v1/areas", "", {}, 200},
      {"GET", "/api/v1/search?q=harbin", "", {}, 200},
      {"GET", "/api/v1/session", "", {}, 200},
      {"GET", "/api/v1/tokens", "", {}, 200},
      {"POST", "/api/v1/tokens", R"({"name":"matrix"})", {}, 201},
      {"GET", "/api/v1/partnerships/" + partnership_ + "/timeline", "", {}, 200},
      {"GET",
       "/api/v1/partnerships/" + other_partnership_ + "/timeline",
       "",
       {{kPartner, 404}},
       200},
      {"GET", "/api/v1/openapi.json", "", {{kAnonymous, 200}}, 200},
  };
  for (const Route& route : routes) {
    for (int who = 0; who < kWhoCount; ++who) {
      int expected = route.status.count(Who(who)) ? route.status.at(Who(who)) : route.otherwise;
      if (who == kAnonymous && !route.status.count(kAnonymous)) expected = 401;
      std::string body = route.body;
      if (const size_t at = body.find("<who>"); at != std::string::npos) {
        body.replace(at, 5, kWhoNames[who]);
      }
      const HttpResult result = Call(Who(who), route.method, route.path, body);
      EXPECT_EQ(result.status, expected)
          << kWhoNames[who] << " " << route.method << " " << route.path << ": " << result.body;
      if (result.status == 401)
        EXPECT_EQ(result.Header("www-authenticate"), "Bearer realm=\"amity\"");
      if (result.status >= 400) {
        EXPECT_EQ(result.Header("content-type"), "application/problem+json") << route.path;
      }
    }
  }
}

TEST_F(AccessMatrixTest, PartnerUsersCountAndFindOnlyWhatTheyMaySee) {
  // The demo shares seven of its eight proposals; one (youth arts) stays private.
  const auto total_commitments = [&](Who who) {
    return Call(who, "GET", "/api/v1/dashboard").Json().at("totals").at("total").as_int64();
  };
  EXPECT_EQ(total_commitments(kAdmin), 8);
  EXPECT_EQ(total_commitments(kPartner), 7);
  EXPECT_EQ(Call(kPartner, "GET", "/api/v1/dashboard").Json().at("total").as_int64(), 1)
      << "the other partnership is not assigned to the partner user";
  EXPECT_EQ(Call(kAdmin, "GET", "/api/v1/dashboard").Json().at("total").as_int64(), 2);

  const std::string secret = Create("commitments", kPrivateHere);
  const HttpResult patched =
      server_.Request("PATCH", "/api/v1/commitments/" + secret,
                      R"({"text":{"original":"en","en":"Confidential zeppelin negotiation"}})",
                      {"If-Match: \"1\""});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Call(kAdmin, "GET", "/api/v1/search?q=zeppelin").Json().at("total").as_int64(), 1);
  EXPECT_EQ(Call(kPartner, "GET", "/api/v1/search?q=zeppelin").Json().at("total").as_int64(), 0);
  EXPECT_EQ(Call(kViewer, "GET", "/api/v1/search?q=zeppelin").Json().at("total").as_int64(), 1);

  // The partner's timeline leaves out private meetings.
  const std::string meeting = Create("meetings", kPrivateHere);
  const auto timeline_has = [&](Who who, const std::string& id) {
    const HttpResult timeline =
        Call(who, "GET", "/api/v1/partnerships/" + partnership_ + "/timeline");
    const json::value items = timeline.Json().at("items");
    for (const json::value& item : items.as_array()) {
      if (item.at("ref_id") == id.c_str()) return true;
    }
    return false;
  };
  EXPECT_TRUE(timeline_has(kAdmin, meeting));
  EXPECT_FALSE(timeline_has(kPartner, meeting));
}

TEST_F(AccessMatrixTest, ListsByIdHoldOnlyTheNamedRecordsTheCallerMaySee) {
  // A screen asks for the records its rows name (?id=a,b): a private one stays out for a partner.
  const std::string secret = Create("commitments", kPrivateHere);
  const json::value all = Call(kAdmin, "GET", "/api/v1/commitments?limit=3").Json();
  const auto& items = all.at("items").as_array();
  ASSERT_GE(items.size(), 2u);
  const std::string shared_one(items.at(0).at("id").as_string());
  const std::string query = "/api/v1/commitments?id=" + secret + "," + shared_one;
  const auto ids = [&](Who who) {
    const HttpResult result = Call(who, "GET", query);
    EXPECT_EQ(result.status, 200) << result.body;
    std::set<std::string> found;
    const json::value page = result.Json();
    for (const json::value& item : page.at("items").as_array()) {
      found.emplace(item.at("id").as_string());
    }
    return found;
  };
  EXPECT_EQ(ids(kAdmin), (std::set<std::string>{secret, shared_one}));
  const std::set<std::string> partner = ids(kPartner);
  EXPECT_FALSE(partner.contains(secret));

  const HttpResult bad = Call(kAdmin, "GET", "/api/v1/people?id=not-a-uuid");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"field\":\"id\""), std::string::npos) << bad.body;
  std::string many;
  for (int i = 0; i < 201; ++i) (many += i ? "," : "") += shared_one;
  const HttpResult too_many = Call(kAdmin, "GET", "/api/v1/people?id=" + many);
  EXPECT_EQ(too_many.status, 400) << too_many.body;
}

TEST_F(AccessMatrixTest, PersonalDataStaysWithTheHomeCity) {
  // The demo shares its people with Harbin; their contact details (personal data) are not.
  const HttpResult home = Call(kViewer, "GET", "/api/v1/people?limit=200");
  const HttpResult partner = Call(kPartner, "GET", "/api/v1/people?limit=200");
  ASSERT_EQ(home.status, 200);
  ASSERT_EQ(partner.status, 200);
  EXPECT_NE(home.body.find("selin.aydogan@example.org"), std::string::npos);
  EXPECT_EQ(partner.body.find("selin.aydogan@example.org"), std::string::npos);
  EXPECT_EQ(partner.Json().at("items").as_array().size(),
            home.Json().at("items").as_array().size());
  const json::value people = partner.Json();
  const std::string id(people.at("items").at(0).at("id").as_string());
  const HttpResult one = Call(kPartner, "GET", "/api/v1/people/" + id);
  ASSERT_EQ(one.status, 200);
  EXPECT_TRUE(one.Json().at("contact").is_null());
  EXPECT_EQ(Call(kPartner, "GET", "/api/v1/people/" + id + "/changes").body.find("@example.org"),
            std::string::npos);
  EXPECT_NE(Call(kOfficer, "GET", "/api/v1/people/" + id + "/changes").body.find("@example.org"),
            std::string::npos);
}

// Records the partner user may see that point at records it may not: the shared and public
// records below name a private city, meeting, person and commitment. Their ids (and the city's
// name) appear nowhere the partner user looks; the home city still sees them.
TEST_F(AccessMatrixTest, HiddenReferencesAreWithheldEverywhere) {
  const std::string shared_person = FirstId("/api/v1/people");  // the demo shares its people
  const auto created = [&](const std::string& path, const std::string& body) {
    const HttpResult result = server_.Request("POST", path, body);
    EXPECT_EQ(result.status, 201) << path << " " << result.body;
    return Id(result);
  };
  const std::string city = created(
      "/api/v1/cities",
      R"({"name":{"original":"en","en":"Atlantisburg"},"country":"GR","time_zone":"Europe/Athens"})");
  const std::string person =
      created("/api/v1/people", R"({"native_name":"Gizli Kişi","latin_name":"Gizli Kisi"})");
  const std::string meeting = Create("meetings", kPrivateHere);
  const std::string private_commitment = Create("commitments", kPrivateHere);
  const std::string izmir = FirstId("/api/v1/cities?country=TR");
  const std::string partnership =
      created("/api/v1/partnerships",
              json::serialize(json::object{
                  {"home_city_id", izmir}, {"partner_city_id", city}, {"visibility", "public"}}));
  json::object body = Body("commitments", partnership_, "shared");
  body["meeting_id"] = meeting;
  body["home_owner_id"] = person;
  body["due_date"] = "2020-01-01";  // overdue: the dashboard lists it
  const std::string commitment = created("/api/v1/commitments", json::serialize(body));
  body = Body("events", partnership_, "shared");
  body["starts_at"] = "2099-03-01T18:00:00Z";  // upcoming: the dashboard lists it
  body["ends_at"] = "2099-03-01T20:00:00Z";
  body["city_id"] = city;
  body["commitment_ids"] = json::array{commitment, private_commitment};
  const std::string event = created("/api/v1/events", json::serialize(body));
  body["visibility"] = "public";  // the portal lists it
  body["title"] = {{"original", "en"}, {"en", "Published matrix concert"}};
  const std::string public_event = created("/api/v1/events", json::serialize(body));
  body = Body("meetings", partnership_, "shared");
  body["participants"] =
      json::array{json::object{{"person_id", shared_person}, {"side", "home"}, {"role", "host"}},
                  json::object{{"person_id", person}, {"side", "home"}, {"role", "guest"}}};
  const std::string shared_meeting = created("/api/v1/meetings", json::serialize(body));
  const std::vector<std::string> secrets = {city, person, meeting, private_commitment,
                                            "Atlantisburg"};
  const auto expect_no_secret = [&](const HttpResult& result, const std::string& where) {
    EXPECT_EQ(result.status, 200) << where << ": " << result.body;
    for (const std::string& secret : secrets) {
      EXPECT_EQ(result.body.find(secret), std::string::npos) << where << " shows " << secret;
    }
  };

  // One record: the reference is null and named in "hidden"; lists drop hidden entries.
  const HttpResult one = Call(kPartner, "GET", "/api/v1/commitments/" + commitment);
  expect_no_secret(one, "commitment");
  EXPECT_TRUE(one.Json().at("meeting_id").is_null());
  EXPECT_EQ(one.Json().at("hidden"), json::parse(R"(["meeting_id","home_owner_id"])"));
  const HttpResult as_admin = Call(kAdmin, "GET", "/api/v1/commitments/" + commitment);
  EXPECT_EQ(as_admin.Json().at("meeting_id"), meeting.c_str());
  EXPECT_FALSE(as_admin.Json().as_object().contains("hidden"));
  const HttpResult shown_event = Call(kPartner, "GET", "/api/v1/events/" + event);
  expect_no_secret(shown_event, "event");
  EXPECT_EQ(shown_event.Json().at("commitment_ids"), json::array{commitment.c_str()});
  EXPECT_TRUE(shown_event.Json().at("city_id").is_null());
  const HttpResult shown_meeting = Call(kPartner, "GET", "/api/v1/meetings/" + shared_meeting);
  expect_no_secret(shown_meeting, "meeting");
  EXPECT_EQ(shown_meeting.Json().at("participants").as_array().size(), 1u);
  EXPECT_EQ(shown_meeting.Json().at("hidden"), json::array{"participants"});
  const HttpResult shown_partnership = Call(kPartner, "GET", "/api/v1/partnerships/" + partnership);
  expect_no_secret(shown_partnership, "public partnership");
  EXPECT_TRUE(shown_partnership.Json().at("partner_city_id").is_null());
  for (const std::string resource : {"commitments", "events", "meetings", "partnerships"}) {
    expect_no_secret(Call(kPartner, "GET", "/api/v1/" + resource + "?limit=200"), resource);
    expect_no_secret(Call(kPartner, "GET", "/api/v1/" + resource + "?archived=true&limit=200"),
                     resource + " (archived too)");
  }
  expect_no_secret(Call(kPartner, "GET", "/api/v1/commitments/" + commitment + "/changes"),
                   "change trail");
  expect_no_secret(Call(kPartner, "GET", "/api/v1/events/" + event + "/changes"),
                   "event change trail");
  expect_no_secret(Call(kPartner, "GET", "/api/v1/dashboard"), "dashboard");
  expect_no_secret(Call(kPartner, "GET", "/api/v1/partnerships/" + partnership_ + "/timeline"),
                   "timeline");
  const HttpResult dashboard = Call(kAdmin, "GET", "/api/v1/dashboard");
  EXPECT_NE(dashboard.body.find(meeting), std::string::npos) << "the home city sees the meeting";

  // A filter naming a hidden record finds nothing, as a missing id would.
  EXPECT_EQ(Call(kAdmin, "GET", "/api/v1/commitments?meeting_id=" + meeting)
                .Json()
                .at("total")
                .as_int64(),
            1);
  EXPECT_EQ(Call(kPartner, "GET", "/api/v1/commitments?meeting_id=" + meeting)
                .Json()
                .at("total")
                .as_int64(),
            0);
  EXPECT_EQ(
      Call(kPartner, "GET",
           "/api/v1/commitments?meeting_id=" + meeting + "," + Create("meetings", kSharedHere))
          .status,
      200);

  // Search finds the partnership by its visible city, never by the hidden one, and names only
  // the visible one.
  EXPECT_GE(Call(kAdmin, "GET", "/api/v1/search?q=atlantisburg").Json().at("total").as_int64(), 1);
  const HttpResult found = Call(kPartner, "GET", "/api/v1/search?q=atlantisburg");
  expect_no_secret(found, "search");
  EXPECT_EQ(found.Json().at("total").as_int64(), 0);
  const HttpResult by_izmir = Call(kPartner, "GET", "/api/v1/search?q=izmir&kind=partnerships");
  expect_no_secret(by_izmir, "search by the visible city");
  bool titled = false;
  const json::value groups = by_izmir.Json().at("groups");
  for (const json::value& item : groups.at(0).at("items").as_array()) {
    if (item.at("id") != partnership.c_str()) continue;
    titled = true;
    EXPECT_TRUE(item.at("title").at("partner_city").is_null());
    EXPECT_TRUE(item.at("title").at("home_city").is_object());
  }
  EXPECT_TRUE(titled) << by_izmir.body;

  // The public portal names only published cities.
  expect_no_secret(Call(kPartner, "GET", "/api/v1/events/" + public_event), "public event");
  const HttpResult portal = Call(kAnonymous, "GET", "/public?lang=en");
  expect_no_secret(portal, "portal");
  EXPECT_NE(portal.body.find("Published matrix concert"), std::string::npos);
  EXPECT_NE(portal.body.find("İzmir – (unpublished city)"), std::string::npos);
  const HttpResult published = Call(kAnonymous, "GET", "/public/partnerships/" + partnership);
  expect_no_secret(published, "portal partnership page");
  EXPECT_NE(published.body.find("<title>İzmir – (unpublished city)</title>"), std::string::npos);

  // Editing a list keeps the entries the partner user was not shown.
  const std::string path = "/api/v1/events/" + event;
  const std::string added = Create("commitments", kSharedHere);
  const HttpResult edited =
      Call(kPartner, "PATCH", path,
           json::serialize(json::object{{"commitment_ids", json::array{commitment, added}}}),
           {"If-Match: \"" + std::to_string(Version(path)) + "\""});
  ASSERT_EQ(edited.status, 200) << edited.body;
  expect_no_secret(edited, "edited event");
  EXPECT_EQ(edited.Json().at("commitment_ids").as_array().size(), 2u);
  EXPECT_EQ(server_.Get(path).Json().at("commitment_ids"),
            (json::array{commitment, added, private_commitment}));

  // Once the city is published, its name and id show: the checks above look where they appear.
  const std::string city_path = "/api/v1/cities/" + city;
  ASSERT_EQ(server_
                .Request("PATCH", city_path, R"({"visibility":"public"})",
                         {"If-Match: \"" + std::to_string(Version(city_path)) + "\""})
                .status,
            200);
  EXPECT_NE(Call(kAnonymous, "GET", "/public?lang=en").body.find("İzmir – Atlantisburg"),
            std::string::npos);
  EXPECT_EQ(Call(kPartner, "GET", "/api/v1/events/" + event).Json().at("city_id"), city.c_str());
  EXPECT_EQ(Call(kPartner, "GET", "/api/v1/search?q=atlantisburg").Json().at("total").as_int64(),
            2);
}

// A reference to a record the caller may not see is answered exactly as one to a missing record,
// so partner users can neither learn which private ids exist nor point their records at them.
TEST_F(AccessMatrixTest, ReferencesToHiddenRecordsAreMissingOnes) {
  const std::string hidden_meeting = Create("meetings", kPrivateHere);
  const std::string hidden_person = Id(server_.Request(
      "POST", "/api/v1/people", R"({"native_name":"Gizli Kişi","latin_name":"Gizli Kisi"})"));
  const std::string missing = "0191e4a0-0000-7000-8000-000000000000";
  const std::string commitment = Create("commitments", kSharedHere);
  const std::string path = "/api/v1/commitments/" + commitment;
  struct Case {
    std::string field, hidden;
  };
  for (const Case& c : {Case{"meeting_id", hidden_meeting}, Case{"home_owner_id", hidden_person},
                        Case{"partnership_id", other_partnership_}}) {
    SCOPED_TRACE(c.field);
    const std::string before = server_.Snapshot();
    json::value answers[2][2];  // [create, update][hidden, missing]
    int row = 0;
    for (const std::string& id : {c.hidden, missing}) {
      json::object body = Body("commitments", partnership_, "shared");
      body[c.field] = id;
      const HttpResult made = Call(kPartner, "POST", "/api/v1/commitments", json::serialize(body));
      const HttpResult patched =
          Call(kPartner, "PATCH", path, json::serialize(json::object{{c.field, id}}),
               {"If-Match: \"" + std::to_string(Version(path)) + "\""});
      for (const HttpResult* result : {&made, &patched}) {
        EXPECT_EQ(result->status, 422) << result->body;
        json::value problem = result->Json();
        // The same answer, but for the id itself.
        std::string text = json::serialize(problem);
        for (size_t at; (at = text.find(id)) != std::string::npos;)
          text.replace(at, id.size(), "ID");
        answers[result == &made ? 0 : 1][row] = json::parse(text);
      }
      ++row;
    }
    EXPECT_EQ(answers[0][0], answers[0][1]) << "create";
    EXPECT_EQ(answers[1][0], answers[1][1]) << "update";
    EXPECT_EQ(server_.Snapshot(), before) << "the database changed";
  }
  // What the partner user sees stays a valid reference.
  json::object body = Body("commitments", partnership_, "shared");
  body["meeting_id"] = Create("meetings", kSharedHere);
  EXPECT_EQ(Call(kPartner, "POST", "/api/v1/commitments", json::serialize(body)).status, 201);
  // The home city's roles still reference private records.
  body["meeting_id"] = hidden_meeting;
  EXPECT_EQ(Call(kOfficer, "POST", "/api/v1/commitments", json::serialize(body)).status, 201);
}

// Who may act is settled before what it sent is judged: a caller that may not make the change
// gets 403 however wrong its body, and learns nothing from validation.
TEST_F(AccessMatrixTest, PermissionComesBeforeValidation) {
  const std::string commitment = Create("commitments", kSharedHere);
  const std::string path = "/api/v1/commitments/" + commitment;
  const std::string version = "If-Match: \"" + std::to_string(Version(path)) + "\"";
  struct Case {
    Who who;
    std::string method, path, body;
    std::vector<std::string> headers;
  };
  const std::vector<Case> cases = {
      {kViewer, "POST", "/api/v1/commitments", "{}", {}},
      {kViewer, "POST", "/api/v1/commitments", "not json", {}},
      {kViewer, "POST", "/api/v1/commitments", R"({"due_date":"soon"})", {}},
      {kContributor, "POST", "/api/v1/meetings", "{}", {}},
      {kPartner, "POST", "/api/v1/cities", R"({"country":"XX"})", {}},
      {kViewer, "PATCH", path, R"({"due_date":"soon"})", {version}},
      {kViewer, "PATCH", path, R"({"colour":"red"})", {}},
      {kContributor, "PATCH", path, "[]", {version}},
      {kViewer, "POST", path + "/transitions", R"({"to":"finished"})", {}},
      {kViewer, "POST", path + "/notes", "{}", {}},
      {kPartner, "PATCH", "/api/v1/partnerships/" + partnership_, R"({"tier":"best"})", {version}},
  };
  for (const Case& c : cases) {
    const std::string before = server_.Snapshot();
    const HttpResult result = Call(c.who, c.method, c.path, c.body, c.headers);
    EXPECT_EQ(result.status, 403) << kWhoNames[c.who] << " " << c.method << " " << c.path << " "
                                  << c.body << ": " << result.body;
    EXPECT_EQ(server_.Snapshot(), before);
  }
}

// A record made visible later shows the partner user its change trail, history and timeline
// only from then on: what it said while private stays with the home city.
TEST_F(AccessMatrixTest, HistoryStartsWhenTheRecordBecameVisible) {
  const std::string commitment = Create("commitments", kPrivateHere);
  const std::string path = "/api/v1/commitments/" + commitment;
  const auto patch = [&](Who who, const std::string& body) {
    const HttpResult result =
        Call(who, "PATCH", path, body, {"If-Match: \"" + std::to_string(Version(path)) + "\""});
    EXPECT_EQ(result.status, 200) << body << ": " << result.body;
  };
  patch(kAdmin, R"({"text":{"original":"en","en":"Walrus tariff, draft"}})");
  ASSERT_EQ(Call(kAdmin, "POST", path + "/notes", R"({"note":"walrus budget is 3M"})").status, 201);
  ASSERT_EQ(
      Call(kAdmin, "POST", path + "/transitions", R"({"to":"agreed","note":"walrus ok"})").status,
      200);
  // Shared, with the text changed in the same request: its old value is withheld too.
  patch(kAdmin, R"({"visibility":"shared","text":{"original":"en","en":"Harbour tariffs"}})");
  patch(kPartner, R"({"due_date":"2027-09-30"})");

  const HttpResult trail = Call(kPartner, "GET", path + "/changes");
  ASSERT_EQ(trail.status, 200) << trail.body;
  EXPECT_EQ(trail.body.find("alrus"), std::string::npos) << trail.body;
  const json::value page = trail.Json();
  ASSERT_EQ(page.at("items").as_array().size(), 2u) << trail.body;
  EXPECT_EQ(page.at("total").as_int64(), 2);
  EXPECT_EQ(page.at("items").at(0).at("after").at("due_date"), "2027-09-30");
  const json::value& widened = page.at("items").at(1);
  EXPECT_EQ(widened.at("after").at("visibility"), "shared");
  EXPECT_TRUE(widened.at("before").is_null());
  EXPECT_EQ(widened.at("hidden"), json::array{"before"});
  // The home city keeps the whole trail.
  const HttpResult full = Call(kViewer, "GET", path + "/changes");
  EXPECT_NE(full.body.find("Walrus tariff"), std::string::npos);
  EXPECT_EQ(full.Json().at("total").as_int64(), 5);  // notes are not changes

  const HttpResult history = Call(kPartner, "GET", path + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(history.body.find("alrus"), std::string::npos) << history.body;
  EXPECT_NE(Call(kViewer, "GET", path + "/history").body.find("walrus budget"), std::string::npos);
  const HttpResult timeline =
      Call(kPartner, "GET", "/api/v1/partnerships/" + partnership_ + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  EXPECT_EQ(timeline.body.find("alrus"), std::string::npos);
  EXPECT_NE(Call(kViewer, "GET", "/api/v1/partnerships/" + partnership_ + "/timeline")
                .body.find("walrus ok"),
            std::string::npos);

  // A record shared from the start shows its whole history.
  const std::string open = "/api/v1/commitments/" + Create("commitments", kSharedHere);
  ASSERT_EQ(Call(kAdmin, "POST", open + "/notes", R"({"note":"seal budget"})").status, 201);
  EXPECT_NE(Call(kPartner, "GET", open + "/history").body.find("seal budget"), std::string::npos);
  EXPECT_EQ(Call(kPartner, "GET", open + "/changes").Json().at("total").as_int64(), 1);
}

}  // namespace
}  // namespace amity::testing
