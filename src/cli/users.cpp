// `amity user …` and `amity token …`: accounts from the command line. They go through the API's
// own handlers (as the system), so the command line validates and logs exactly like the admin
// screens do.
#include <boost/json.hpp>
#include <cstdio>

#include "api/api.h"
#include "cli/database.h"
#include "cli/run.h"
#include "http/error.h"
#include "store/accounts.h"
#include "store/migrations.h"
#include "store/pool.h"

namespace amity::cli {
namespace json = boost::json;

namespace {

// Answers `method path body` as `principal` through the API, printing problems on failure.
std::optional<json::object> Call(const Config& config, const std::string& method,
                                 const std::string& path, const json::object& body,
                                 const domain::Principal& principal) {
  std::string instance_id;
  {
    auto db = OpenMigrated(config.db_path);
    instance_id = store::InstanceId(*db);
  }
  store::Pool pool(config.db_path, 1);
  api::Api api(pool, api::Context{instance_id});
  http::Request request;
  request.method = method;
  request.path = path;
  request.remote_address = "command line";
  if (!body.empty()) request.SetJsonBody(json::serialize(body));
  try {
    const http::Response response = api.HandleAs(request, principal);
    if (response.body.empty()) return json::object();
    return json::parse(response.body).as_object();
  } catch (const http::HttpError& error) {
    std::fprintf(stderr, "amity: %s\n", error.title().c_str());
    for (const Problem& problem : error.problems()) {
      std::fprintf(stderr, "  %s: %s\n", problem.field.empty() ? "-" : problem.field.c_str(),
                   problem.message.c_str());
    }
    return std::nullopt;
  }
}

std::optional<store::User> UserByEmail(const Config& config) {
  auto db = OpenMigrated(config.db_path);
  std::string email = config.email;
  for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto user = store::FindUserByEmail(*db, email);
  if (!user) std::fprintf(stderr, "amity: no user with e-mail %s\n", config.email.c_str());
  return user;
}

int Usage(const char* text) {
  std::fputs(text, stderr);
  return 2;
}

constexpr char kUserUsage[] =
    "usage: amity user add --email E --role R [--name NAME] [--partnership ID]...\n"
    "       amity user list\n"
    "       amity user reset-password --email E\n";
constexpr char kTokenUsage[] = "usage: amity token add --email E --name NAME\n";

}  // namespace

std::optional<std::string> CreateFirstAdmin(api::Api& api, const std::string& email) {
  http::Request request;
  request.method = "POST";
  request.path = "/api/v1/users";
  request.remote_address = "first start";
  request.SetJsonBody(json::serialize(
      json::object{{"email", email}, {"role", "admin"}, {"display_name", "Administrator"}}));
  const http::Response response = api.HandleAs(request, domain::SystemPrincipal());
  return std::string(json::parse(response.body).at("password").as_string());
}

int User(const Config& config) {
  const std::string action = config.positional.empty() ? "" : config.positional[0];
  const domain::Principal system = domain::SystemPrincipal();
  if (action == "add") {
    if (config.email.empty() || config.role.empty()) return Usage(kUserUsage);
    json::object body{{"email", config.email}, {"role", config.role}};
    if (!config.name.empty()) body["display_name"] = config.name;
    if (!config.partnerships.empty()) {
      json::array partnerships;
      for (const std::string& id : config.partnerships) partnerships.emplace_back(id);
      body["partnerships"] = std::move(partnerships);
    }
    const auto user = Call(config, "POST", "/api/v1/users", body, system);
    if (!user) return 1;
    std::printf("created %s (%s)\nid: %s\npassword: %s\n(shown only now)\n",
                user->at("email").as_string().c_str(), user->at("role").as_string().c_str(),
                user->at("id").as_string().c_str(), user->at("password").as_string().c_str());
    return 0;
  }
  if (action == "list") {
    const auto users = Call(config, "GET", "/api/v1/users", {}, system);
    if (!users) return 1;
    for (const json::value& item : users->at("items").as_array()) {
      const json::object& user = item.as_object();
      std::printf("%s\t%s\t%s%s\n", user.at("id").as_string().c_str(),
                  user.at("email").as_string().c_str(), user.at("role").as_string().c_str(),
                  user.at("disabled").as_bool() ? "\tdisabled" : "");
    }
    return 0;
  }
  if (action == "reset-password") {
    if (config.email.empty()) return Usage(kUserUsage);
    const auto user = UserByEmail(config);
    if (!user) return 1;
    const auto reset = Call(config, "POST", "/api/v1/users/" + user->id + "/password", {}, system);
    if (!reset) return 1;
    std::printf("new password for %s: %s\n(shown only now; other sessions were signed out)\n",
                user->email.c_str(), reset->at("password").as_string().c_str());
    return 0;
  }
  return Usage(kUserUsage);
}

int Token(const Config& config) {
  const std::string action = config.positional.empty() ? "" : config.positional[0];
  if (action != "add" || config.email.empty() || config.name.empty()) return Usage(kTokenUsage);
  const auto user = UserByEmail(config);
  if (!user) return 1;
  domain::Principal principal{
      .user_id = user->id,
      .email = user->email,
      .role = domain::ParseRole(user->role).value_or(domain::Role::kPartner)};
  const auto token =
      Call(config, "POST", "/api/v1/tokens", json::object{{"name", config.name}}, principal);
  if (!token) return 1;
  std::printf("%s\n", token->at("token").as_string().c_str());
  return 0;
}

}  // namespace amity::cli
