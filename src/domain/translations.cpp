#include "domain/translations.h"

namespace amity::domain {

TranslatableText ReconcileTranslations(TranslatableText incoming,
                                       const std::optional<TranslatableText>& stored) {
  const auto stored_value = [&stored](const std::string& language) -> const LanguageValue* {
    if (!stored) return nullptr;
    auto found = stored->values.find(language);
    return found == stored->values.end() ? nullptr : &found->second;
  };
  const LanguageValue* old_original = stored_value(incoming.original);
  const bool original_changed =
      stored && (stored->original != incoming.original || old_original == nullptr ||
                 old_original->text != incoming.values.at(incoming.original).text);
  for (auto& [language, value] : incoming.values) {
    if (language == incoming.original) {
      value.by = "original";
      value.reviewed = true;
      continue;
    }
    if (value.status_given) continue;
    const LanguageValue* before = stored_value(language);
    if (before != nullptr && before->text == value.text && before->by != "original") {
      value.by = before->by;
      value.reviewed = before->reviewed && !original_changed;
    } else {
      value.by = "human";
      value.reviewed = false;
    }
  }
  return incoming;
}

}  // namespace amity::domain
