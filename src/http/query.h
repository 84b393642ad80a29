// Percent-decoding of paths and parsing of query strings (application/x-www-form-urlencoded).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace amity::http {

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Returns nullopt for a truncated
// or non-hex escape, or a decoded NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Parses "a=1&b=x%20y&c" into pairs in order ("c" gets an empty value). Empty segments are
// skipped. Returns nullopt when any name or value is badly escaped.
std::optional<Pairs> ParseQuery(std::string_view query);

// `text` percent-encoded for a query string: everything but unreserved characters (RFC 3986
// §2.3) escaped, so ParseQuery gives `text` back.
std::string PercentEncode(std::string_view text);

}  // namespace amity::http
