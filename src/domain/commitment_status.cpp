#include "domain/commitment_status.h"

#include <algorithm>
#include <string>

#include "base/text.h"
#include "domain/resources.h"

namespace amity::domain {
namespace {

// Position in kCommitmentStatuses, or -1.
int Rank(std::string_view status) {
  const auto* it =
      std::find(std::begin(kCommitmentStatuses), std::end(kCommitmentStatuses), status);
  return it == std::end(kCommitmentStatuses)
             ? -1
             : static_cast<int>(it - std::begin(kCommitmentStatuses));
}

}  // namespace

const ResourceSpec& TransitionBody() {
  static const FieldSpec fields[] = {
      {.name = "to", .type = FieldType::kEnum, .required = true, .values = kCommitmentStatuses},
      {.name = "note", .type = FieldType::kString},
      {.name = "evidence_link",
       .type = FieldType::kObject,
       .members = Commitments().Field("evidence_links")->members},
  };
  static const ResourceSpec spec{"transitions", "transition", fields};
  return spec;
}

const ResourceSpec& NoteBody() {
  static const FieldSpec fields[] = {
      {.name = "note", .type = FieldType::kString, .required = true},
  };
  static const ResourceSpec spec{"notes", "note", fields};
  return spec;
}

bool IsOpenStatus(std::string_view status) {
  return Rank(status) >= 0 && status != "done" && status != "dropped";
}

Problems CheckTransition(std::string_view from, std::string_view to, std::string_view note,
                         const Evidence& evidence) {
  if (Rank(to) < 0) {
    return {{"to", "invalid_enum",
             "unknown status '" + std::string(to) +
                 "'; use proposed, agreed, planned, in_progress, done or dropped"}};
  }
  if (!IsOpenStatus(from)) {
    return {{"to", "invalid_transition",
             "the commitment is " + std::string(from) + " and cannot move any more"}};
  }
  if (from == to) {
    return {{"to", "invalid_transition", "the commitment is already " + std::string(from)}};
  }
  if (to == "dropped") {
    if (IsBlank(note))
      return {{"note", "required", "dropping a commitment needs a note saying why"}};
    return {};
  }
  if (Rank(to) < Rank(from)) {
    return {{"to", "invalid_transition",
             "a commitment cannot move back from " + std::string(from) + " to " + std::string(to)}};
  }
  if (to == "done") {
    Problems problems;
    if (IsBlank(note)) {
      problems.push_back(
          {"note", "required", "closing a commitment needs a note on what was done"});
    }
    if (!evidence.Any()) {
      problems.push_back({"evidence", "evidence_required",
                          "closing a commitment needs evidence: a file kept with it, a link to "
                          "proof kept elsewhere, or a held event linked to it"});
    }
    return problems;
  }
  return {};
}

}  // namespace amity::domain
