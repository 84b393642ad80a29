// The demo's exchange calls and their applicants: forty per call, named from the Turkish or
// Chinese lists of demo_data.json by the call's direction (İzmir's students go to Harbin, Harbin's
// come to İzmir), each name in its own script and in Latin letters, with averages, language
// results and ranked choices drawn from a fixed sequence, so every load gives the same
// applications. Some applicants fail a rule on purpose, so the officer sees eligibility at work.
// A call marked "allocate" gets one allocation run, locked; with "decisions", its nominations are
// sent to the host side, whose exchange office decides on the first ones in that order (accepts,
// rejects with a reason), so the partner's screen shows every state. The İzmir → Harbin call has
// closed (after the fixed application day, before any real today), so the officer meets late
// changes on it.
#include <boost/json.hpp>
#include <cstdio>

#include "cli/demo.h"
#include "domain/access.h"

namespace amity::cli {
namespace json = boost::json;

namespace {

constexpr int kApplicantsPerCall = 40;

std::string Text(const json::value& value) { return std::string(value.as_string()); }

// A two-decimal number from `hundredths`.
double Hundredths(int hundredths) { return hundredths / 100.0; }

json::object Applicant(const json::object& call, const json::object& names, int i) {
  const bool turkish = call.at("direction").as_string() == "home_to_partner";
  const json::object& list = names.at(turkish ? "tr" : "zh").as_object();
  const json::array& given = list.at("given").as_array();
  const json::array& family = list.at("family").as_array();
  const json::array& first = given.at(i % given.size()).as_array();
  const json::array& last = family.at((i * 3 + i / given.size()) % family.size()).as_array();
  // Turkish names are written given name first; Chinese family name first, in both scripts.
  const std::string native =
      turkish ? Text(first.at(0)) + " " + Text(last.at(0)) : Text(last.at(0)) + Text(first.at(0));
  const std::string latin = turkish ? Text(first.at(1)) + " " + Text(last.at(1))
                                    : Text(last.at(1)) + " " + Text(first.at(1));

  const json::array& conditions = call.at("conditions").as_array();
  const size_t count = conditions.size();
  const json::object& wanted = conditions.at(i % count).as_object();
  const int max_choices = static_cast<int>(call.at("max_choices").as_int64());
  json::array choices;
  const int ranked = 1 + i % std::min<int>(max_choices, static_cast<int>(count));
  for (int k = 0; k < ranked; ++k) choices.push_back(conditions.at((i + k) % count).at("id"));

  // Every seventh student studies another field than the first choice's: ineligible there.
  std::string isced = Text(wanted.at("isced_code"));
  if (i % 7 == 6) isced = isced.starts_with("07") ? "0613" : "0731";
  json::array results;
  const int yds = 50 + (i * 37) % 50;
  if (turkish) {
    results.push_back({{"language", "en"}, {"result", "YDS " + std::to_string(yds)}});
    if (i % 3 != 2) {
      results.push_back({{"language", "zh"}, {"result", "HSK " + std::to_string(2 + i % 5)}});
    }
  } else {
    static constexpr const char* kLevels[] = {"B1", "B2", "C1", "B2", "A2"};
    results.push_back({{"language", "en"}, {"result", kLevels[i % 5]}});
    if (i % 2 == 0) {
      results.push_back({{"language", "tr"}, {"result", kLevels[(i / 2) % 5]}});
    }
  }
  char number[32];
  std::snprintf(number, sizeof number, turkish ? "DEU-2023%04d" : "HIT2023%05d", 101 + i * 13);
  return {{"name_native", native},
          {"name_latin", latin},
          {"student_number", number},
          {"home_department", Text(list.at("departments").at(i % count))},
          {"isced_code", isced},
          {"level", wanted.at("level")},
          // Türkiye grades on 4.00, China on 100 points.
          {"academic_average", turkish ? Hundredths(250 + (i * 53) % 150) : 70 + (i * 29) % 30},
          {"average_scale", turkish ? 4 : 100},
          {"language_score", turkish ? yds : 60 + (i * 31) % 40},
          {"language_results", std::move(results)},
          {"choices", std::move(choices)}};
}

}  // namespace

void LoadDemoExchangeCalls(api::Api& api, const json::object& data,
                           const std::map<std::string, std::string>& ids) {
  const domain::Principal system = domain::SystemPrincipal();
  const json::object& names = data.at("exchange_applicant_names").as_object();
  int calls = 0, applicants = 0, runs = 0, decided = 0;
  for (const json::value& item : data.at("exchange_calls").as_array()) {
    json::object body = item.as_object();
    const std::string agreement = ids.at(Text(body.at("agreement")).substr(1));
    const bool allocate = body.contains("allocate") && body.at("allocate").as_bool();
    const json::array decisions =
        body.contains("decisions") ? body.at("decisions").as_array() : json::array();
    body.erase("agreement");
    body.erase("allocate");
    body.erase("decisions");
    const json::object call =
        DemoPost(api, "/api/v1/exchange-agreements/" + agreement + "/calls", body, system);
    ++calls;
    const std::string path = "/api/v1/exchange-calls/" + Text(call.at("id")) + "/applications";
    for (int i = 0; i < kApplicantsPerCall; ++i) {
      DemoPost(api, path, Applicant(call, names, i), system);
      ++applicants;
    }
    if (allocate) {
      // One allocation run, locked: its explanations and cut-offs are what the demo shows.
      const json::object run =
          DemoPost(api, "/api/v1/exchange-calls/" + Text(call.at("id")) + "/runs", {}, system);
      const std::string run_path = "/api/v1/exchange-runs/" + Text(run.at("id"));
      DemoPost(api, run_path + "/lock", {}, system);
      ++runs;
      if (!decisions.empty()) {
        const json::object sent = DemoPost(api, run_path + "/nominations", {}, system);
        // The host's exchange office decides as a partner user of the partnership would.
        const domain::Principal partner{.email = "partner side (demo)",
                                        .role = domain::Role::kPartner,
                                        .partnerships = {Text(call.at("partnership_id"))}};
        const json::array& items = sent.at("items").as_array();
        for (size_t k = 0; k < decisions.size() && k < items.size(); ++k) {
          DemoPost(api, "/api/v1/exchange-nominations/" + Text(items.at(k).at("id")) + "/decision",
                   decisions.at(k).as_object(), partner);
          ++decided;
        }
      }
    }
  }
  std::fprintf(stderr,
               "amity demo: %d exchange calls, %d applications, %d allocation runs, %d "
               "nominations decided\n",
               calls, applicants, runs, decided);
}

}  // namespace amity::cli
