// The commitment workflow: proposed → agreed → planned → in_progress → done | dropped.
#pragma once

#include <string_view>

#include "base/problem.h"
#include "domain/resources.h"

namespace amity::domain {

// The body of a move (POST /commitments/{id}/transitions): `to`, a `note`, and optionally an
// `evidence_link` ({url, title}) that joins the commitment's evidence_links with the move.
const ResourceSpec& TransitionBody();

// The body of a progress note (POST /commitments/{id}/notes): `note`, required.
const ResourceSpec& NoteBody();

// True for a status from which work can still move (not done and not dropped).
bool IsOpenStatus(std::string_view status);

// What shows that a commitment's work was done: files kept with it, links to proof kept
// elsewhere, and held events linked to it.
struct Evidence {
  long long files = 0;
  long long links = 0;
  long long held_events = 0;
  bool Any() const { return files + links + held_events > 0; }
};

// Checks a move from `from` to `to` with an optional note. Allowed: any move forward along the
// chain, and to "dropped" from any open status when the note is not blank. Moving to "done" needs
// a closing note and some `evidence`. Returns problems on field "to" (unknown status, same
// status, backward, leaving a closed status), "note" (dropping or closing without one) or
// "evidence" (closing without any); empty when the move is allowed.
Problems CheckTransition(std::string_view from, std::string_view to, std::string_view note,
                         const Evidence& evidence);

}  // namespace amity::domain
