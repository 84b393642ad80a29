#include "domain/glossary.h"

#include <algorithm>

namespace amity::domain {
namespace {

std::string Placeholder(size_t index) { return "__G" + std::to_string(index) + "__"; }

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

ProtectedText ProtectTerms(std::string_view text, std::vector<GlossaryTerm> terms) {
  std::sort(terms.begin(), terms.end(), [](const GlossaryTerm& a, const GlossaryTerm& b) {
    return a.source.size() > b.source.size();
  });
  ProtectedText out{std::string(text), {}};
  for (const GlossaryTerm& term : terms) {
    if (term.source.empty() || term.target.empty()) continue;
    if (out.text.find(term.source) == std::string::npos) continue;
    ReplaceAll(out.text, term.source, Placeholder(out.renderings.size()));
    out.renderings.push_back(term.target);
  }
  return out;
}

std::string RestoreTerms(std::string_view translated, const ProtectedText& protected_text) {
  std::string out(translated);
  for (size_t i = 0; i < protected_text.renderings.size(); ++i) {
    ReplaceAll(out, Placeholder(i), protected_text.renderings[i]);
  }
  return out;
}

bool AllPlaceholdersKept(std::string_view translated, const ProtectedText& protected_text) {
  for (size_t i = 0; i < protected_text.renderings.size(); ++i) {
    if (translated.find(Placeholder(i)) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace amity::domain
