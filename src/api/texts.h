// Translatable texts between JSON and the domain's translation rules.
#pragma once

#include <boost/json.hpp>

#include "domain/resources.h"

namespace amity::api {

// For every translatable field in `fields` (validated input), sets each language's status
// ("translations": {"zh": {"by", "reviewed"}}) by domain::ReconcileTranslations against the same
// field of `current` (the stored record; nullptr on create). A status given in the input for a
// language wins; "by" alone keeps reviewed false.
void ReconcileTexts(const domain::ResourceSpec& spec, boost::json::object& fields,
                    const boost::json::object* current);

// A translatable text in `lang`, else in its original language, else in any it has ("" for none
// or not a text).
std::string TextIn(const boost::json::value* text, std::string_view lang);

}  // namespace amity::api
