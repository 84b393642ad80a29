// Calendar feeds (iCalendar): a partnership's meetings, events and due dates, or a user's own
// ("mine": the commitments they own, the meetings they take part in, the events of those
// commitments), at a secret URL per feed that the user makes, sees listed and revokes under
// Account; and the portal's public events. A feed answers with what its user may see now.
#include "store/feeds.h"

#include <boost/json.hpp>

#include "api/access.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "api/texts.h"
#include "api/validation.h"
#include "auth/secrets.h"
#include "base/id.h"
#include "export/ical.h"
#include "http/error.h"
#include "store/accounts.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

using domain::FieldType;

constexpr std::string_view kFeedKinds[] = {"partnership", "mine"};
constexpr std::string_view kFeedLanguages[] = {"tr", "zh", "en"};
constexpr domain::FieldSpec kFeedFields[] = {
    {.name = "kind", .type = FieldType::kEnum, .required = true, .values = kFeedKinds},
    {.name = "partnership_id", .type = FieldType::kReference, .references = "partnerships"},
    {.name = "lang", .type = FieldType::kEnum, .required = true, .values = kFeedLanguages},
};
constexpr domain::ResourceSpec kFeedBody{"feeds", "feed", kFeedFields};

// How far back a feed reaches: calendar programs keep what they had; older items only weigh.
constexpr auto kFeedHistory = std::chrono::days(366);
constexpr int kFeedItemsPerKind = 1000;

json::object FeedJson(const store::Feed& feed) {
  return json::object{
      {"id", feed.id},
      {"kind", feed.kind},
      {"partnership_id", feed.partnership_id ? json::value(*feed.partnership_id) : nullptr},
      {"lang", feed.lang},
      {"created_at", feed.created_at}};
}

std::string Prefix(std::string_view lang) {
  return lang == "tr" ? "Son tarih: " : lang == "zh" ? "截止：" : "Due: ";
}

// The records of `spec` matching `conditions` that `principal` may see, soonest first.
json::array Visible(Call& call, const domain::Principal& principal,
                    const domain::ResourceSpec& spec, std::vector<store::Condition> conditions,
                    const std::string& sort_column) {
  if (auto visible = VisibleCondition(principal, spec)) conditions.push_back(std::move(*visible));
  store::ListQuery query{.conditions = std::move(conditions),
                         .sort_column = sort_column,
                         .descending = false,
                         .limit = kFeedItemsPerKind,
                         .count_total = false};
  return store::ListRecords(call.db, spec, query).items;
}

// The calendar of `feed` (nullopt feed: the portal's public events) in `lang`, as `principal`.
std::string FeedCalendar(Call& call, const domain::Principal& principal, const store::Feed* feed,
                         std::string_view lang, const std::string& name) {
  const std::string since = FormatInstant(call.now - kFeedHistory);
  const std::string since_day = FormatDate(DateOf(call.now - kFeedHistory));
  std::vector<store::Condition> meetings, events, commitments;
  if (feed != nullptr && feed->kind == "partnership") {
    const std::string& id = *feed->partnership_id;
    meetings = {{"partnership_id = ?", {id}}};
    events = {{"partnership_id = ?", {id}}};
    commitments = {{"partnership_id = ?", {id}}};
  } else if (feed != nullptr) {  // mine: what the user's person owns or takes part in
    const std::string& person = principal.person_id;
    const std::string owned = "(home_owner_id = ? OR partner_owner_id = ?)";
    meetings = {
        {"EXISTS (SELECT 1 FROM json_each(participants) WHERE "
         "json_each.value ->> '$.person_id' = ?)",
         {person}}};
    events = {
        {"EXISTS (SELECT 1 FROM json_each(commitment_ids) AS linked JOIN commitments AS c "
         "ON c.id = linked.value WHERE c.home_owner_id = ? OR c.partner_owner_id = ?)",
         {person, person}}};
    commitments = {{owned, {person, person}}};
  } else {
    events = {{"visibility = 'public'", {}}};
  }
  std::vector<exports::CalendarItem> items;
  if (feed != nullptr && feed->kind == "mine" && principal.person_id.empty()) {
    return exports::WriteCalendar(name, items);  // a user who is no person owns nothing
  }
  const auto stamp = [](const json::value& record) {
    return ParseInstant(record.at("updated_at").as_string()).value_or(Instant{});
  };
  const auto timed = [&](const json::value& record, const char* resource, bool cancelled) {
    exports::CalendarItem item{
        .uid = std::string(record.at("id").as_string()) + "@" + call.context.instance_id,
        .summary = TextIn(record.as_object().if_contains("title"), lang),
        .starts_at = ParseInstant(record.at("starts_at").as_string()),
        .ends_at = ParseInstant(record.at("ends_at").as_string()),
        .time_zone = std::string(record.at("time_zone").as_string()),
        .sequence = record.at("version").as_int64() - 1,
        .cancelled = cancelled,
        .stamp = stamp(record)};
    if (const json::value* venue = record.as_object().if_contains("venue");
        venue && venue->is_string()) {
      item.location = std::string(venue->as_string());
    }
    item.description = std::string(resource);
    items.push_back(std::move(item));
  };
  if (!meetings.empty()) {
    meetings.push_back({"starts_at >= ?", {since}});
    for (const json::value& meeting :
         Visible(call, principal, domain::Meetings(), meetings, "starts_at")) {
      timed(meeting, "meeting", false);
    }
  }
  events.push_back({"starts_at >= ?", {since}});
  for (const json::value& event : Visible(call, principal, domain::Events(), events, "starts_at")) {
    timed(event, "event", event.at("status").as_string() == "cancelled");
  }
  if (!commitments.empty()) {
    commitments.push_back({"due_date >= ?", {since_day}});
    for (const json::value& commitment :
         Visible(call, principal, domain::Commitments(), commitments, "due_date")) {
      const std::string status(commitment.at("status").as_string());
      items.push_back(exports::CalendarItem{
          .uid = std::string(commitment.at("id").as_string()) + "@" + call.context.instance_id,
          .summary = Prefix(lang) + TextIn(commitment.as_object().if_contains("text"), lang),
          .description = "commitment",
          .day = ParseDate(commitment.at("due_date").as_string()),
          .sequence = commitment.at("version").as_int64() - 1,
          .cancelled = status == "dropped",
          .stamp = stamp(commitment)});
    }
  }
  return exports::WriteCalendar(name, items);
}

http::Response CalendarResponse(std::string text) {
  http::Response response;
  response.content_type = "text/calendar; charset=utf-8";
  response.headers.emplace_back("Cache-Control", "private, no-cache");
  response.body = std::move(text);
  return response;
}

}  // namespace

http::Response ListFeedsHandler(Call& call) {
  json::array items;
  for (const store::Feed& feed : store::ListFeeds(call.db, call.principal.user_id)) {
    items.push_back(FeedJson(feed));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response CreateFeedHandler(Call& call) {
  if (call.principal.user_id.empty()) ForbidRole(call.principal, "", "has no calendar");
  Validated input = ValidateFields(kFeedBody, ParseBody(call.request), Mode::kCreate);
  Problems problems = std::move(input.problems);
  const std::string kind = store::StringMember(input.fields, "kind");
  const std::string partnership = store::StringMember(input.fields, "partnership_id");
  if (problems.empty() && kind == "partnership") {
    const auto record = partnership.empty()
                            ? std::nullopt
                            : store::GetRecord(call.db, domain::Partnerships(), partnership);
    if (!record || !domain::CanSee(call.principal, FactsOf(domain::Partnerships(), *record))) {
      problems.push_back({"partnership_id", partnership.empty() ? "required" : "unknown_reference",
                          "a partnership feed needs a partnership you can see"});
    }
  } else if (problems.empty() && !partnership.empty()) {
    problems.push_back({"partnership_id", "not_allowed", "only a partnership feed names one"});
  }
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), "Invalid feed", problems);
  store::Feed feed{.id = NewId(),
                   .user_id = call.principal.user_id,
                   .kind = kind,
                   .lang = store::StringMember(input.fields, "lang"),
                   .created_at = FormatInstant(call.now)};
  if (kind == "partnership") feed.partnership_id = partnership;
  const std::string secret = auth::RandomToken();
  store::Tx tx(call.db);
  store::InsertFeed(call.db, feed, auth::TokenDigest(secret));
  tx.Commit();
  json::object body = FeedJson(feed);
  body["url"] = "/api/v1/calendar/" + secret;  // shown once: only its digest is kept
  return JsonResponse(201, body);
}

http::Response RevokeFeedHandler(Call& call) {
  store::Tx tx(call.db);
  if (!store::RevokeFeed(call.db, call.Param("id"), call.principal.user_id,
                         FormatInstant(call.now))) {
    NotFound("feed");
  }
  tx.Commit();
  return NoContent();
}

// The feed at a secret URL, as its user: a revoked or unknown secret, or a disabled user, is 404.
http::Response CalendarFeed(Call& call) {
  const auto feed = store::FindFeed(call.db, auth::TokenDigest(call.Param("token")));
  if (!feed) NotFound("feed");
  const auto user = store::FindUser(call.db, feed->user_id);
  if (!user || user->disabled) NotFound("feed");
  const domain::Principal principal = PrincipalOf(*user);
  if (feed->kind == "partnership") {
    const auto record = store::GetRecord(call.db, domain::Partnerships(), *feed->partnership_id);
    if (!record || !domain::CanSee(principal, FactsOf(domain::Partnerships(), *record))) {
      NotFound("feed");
    }
  }
  return CalendarResponse(FeedCalendar(call, principal, &*feed, feed->lang, "Amity"));
}

http::Response PublicCalendar(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  std::string lang = "tr";
  for (const auto& [name, value] : call.request.query) {
    if (name == "lang") lang = value;
  }
  // The public sees public records only (an unauthenticated principal: a partner of none).
  const domain::Principal anyone;
  return CalendarResponse(FeedCalendar(call, anyone, nullptr, lang, "Amity"));
}

}  // namespace amity::api
