// The commitment workflow: proposed → agreed → planned → in_progress → done | dropped.
#pragma once

#include <string_view>

#include "base/problem.h"

namespace amity::domain {

// True for a status from which work can still move (not done and not dropped).
bool IsOpenStatus(std::string_view status);

// Checks a move from `from` to `to` with an optional note. Allowed: any move forward along the
// chain, and to "dropped" from any open status when the note is not blank. Returns problems on
// field "to" (unknown status, same status, backward, leaving a closed status) or "note"
// (dropping without a reason); empty when the move is allowed.
Problems CheckTransition(std::string_view from, std::string_view to, std::string_view note);

}  // namespace amity::domain
