// Problems: what a rule reports when input breaks it. One shape for every layer, mapped to
// RFC 9457 problem details at the HTTP boundary.
#pragma once

#include <string>
#include <vector>

namespace amity {

// One broken rule: the field it concerns (a JSON pointer-like path such as "milestones[2].date",
// empty for the whole record), a stable machine code and a human message in English.
struct Problem {
  std::string field;
  std::string code;
  std::string message;
};

// Empty means valid.
using Problems = std::vector<Problem>;

}  // namespace amity
