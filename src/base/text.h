// Small text facts: the languages Amity writes in and ISO 3166-1 country codes.
#pragma once

#include <array>
#include <string_view>

namespace amity {

// Languages a translatable text can hold, in display order.
inline constexpr std::array<std::string_view, 3> kLanguages = {"tr", "zh", "en"};

bool IsLanguage(std::string_view code);

// True for an officially assigned ISO 3166-1 alpha-2 code in upper case ("TR", "CN").
bool IsCountryCode(std::string_view code);

}  // namespace amity
