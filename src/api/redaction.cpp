#include "api/redaction.h"

#include <algorithm>
#include <map>
#include <vector>

#include "api/access.h"

namespace amity::api {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::ResourceSpec;

namespace {

// The resource a reference field points at.
const ResourceSpec& Target(const FieldSpec& field) {
  return *domain::FindResource(field.references);
}

// The reference member of an object list's entries (participants' and focal points' person_id),
// or nullptr.
const FieldSpec* ReferenceMember(const FieldSpec& field) {
  if (field.type != FieldType::kObjectList) return nullptr;
  for (const FieldSpec& member : field.members) {
    if (member.type == FieldType::kReference) return &member;
  }
  return nullptr;
}

// Removes the entries of `list` for which `remove` holds; returns how many it removed.
template <typename Predicate>
size_t EraseIf(json::array& list, Predicate remove) {
  const auto end = std::remove_if(list.begin(), list.end(), remove);
  const size_t removed = static_cast<size_t>(list.end() - end);
  list.erase(end, list.end());
  return removed;
}

}  // namespace

void VisitReferences(const ResourceSpec& spec, const json::object& values,
                     const std::function<void(const ResourceSpec&, std::string_view)>& visit) {
  for (const FieldSpec& field : spec.fields) {
    const json::value* value = values.if_contains(field.name);
    if (value == nullptr) continue;
    if (field.type == FieldType::kReference && value->is_string()) {
      visit(Target(field), value->as_string());
    } else if (field.type == FieldType::kReferenceList && value->is_array()) {
      for (const json::value& id : value->as_array()) {
        if (id.is_string()) visit(Target(field), id.as_string());
      }
    } else if (const FieldSpec* member = ReferenceMember(field); member && value->is_array()) {
      for (const json::value& entry : value->as_array()) {
        const json::value* id =
            entry.is_object() ? entry.as_object().if_contains(member->name) : nullptr;
        if (id && id->is_string()) visit(Target(*member), id->as_string());
      }
    }
  }
}

Redactor::Redactor(store::Db& db, const domain::Principal& principal) : Redactor(db, &principal) {}

Redactor::Redactor(store::Db& db, const domain::Principal* principal)
    : db_(db),
      principal_(principal),
      active_(principal == nullptr || !domain::SeesEverything(*principal)) {}

Redactor::Redactor(store::Db& db, std::vector<std::string> partnerships)
    : db_(db), principal_(nullptr), active_(true), peer_partnerships_(std::move(partnerships)) {}

Redactor Redactor::ForPublic(store::Db& db) { return Redactor(db, nullptr); }

Redactor Redactor::ForPeer(store::Db& db, std::vector<std::string> partnerships) {
  return Redactor(db, std::move(partnerships));
}

std::optional<store::Condition> Redactor::ConditionFor(const ResourceSpec& target) const {
  if (peer_partnerships_) {
    const std::string_view column = domain::PartnershipColumn(target);
    store::Condition condition{"visibility IN ('shared', 'public')", {}};
    if (column.empty()) return condition;
    std::string placeholders;
    for (const std::string& id : *peer_partnerships_) {
      placeholders += placeholders.empty() ? "?" : ", ?";
      condition.params.push_back(id);
    }
    if (placeholders.empty()) return store::Condition{"0", {}};
    condition.sql += " AND " + std::string(column) + " IN (" + placeholders + ")";
    return condition;
  }
  if (principal_ == nullptr) return store::Condition{"visibility = 'public'", {}};
  return VisibleCondition(*principal_, target);
}

bool Redactor::Sees(const ResourceSpec& target, std::string_view id) {
  if (!active_) return true;
  const auto found = sees_.find(std::string(id));
  if (found != sees_.end()) return found->second;
  const std::optional<store::Condition> condition = ConditionFor(target);
  const bool sees =
      !condition || !store::MatchingIds(db_, target.name, {std::string(id)}, *condition).empty();
  sees_.emplace(std::string(id), sees);
  return sees;
}

void Redactor::LookUp(const ResourceSpec& spec, std::span<json::object* const> values) {
  std::map<const ResourceSpec*, std::vector<std::string>> wanted;
  for (const json::object* value : values) {
    VisitReferences(spec, *value, [&](const ResourceSpec& target, std::string_view id) {
      if (sees_.emplace(std::string(id), false).second) {
        wanted[&target].emplace_back(id);
      }
    });
  }
  for (const auto& [target, ids] : wanted) {
    const std::optional<store::Condition> condition = ConditionFor(*target);
    if (!condition) {
      for (const std::string& id : ids) sees_[id] = true;
      continue;
    }
    for (const std::string& id : store::MatchingIds(db_, target->name, ids, *condition)) {
      sees_[id] = true;
    }
  }
}

void Redactor::Withhold(const ResourceSpec& spec, json::object& values) {
  const auto hidden = [this](std::string_view id) {
    const auto found = sees_.find(std::string(id));
    return found == sees_.end() || !found->second;
  };
  json::array withheld;
  for (const FieldSpec& field : spec.fields) {
    json::value* value = values.if_contains(field.name);
    if (value == nullptr) continue;
    if (field.personal) {
      *value = nullptr;
    } else if (field.type == FieldType::kReference) {
      if (value->is_string() && hidden(value->as_string())) {
        *value = nullptr;
        withheld.emplace_back(field.name);
      }
    } else if (field.type == FieldType::kReferenceList && value->is_array()) {
      const size_t erased = EraseIf(value->as_array(), [&](const json::value& id) {
        return id.is_string() && hidden(id.as_string());
      });
      if (erased > 0) withheld.emplace_back(field.name);
    } else if (const FieldSpec* member = ReferenceMember(field); member && value->is_array()) {
      const size_t erased = EraseIf(value->as_array(), [&](const json::value& entry) {
        const json::value* id =
            entry.is_object() ? entry.as_object().if_contains(member->name) : nullptr;
        return id && id->is_string() && hidden(id->as_string());
      });
      if (erased > 0) withheld.emplace_back(field.name);
    }
  }
  if (!withheld.empty()) values["hidden"] = std::move(withheld);
}

void Redactor::Redact(const ResourceSpec& spec, std::span<json::object* const> values) {
  if (!active_) return;
  LookUp(spec, values);
  for (json::object* value : values) Withhold(spec, *value);
}

void Redactor::Redact(const ResourceSpec& spec, json::object& values) {
  json::object* one[] = {&values};
  Redact(spec, one);
}

std::string Redactor::RedactJson(const ResourceSpec& spec, std::string text) {
  if (!active_) return text;
  json::value value = json::parse(text);
  std::vector<json::object*> records;
  if (value.is_array()) {
    for (json::value& item : value.as_array()) records.push_back(&item.as_object());
  } else {
    records.push_back(&value.as_object());
  }
  Redact(spec, records);
  return json::serialize(value);
}

void Redactor::KeepWithheld(const ResourceSpec& spec, const json::object& current,
                            json::object& changes) {
  if (!active_) return;
  // What the caller was shown of `current`, to compare each list with.
  json::object shown = current;
  Redact(spec, shown);
  for (const FieldSpec& field : spec.fields) {
    json::value* change = changes.if_contains(field.name);
    if (change == nullptr || !domain::IsListType(field.type)) continue;
    const json::array& stored = current.at(field.name).as_array();
    const json::array& seen = shown.at(field.name).as_array();
    if (stored.size() == seen.size()) continue;
    if (!change->is_array()) *change = json::array();
    for (const json::value& entry : stored) {
      if (std::find(seen.begin(), seen.end(), entry) == seen.end()) {
        change->as_array().push_back(entry);
      }
    }
  }
}

}  // namespace amity::api
