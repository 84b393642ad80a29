#include "cli/demo.h"

#include <boost/json.hpp>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "api/api.h"
#include "base/text.h"
#include "base/time.h"
#include "cli/database.h"
#include "cli/files.h"
#include "cli/run.h"
#include "http/error.h"
#include "store/migrations.h"
#include "store/pool.h"

namespace amity::cli {
namespace json = boost::json;

namespace {

#include "cli/demo_data.inc"  // generated: kDemoData

// Sections of demo_data.json in load order, with the API collection each is posted to.
constexpr const char* kSections[] = {
    "cities",      "organizations",    "people", "partnerships", "meetings",   "commitments",
    "events",      "glossary",         "cases",  "products",     "exhibitors", "b2b_plans",
    "fair_buyers", "meeting_requests", "leads"};

// Replaces every "@ref" string inside `value` by the id it was given.
void ResolveRefs(json::value& value, const std::map<std::string, std::string>& ids) {
  if (value.is_string()) {
    const std::string_view text = value.as_string();
    if (text.starts_with('@')) {
      auto found = ids.find(std::string(text.substr(1)));
      if (found == ids.end())
        throw std::runtime_error("demo data: unknown ref " + std::string(text));
      value = json::string(found->second);
    }
  } else if (value.is_array()) {
    for (json::value& item : value.as_array()) ResolveRefs(item, ids);
  } else if (value.is_object()) {
    for (auto& member : value.as_object()) ResolveRefs(member.value(), ids);
  }
}

// The demo's texts were written and checked in all three languages: mark every translation
// as a reviewed human one, as its translators would.
void MarkTranslationsReviewed(json::value& value) {
  if (value.is_array()) {
    for (json::value& item : value.as_array()) MarkTranslationsReviewed(item);
  } else if (value.is_object()) {
    json::object& object = value.as_object();
    if (const json::value* original = object.if_contains("original");
        original && original->is_string()) {
      json::object statuses;
      for (const char* language : {"tr", "zh", "en"}) {
        if (object.contains(language) && original->as_string() != language) {
          statuses[language] = {{"by", "human"}, {"reviewed", true}};
        }
      }
      if (!statuses.empty()) object["translations"] = std::move(statuses);
      return;
    }
    for (auto& member : object) MarkTranslationsReviewed(member.value());
  }
}

class DemoLoader {
 public:
  explicit DemoLoader(api::Api& api) : api_(api) {}

  json::object Post(const std::string& path, const json::object& body) {
    return DemoPost(api_, path, body, domain::SystemPrincipal());
  }

  // Returns the ids the records were given, by their refs.
  std::map<std::string, std::string> Load(json::object data) {
    std::map<std::string, std::string> ids;
    for (const char* section : kSections) {
      int count = 0;
      for (json::value& item : data[section].as_array()) {
        json::object record = item.as_object();
        const std::string ref(record.at("ref").as_string());
        record.erase("ref");
        // Commitments and leads carry their workflow beside their fields: transitions (and a
        // commitment its progress notes).
        json::value transitions = json::array(), notes = json::array();
        if (std::string_view(section) == "commitments" || std::string_view(section) == "leads") {
          if (record.contains("transitions")) transitions = record["transitions"];
          record.erase("transitions");
        }
        if (std::string_view(section) == "commitments") {  // a lead's notes are a field of it
          if (record.contains("notes")) notes = record["notes"];
          record.erase("notes");
        }
        json::value resolved = record;
        ResolveRefs(resolved, ids);
        MarkTranslationsReviewed(resolved);
        const json::object created = Post(std::string("/api/v1/") + section, resolved.as_object());
        const std::string id(created.at("id").as_string());
        ids[ref] = id;
        for (const json::value& transition : transitions.as_array()) {
          Post(std::string("/api/v1/") + section + "/" + id + "/transitions",
               transition.as_object());
        }
        for (const json::value& note : notes.as_array()) {
          Post("/api/v1/commitments/" + id + "/notes", json::object{{"note", note}});
        }
        ++count;
      }
      std::fprintf(stderr, "amity demo: %d %s\n", count, section);
    }
    LoadAgreements(data["exchange_agreements"].as_array(), ids);
    // Each fair with a B2B plan gets its schedule computed, as the Meetings screen would.
    for (const json::value& plan : data["b2b_plans"].as_array()) {
      json::value event = plan.at("event_id");
      ResolveRefs(event, ids);
      Post("/api/v1/events/" + std::string(event.as_string()) + "/b2b-schedule", {});
    }
    return ids;
  }

 private:
  // Exchange agreements carry their workflow beside their fields: whether to propose them and
  // which sides approve (the system as the home side, a partner user of the partnership as the
  // partner side).
  void LoadAgreements(const json::array& agreements, std::map<std::string, std::string>& ids) {
    for (const json::value& item : agreements) {
      json::object record = item.as_object();
      const std::string ref(record.at("ref").as_string());
      const bool propose = record.contains("propose") && record.at("propose").as_bool();
      const json::value approve = record.contains("approve") ? record.at("approve") : json::array();
      for (const char* key : {"ref", "propose", "approve"}) record.erase(key);
      json::value resolved = record;
      ResolveRefs(resolved, ids);
      json::object agreement = Post("/api/v1/exchange-agreements", resolved.as_object());
      const std::string path =
          "/api/v1/exchange-agreements/" + std::string(agreement.at("id").as_string());
      ids[ref] = agreement.at("id").as_string();
      if (propose) agreement = Post(path + "/propose", {});
      for (const json::value& side : approve.as_array()) {
        const json::object body{{"hash", agreement.at("content_hash")}, {"side", side}};
        if (side.as_string() == "partner") {
          // The partner's exchange office approves as a partner user of the partnership would.
          domain::Principal partner{
              .email = "partner side (demo)",
              .role = domain::Role::kPartner,
              .partnerships = {std::string(agreement.at("partnership_id").as_string())}};
          agreement = DemoPost(api_, path + "/approvals", body, partner);
        } else {
          agreement = Post(path + "/approvals", body);
        }
      }
    }
    std::fprintf(stderr, "amity demo: %zu exchange agreements\n", agreements.size());
  }

  api::Api& api_;
};

[[noreturn]] void Rejected(const std::string& what, const http::HttpError& error) {
  std::string detail;
  for (const Problem& problem : error.problems()) {
    detail += " " + problem.field + ": " + problem.message;
  }
  throw std::runtime_error("demo file rejected at " + what + " (" + error.title() + "):" + detail);
}

bool HasCities(store::Db& db) { return db.Prepare("SELECT 1 FROM cities LIMIT 1").Step(); }

}  // namespace

json::object DemoPost(api::Api& api, const std::string& path, const json::object& body,
                      const domain::Principal& principal) {
  http::Request request;
  request.method = "POST";
  request.path = path;
  request.SetJsonBody(json::serialize(body));
  try {
    const http::Response response = api.HandleAs(request, principal);
    return json::parse(response.body).as_object();
  } catch (const http::HttpError& error) {
    std::string detail;
    for (const Problem& problem : error.problems())
      detail += " " + problem.field + ": " + problem.message;
    throw std::runtime_error("demo data rejected at " + path + " (" + error.title() +
                             "):" + detail);
  }
}

void UploadDemoFile(api::Api& api, const std::string& holder, const std::string& holder_id,
                    const std::string& milestone, const std::string& name,
                    const std::string& bytes) {
  const domain::Principal system = domain::SystemPrincipal();
  std::string metadata = "filename " + EncodeBase64Url(name) + ",holder " +
                         EncodeBase64Url(holder) + ",holder_id " + EncodeBase64Url(holder_id);
  if (!milestone.empty()) metadata += ",milestone " + EncodeBase64Url(milestone);
  http::Request create{.method = "POST", .path = "/api/v1/uploads"};
  create.headers = {{"Tus-Resumable", "1.0.0"},
                    {"Upload-Length", std::to_string(bytes.size())},
                    {"Upload-Metadata", metadata}};
  std::string location;
  try {
    for (const auto& [header, value] : api.HandleAs(create, system).headers) {
      if (header == "Location") location = value;
    }
    http::Request patch{.method = "PATCH", .path = location};
    patch.headers = {{"Tus-Resumable", "1.0.0"},
                     {"Content-Type", "application/offset+octet-stream"},
                     {"Upload-Offset", "0"}};
    patch.sink = api.OpenBodySink(patch, &system);
    patch.sink->Write(bytes);
    api.HandleAs(patch, system);
  } catch (const http::HttpError& error) {
    Rejected(name, error);
  }
}

int Demo(const Config& config) {
  std::string instance_id;
  bool loaded;
  {
    auto db = OpenMigrated(config.db_path);
    instance_id = store::InstanceId(*db);
    loaded = HasCities(*db);
  }
  if (loaded) {
    std::fprintf(stderr,
                 "amity demo: %s already has data; the İzmir–Harbin demo is not loaded again\n",
                 config.db_path.c_str());
  } else {
    store::Pool pool(config.db_path, 1);
    api::Api api(pool, api::Context{.instance_id = instance_id, .blobs = OpenBlobStore(config)});
    const json::object data = json::parse(kDemoData).as_object();
    const auto ids = DemoLoader(api).Load(data);
    {
      // The calls' applicants apply on a fixed day inside the windows, so the demo loads the
      // same whenever it is loaded.
      api::Api applying(
          pool, api::Context{.instance_id = instance_id, .version = AMITY_VERSION, .clock = [] {
                               return *ParseInstant(kDemoApplicationDay);
                             }});
      LoadDemoExchangeCalls(applying, data, ids);
    }
    LoadDemoFiles(api, ids);
    LoadDemoProductPhotos(api, ids);
  }
  store::Db db(config.db_path);
  if (config.scale > 0) GenerateScaleData(db, config.scale, config.busy);
  store::RefreshStatistics(db);
  std::printf("demo data ready in %s\n", config.db_path.c_str());
  return 0;
}

}  // namespace amity::cli
