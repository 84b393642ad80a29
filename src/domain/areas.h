// The fixed taxonomy of cooperation areas, with names in Turkish, Chinese and English.
#pragma once

#include <span>
#include <string_view>

namespace amity::domain {

struct Area {
  std::string_view code;
  std::string_view tr;
  std::string_view zh;
  std::string_view en;
};

// Area codes in display order; AllAreas() holds their names in the same order.
inline constexpr std::string_view kAreaCodes[] = {
    "technology_ai", "education", "culture_arts",       "music", "sports", "trade_export",
    "heritage",      "tourism",   "municipal_services", "youth", "other"};

std::span<const Area> AllAreas();
// Returns the area with this code, or nullptr.
const Area* FindArea(std::string_view code);

}  // namespace amity::domain
