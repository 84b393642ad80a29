// What a caller is shown of the records it may see. A record visible to a partner user (or to
// the public) may point at records it may not see: a shared commitment at a private meeting, a
// public partnership at a private city. This is the one place that withholds, inside what the
// caller may see, everything about what it may not: record answers, lists, change trails, the
// dashboard, search titles and the portal's names all go through it, so neither the id nor the
// name of a hidden record appears anywhere.
//
// In place of what is withheld:
//   a reference (meeting_id, city_id, …) to a record the caller may not see   null
//   such an id in a list of references (commitment_ids)                       left out
//   an entry of a list of objects whose reference is hidden (participants)    left out
//   personal data (a person's contact)                                        null
// and the record (or the before/after of a change) lists in "hidden" the fields that lost a
// reference, e.g. "hidden": ["meeting_id"]; the member is absent when nothing was withheld.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/access.h"
#include "domain/resources.h"
#include "store/db.h"
#include "store/records.h"

namespace amity::api {

// Calls `visit(target, id)` for every reference held in `values` (a record of `spec`, or part of
// one): reference fields, lists of references and the reference member of object lists.
void VisitReferences(
    const domain::ResourceSpec& spec, const boost::json::object& values,
    const std::function<void(const domain::ResourceSpec&, std::string_view)>& visit);

class Redactor {
 public:
  // For `principal`: withholds nothing from the home city's roles, who see every record.
  Redactor(store::Db& db, const domain::Principal& principal);
  // For anyone at all (the public portal): only public records show.
  static Redactor ForPublic(store::Db& db);
  // For a paired server (docs/FEDERATION.md): shared and public records of `partnerships` only
  // (not public records of other partnerships), and shared or public records outside any
  // partnership; personal data withheld.
  static Redactor ForPeer(store::Db& db, std::vector<std::string> partnerships);

  // False when nothing is ever withheld: stored text may then be passed on untouched.
  bool active() const { return active_; }

  // True when the caller may see record `id` of `target` (archived or not); false for no such
  // record. Answers are kept for the life of the Redactor.
  bool Sees(const domain::ResourceSpec& target, std::string_view id);

  // Withholds what the caller may not see in each of `values` (records of `spec`, or the
  // before/after values of their changes), looking the referenced records up together: one
  // query per kind of record referenced.
  void Redact(const domain::ResourceSpec& spec, std::span<boost::json::object* const> values);
  void Redact(const domain::ResourceSpec& spec, boost::json::object& values);
  // The same for JSON text holding a record or an array of records; `text` itself when
  // !active().
  std::string RedactJson(const domain::ResourceSpec& spec, std::string text);

  // For a change the caller makes to `current` (a record of `spec`): adds to every list in
  // `changes` the entries of the same list in `current` that the caller was not shown, so that
  // an edit keeps what it could not see.
  void KeepWithheld(const domain::ResourceSpec& spec, const boost::json::object& current,
                    boost::json::object& changes);

 private:
  Redactor(store::Db& db, const domain::Principal* principal);
  Redactor(store::Db& db, std::vector<std::string> partnerships);
  std::optional<store::Condition> ConditionFor(const domain::ResourceSpec& target) const;
  // Looks up together those of the references in `values` not looked up yet.
  void LookUp(const domain::ResourceSpec& spec, std::span<boost::json::object* const> values);
  void Withhold(const domain::ResourceSpec& spec, boost::json::object& values);

  store::Db& db_;
  const domain::Principal* principal_;  // null: the public
  bool active_;
  std::optional<std::vector<std::string>> peer_partnerships_;  // ForPeer
  std::unordered_map<std::string, bool> sees_;  // record id → visible (ids are unique across kinds)
};

}  // namespace amity::api
