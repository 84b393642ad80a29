#include "http/router.h"

namespace amity::http {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool MatchPattern(std::string_view pattern, const std::vector<std::string_view>& segments,
                  Params& params) {
  const std::vector<std::string_view> parts = SplitPath(pattern);
  if (parts.size() != segments.size()) return false;
  Params found;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].size() > 2 && parts[i].front() == '{' && parts[i].back() == '}') {
      found.emplace_back(std::string(parts[i].substr(1, parts[i].size() - 2)),
                         std::string(segments[i]));
    } else if (parts[i] != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace amity::http
