#include "api/access.h"

#include "api/responses.h"
#include "http/error.h"

namespace amity::api {
namespace json = boost::json;

namespace {

std::string_view StringOf(const json::object& record, std::string_view key) {
  const json::value* value = record.if_contains(key);
  return value && value->is_string() ? std::string_view(value->as_string()) : std::string_view();
}

}  // namespace

domain::RecordFacts FactsOf(const domain::ResourceSpec& spec, const json::object& record) {
  domain::RecordFacts facts{.resource = spec.name};
  facts.visibility = domain::ParseVisibility(StringOf(record, "visibility"))
                         .value_or(domain::Visibility::kPrivate);
  const std::string_view column = domain::PartnershipColumn(spec);
  if (!column.empty()) facts.partnership_id = StringOf(record, column);
  facts.created_by = StringOf(record, "created_by");
  for (std::string_view owner : {"home_owner_id", "partner_owner_id"}) {
    if (const std::string_view person = StringOf(record, owner); !person.empty()) {
      facts.owner_people.push_back(person);
    }
  }
  return facts;
}

namespace {

// True for a fair's records (exhibitors, plans, buyers, meeting requests): they belong to the
// partnership of the event they name.
bool BelongsToEvent(const domain::ResourceSpec& spec) {
  const domain::FieldSpec* event = spec.Field("event_id");
  return domain::PartnershipColumn(spec).empty() && event != nullptr &&
         event->references == "events";
}

// Whether the organization `record` is of the partner city of one of `principal`'s partnerships.
bool OfPartnerCity(store::Db& db, const domain::Principal& principal, const json::object& record) {
  const std::string_view city = StringOf(record, "city_id");
  if (city.empty()) return false;
  for (const std::string& id : principal.partnerships) {
    const auto partnership = store::GetRecord(db, domain::Partnerships(), id);
    if (partnership && !partnership->at("archived").as_bool() &&
        StringOf(*partnership, "partner_city_id") == city) {
      return true;
    }
  }
  return false;
}

}  // namespace

domain::RecordFacts FactsOf(const Call& call, const domain::ResourceSpec& spec,
                            const json::object& record) {
  domain::RecordFacts facts = FactsOf(spec, record);
  if (BelongsToEvent(spec)) {
    const auto event = store::GetRecord(call.db, domain::Events(), StringOf(record, "event_id"));
    if (event) facts.partnership_id = StringOf(*event, "partnership_id");
  } else if (spec.name == "organizations" && call.principal.role == domain::Role::kPartner) {
    facts.of_partner_city = OfPartnerCity(call.db, call.principal, record);
  }
  return facts;
}

std::optional<store::Condition> VisibleCondition(const domain::Principal& principal,
                                                 const domain::ResourceSpec& spec) {
  if (domain::SeesEverything(principal)) return std::nullopt;
  if (domain::IsAnonymous(principal)) return store::Condition{"visibility = 'public'", {}};
  if (BelongsToEvent(spec)) {
    return store::Condition{
        "visibility = 'public' OR (visibility = 'shared' AND event_id IN (SELECT id FROM events "
        "WHERE partnership_id IN (SELECT partnership_id FROM user_partnerships WHERE user_id = "
        "?)))",
        {principal.user_id}};
  }
  const std::string_view column = domain::PartnershipColumn(spec);
  if (column.empty()) return store::Condition{"visibility IN ('shared', 'public')", {}};
  return store::Condition{
      "visibility = 'public' OR (visibility = 'shared' AND " + std::string(column) +
          " IN (SELECT partnership_id FROM user_partnerships WHERE user_id = ?))",
      {principal.user_id}};
}

void RequireVisible(const Call& call, const domain::ResourceSpec& spec,
                    const json::object& record) {
  if (!domain::CanSee(call.principal, FactsOf(call, spec, record))) {
    NotFound(spec.singular);
  }
}

void RequireEditable(const Call& call, const domain::ResourceSpec& spec,
                     const json::object& record) {
  if (!domain::CanEdit(call.principal, FactsOf(call, spec, record))) {
    ForbidRole(call.principal, "", "may not change this " + std::string(spec.singular));
  }
  RequireOwnedHere(call, spec, record);
}

void RequireOwnedHere(const Call& call, const domain::ResourceSpec& spec,
                      const json::object& record) {
  const std::string_view owner = StringOf(record, "instance_id");
  if (owner.empty() || owner == call.context.instance_id) return;
  throw http::HttpError(409, "Conflict",
                        {{"instance_id", "owned_elsewhere",
                          "this " + std::string(spec.singular) +
                              " is a replica held for the instance that owns it (" +
                              std::string(owner) + "); change it there"}});
}

void Forbid(std::string field, std::string message) {
  throw http::HttpError(403, "Forbidden", {{std::move(field), "forbidden", std::move(message)}});
}

void ForbidRole(const domain::Principal& principal, std::string field, std::string_view what) {
  Forbid(std::move(field),
         "your role (" + std::string(domain::RoleName(principal.role)) + ") " + std::string(what));
}

}  // namespace amity::api
