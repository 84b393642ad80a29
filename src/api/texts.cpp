#include "api/texts.h"

#include "base/text.h"
#include "domain/translations.h"

namespace amity::api {
namespace json = boost::json;

namespace {

domain::TranslatableText FromJson(const json::object& text) {
  domain::TranslatableText out;
  out.original = text.at("original").as_string();
  const json::object* statuses = nullptr;
  if (const json::value* given = text.if_contains("translations"); given && given->is_object()) {
    statuses = &given->as_object();
  }
  for (std::string_view language : kLanguages) {
    const json::value* value = text.if_contains(language);
    if (value == nullptr || !value->is_string()) continue;
    domain::LanguageValue entry{std::string(value->as_string()), "", false, false};
    if (statuses) {
      if (const json::value* status = statuses->if_contains(language);
          status && status->is_object()) {
        const json::object& s = status->as_object();
        entry.status_given = true;
        entry.by = s.contains("by") ? std::string(s.at("by").as_string()) : "human";
        entry.reviewed = s.contains("reviewed") && s.at("reviewed").as_bool();
      }
    }
    out.values.emplace(std::string(language), std::move(entry));
  }
  return out;
}

json::object ToJson(const domain::TranslatableText& text) {
  json::object out{{"original", text.original}};
  json::object statuses;
  for (std::string_view language : kLanguages) {
    auto found = text.values.find(std::string(language));
    if (found == text.values.end()) continue;
    out[language] = found->second.text;
    if (language != text.original) {
      statuses[language] = {{"by", found->second.by}, {"reviewed", found->second.reviewed}};
    }
  }
  if (!statuses.empty()) out["translations"] = std::move(statuses);
  return out;
}

}  // namespace

void ReconcileTexts(const domain::ResourceSpec& spec, json::object& fields,
                    const json::object* current) {
  for (const domain::FieldSpec& field : spec.fields) {
    if (field.type != domain::FieldType::kText) continue;
    json::value* value = fields.if_contains(field.name);
    if (value == nullptr || !value->is_object()) continue;
    std::optional<domain::TranslatableText> stored;
    if (current) {
      const json::value* old_value = current->if_contains(field.name);
      if (old_value && old_value->is_object()) stored = FromJson(old_value->as_object());
    }
    *value = ToJson(domain::ReconcileTranslations(FromJson(value->as_object()), stored));
  }
}

std::string TextIn(const json::value* text, std::string_view lang) {
  if (text == nullptr || !text->is_object()) return "";
  const json::object& values = text->as_object();
  const json::value* original = values.if_contains("original");
  const std::string_view original_lang =
      original && original->is_string() ? std::string_view(original->as_string()) : "";
  for (std::string_view candidate : {lang, original_lang, std::string_view("en"),
                                     std::string_view("tr"), std::string_view("zh")}) {
    if (const json::value* value = values.if_contains(candidate); value && value->is_string()) {
      return std::string(value->as_string());
    }
  }
  return "";
}

}  // namespace amity::api
