// Small text facts: the languages Amity writes in, ISO 3166-1 country codes, blank text and
// JSON string quoting.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace amity {

// Languages a translatable text can hold, in display order.
inline constexpr std::array<std::string_view, 3> kLanguages = {"tr", "zh", "en"};

bool IsLanguage(std::string_view code);

// True for an officially assigned ISO 3166-1 alpha-2 code in upper case ("TR", "CN").
bool IsCountryCode(std::string_view code);

// True when `text` is empty or only spaces, tabs and line breaks.
bool IsBlank(std::string_view text);

// The first control character that text people write must not hold: U+0000–U+001F other than
// tab, line feed and carriage return, and U+007F (DEL). Returns nullopt when there is none.
// Such characters are invisible, cut strings short in C code and terminals, and are never typed.
std::optional<char> ForbiddenControlCharacter(std::string_view text);

// "U+0000": how a problem message names the character ForbiddenControlCharacter found.
std::string CodePointName(char c);

// Appends `text` (valid UTF-8) to `out` as a quoted JSON string, escaping quotes, backslashes
// and control characters.
void AppendJsonString(std::string& out, std::string_view text);

// The same in the form RFC 8785 (JSON canonicalization, §3.2.2.2) requires: only quotes,
// backslashes and control characters are escaped, \b \t \n \f \r by their short forms, the rest
// as \u00xx in lower-case hex. Two servers hashing canonical JSON must agree on every byte.
void AppendCanonicalJsonString(std::string& out, std::string_view text);

// `bytes` in base64url without padding (RFC 4648 §5): safe in a URL query as it is.
std::string EncodeBase64Url(std::string_view bytes);
// The bytes `text` encodes in base64url (without padding), or nullopt when it is not such text.
std::optional<std::string> DecodeBase64Url(std::string_view text);

}  // namespace amity
