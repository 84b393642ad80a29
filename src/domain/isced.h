// The fields of education and training of ISCED-F 2013 (UNESCO Institute for Statistics): every
// broad (2-digit) and narrow (3-digit) field and the detailed (4-digit) fields exchange
// agreements use, each named in Turkish, Chinese and English. Shipped with the code, so an
// agreement's field code is checked without the database.
#pragma once

#include <span>
#include <string_view>

namespace amity::domain {

struct IscedField {
  std::string_view code;  // "06", "061", "0613"
  std::string_view en;
  std::string_view tr;
  std::string_view zh;
};

// Every field in code order (a broad field before its narrow fields, each before its detailed).
std::span<const IscedField> IscedFields();

// The field with this code, or nullptr when the table holds none.
const IscedField* FindIscedField(std::string_view code);

// "broad", "narrow" or "detailed" by the code's length (2, 3, 4 digits).
std::string_view IscedLevel(std::string_view code);

// The code one level up ("0613" → "061", "061" → "06"); empty for a broad field.
std::string_view IscedParent(std::string_view code);

}  // namespace amity::domain
