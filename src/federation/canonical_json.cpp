#include "federation/canonical_json.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "base/text.h"
#include "federation/signature.h"

namespace amity::federation {
namespace json = boost::json;

namespace {

// The UTF-16 code units of UTF-8 `text`; nullopt when it is not valid UTF-8.
std::optional<std::u16string> Utf16(std::string_view text) {
  std::u16string units;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    int extra = 0;
    char32_t code = 0;
    if (lead < 0x80) {
      code = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1, code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2, code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3, code = lead & 0x07;
    } else {
      return std::nullopt;
    }
    if (extra > 0 && i + extra >= text.size()) return std::nullopt;
    for (int k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      code = (code << 6) | (next & 0x3F);
    }
    i += extra + 1;
    if (code >= 0x10000) {
      code -= 0x10000;
      units.push_back(static_cast<char16_t>(0xD800 + (code >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + (code & 0x3FF)));
    } else {
      units.push_back(static_cast<char16_t>(code));
    }
  }
  return units;
}

bool Append(std::string& out, const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      out += "null";
      return true;
    case json::kind::bool_:
      out += value.get_bool() ? "true" : "false";
      return true;
    case json::kind::int64:
      // Numbers are IEEE doubles in JCS: an integer beyond 2^53 reads as the double nearest it.
      out += EcmaScriptNumber(static_cast<double>(value.get_int64()));
      return true;
    case json::kind::uint64:
      out += EcmaScriptNumber(static_cast<double>(value.get_uint64()));
      return true;
    case json::kind::double_:
      if (!std::isfinite(value.get_double())) return false;
      out += EcmaScriptNumber(value.get_double());
      return true;
    case json::kind::string: {
      const json::string& text = value.get_string();
      if (!Utf16(text)) return false;
      AppendCanonicalJsonString(out, text);
      return true;
    }
    case json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const json::value& item : value.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        if (!Append(out, item)) return false;
      }
      out.push_back(']');
      return true;
    }
    case json::kind::object: {
      std::vector<std::pair<std::u16string, const json::key_value_pair*>> members;
      for (const json::key_value_pair& member : value.get_object()) {
        std::optional<std::u16string> key = Utf16(member.key());
        if (!key) return false;
        members.emplace_back(std::move(*key), &member);
      }
      std::sort(members.begin(), members.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      out.push_back('{');
      bool first = true;
      for (const auto& [key, member] : members) {
        if (!first) out.push_back(',');
        first = false;
        AppendCanonicalJsonString(out, member->key());
        out.push_back(':');
        if (!Append(out, member->value())) return false;
      }
      out.push_back('}');
      return true;
    }
  }
  return false;
}

}  // namespace

std::string EcmaScriptNumber(double number) {
  if (number == 0) return "0";  // also -0
  std::string sign;
  if (number < 0) sign = "-", number = -number;
  // The shortest round-tripping digits d1.d2…dk and exponent e: number = 0.d1…dk × 10^n, n = e+1.
  char buffer[64];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific);
  const std::string text(buffer, end);
  const size_t e_at = text.find('e');
  std::string digits = text.substr(0, e_at);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const int k = static_cast<int>(digits.size());
  const int n = std::stoi(text.substr(e_at + 1)) + 1;
  // ECMA-262 Number::toString, steps for k, n.
  if (k <= n && n <= 21) return sign + digits + std::string(n - k, '0');
  if (0 < n && n <= 21) return sign + digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0) return sign + "0." + std::string(-n, '0') + digits;
  const int exponent = n - 1;
  const std::string exponent_text =
      (exponent < 0 ? "-" : "+") + std::to_string(exponent < 0 ? -exponent : exponent);
  if (k == 1) return sign + digits + "e" + exponent_text;
  return sign + digits.substr(0, 1) + "." + digits.substr(1) + "e" + exponent_text;
}

std::optional<std::string> CanonicalJson(const json::value& value) {
  std::string out;
  if (!Append(out, value)) return std::nullopt;
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const char c : Sha256(bytes)) {
    const auto byte = static_cast<unsigned char>(c);
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0xF]);
  }
  return hex;
}

}  // namespace amity::federation
