// Keeping official names intact through machine translation: before a text is sent to a
// translator, each glossary term found in it is replaced by a placeholder; after, each
// placeholder becomes the term's fixed rendering in the target language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amity::domain {

struct GlossaryTerm {
  std::string source;  // the term in the text's language
  std::string target;  // its fixed rendering in the language translated into
};

struct ProtectedText {
  std::string text;                     // with placeholders __G0__, __G1__, …
  std::vector<std::string> renderings;  // placeholder i → target rendering
};

// Replaces every occurrence of each term's `source` in `text` (longest terms first, terms with
// an empty source or target skipped) by a placeholder.
ProtectedText ProtectTerms(std::string_view text, std::vector<GlossaryTerm> terms);

// Puts the renderings back in place of the placeholders in `translated`. A placeholder the
// translator lost is appended nowhere: the caller can compare with AllPlaceholdersKept.
std::string RestoreTerms(std::string_view translated, const ProtectedText& protected_text);

// True when every placeholder of `protected_text` occurs in `translated`.
bool AllPlaceholdersKept(std::string_view translated, const ProtectedText& protected_text);

}  // namespace amity::domain
