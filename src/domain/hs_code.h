// The Harmonized System (HS) of the World Customs Organization, as far as Amity needs it: the
// shape of a 6-digit HS code and of the national extensions of Türkiye (GTİP, 12 digits) and
// China (10 digits), the names of the 97 chapters (chapter 77 is reserved) and of the headings the
// catalogue's products use, in Turkish, Chinese and English. Pure; the names are written for
// Amity, not copied from a tariff.
//
// Normalisation: a code may be written as tariff books print it, with a dot or a space after the
// 4th, 6th, 8th or 10th digit ("0804.20", "0804 20", "0804.20.10.00.11", "0804.2000.00"); it is
// stored as digits only ("080420"). Any other character, a separator elsewhere ("08.0420", "12.34")
// or another number of digits is refused.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/problem.h"

namespace amity::domain {

// Digits of an HS code and of the national extensions.
inline constexpr unsigned kHsDigits = 6;
inline constexpr unsigned kTurkishTariffDigits = 12;  // GTİP
inline constexpr unsigned kChineseTariffDigits = 10;  // 中华人民共和国海关进出口税则 + 统计编码

// The digits of `text` when it is a code of exactly `digits` digits written as described above;
// nullopt otherwise.
std::optional<std::string> NormalizeTariffCode(std::string_view text, unsigned digits);

// A name in the three languages of the UI.
struct HsName {
  std::string_view tr;
  std::string_view zh;
  std::string_view en;
  // The name in `lang` (tr, zh or en); English for another language.
  std::string_view In(std::string_view lang) const;
};

struct HsChapter {
  std::string_view code;  // "01" … "97"
  HsName name;
  bool reserved = false;  // chapter 77: kept for future use, no goods classified in it
};

struct HsHeading {
  std::string_view code;  // four digits, e.g. "0804"
  HsName name;
};

// The 97 chapters in order, 77 included (marked reserved).
std::span<const HsChapter> HsChapters();

// The headings Amity names (those of the demo catalogue and common İzmir exports), in order.
std::span<const HsHeading> HsHeadings();

// The chapter of a code's first two digits, or nullptr when it is not one of 01–97 or is the
// reserved chapter 77.
const HsChapter* FindHsChapter(std::string_view code);

// The heading of a code's first four digits, or nullptr when Amity does not name it.
const HsHeading* FindHsHeading(std::string_view code);

// Problems with a product's codes, each already normalised to digits (empty: not given):
// `hs_code` must lie in an existing chapter (not 00, 77, 98 or 99); a national code must start
// with the six digits of `hs_code`. Problems name the fields hs_code, hs_code_tr, hs_code_cn.
Problems CheckProductCodes(std::string_view hs_code, std::string_view hs_code_tr,
                           std::string_view hs_code_cn);

}  // namespace amity::domain
