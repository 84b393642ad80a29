// The translation queue: every translatable text of a live record that lacks a language or
// whose translation into it is not reviewed yet.
#pragma once

#include <optional>
#include <string>

#include "store/db.h"
#include "store/records.h"

namespace amity::store {

struct TranslationQuery {
  std::string lang;                  // the language to translate into
  std::optional<std::string> state;  // "missing" or "unreviewed"; nullopt for both
  std::optional<std::string> kind;   // one resource only
  int limit = 50;
  int offset = 0;
};

// Items {"kind", "id", "field", "state", "updated_at", "text"} newest first, and the total.
Page ListTranslationQueue(Db& db, const TranslationQuery& query);

}  // namespace amity::store
