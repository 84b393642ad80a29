// The translation state of a translatable text: each language value is the original, a human
// translation or a machine translation, and reviewed or not. Editing the original marks every
// other language as needing review.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace amity::domain {

struct LanguageValue {
  std::string text;
  std::string by;  // "original", "human" or "machine"
  bool reviewed = false;
  bool status_given = false;  // the writer said by/reviewed explicitly for this language
};

struct TranslatableText {
  std::string original;                         // language it was written in
  std::map<std::string, LanguageValue> values;  // language → value
};

// The text to store when `incoming` replaces `stored` (nullopt on create):
// - the original language is "original" and reviewed;
// - a language whose status the writer gave keeps it;
// - a language whose text is unchanged keeps its stored status, except that it needs review
//   again (reviewed = false) when the original's text changed in this edit;
// - any other new or changed value is a human translation, not yet reviewed.
TranslatableText ReconcileTranslations(TranslatableText incoming,
                                       const std::optional<TranslatableText>& stored);

}  // namespace amity::domain
