// A route table matcher: patterns like "/api/v1/commitments/{id}/transitions" matched segment by
// segment. Distinguishes "no such path" (404) from "path exists, method does not" (405 + Allow).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace amity::http {

// Path parameters in pattern order, e.g. {"id", "0191…"}.
using Params = std::vector<std::pair<std::string, std::string>>;

// Splits "/a/b/" into {"a", "b"}.
std::vector<std::string_view> SplitPath(std::string_view path);

// A route pattern split once into segments; "{name}" segments match any one path segment.
class Pattern {
 public:
  explicit Pattern(std::string text);
  const std::string& text() const { return text_; }

  // Matches `segments` (a split request path), filling `params` on success. No allocation
  // unless it matches.
  bool Match(const std::vector<std::string_view>& segments, Params& params) const;

 private:
  std::string text_;
  std::vector<std::string> parts_;
};

}  // namespace amity::http
