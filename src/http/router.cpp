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

Pattern::Pattern(std::string text) : text_(std::move(text)) {
  for (std::string_view part : SplitPath(text_)) parts_.emplace_back(part);
}

bool Pattern::Match(const std::vector<std::string_view>& segments, Params& params) const {
  if (parts_.size() != segments.size()) return false;
  const auto is_parameter = [](const std::string& part) {
    return part.size() > 2 && part.front() == '{' && part.back() == '}';
  };
  for (size_t i = 0; i < parts_.size(); ++i) {
    if (!is_parameter(parts_[i]) && parts_[i] != segments[i]) return false;
  }
  params.clear();
  for (size_t i = 0; i < parts_.size(); ++i) {
    if (is_parameter(parts_[i])) {
      params.emplace_back(parts_[i].substr(1, parts_[i].size() - 2), std::string(segments[i]));
    }
  }
  return true;
}

}  // namespace amity::http
