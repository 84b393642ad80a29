// JSON Canonicalization Scheme (RFC 8785, "JCS"): the one byte sequence of a JSON value that two
// servers hash and sign. Object members sorted by the UTF-16 code units of their names, no
// whitespace, strings escaped only where JSON requires it, numbers in ECMAScript's
// Number.prototype.toString form (RFC 8785 §3.2.2.3).
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>

namespace amity::federation {

// The canonical UTF-8 bytes of `value`; nullopt when it holds no JSON number form (NaN or an
// infinity) or a string that is not valid UTF-8.
std::optional<std::string> CanonicalJson(const boost::json::value& value);

// The ECMAScript (ES6) text of a finite double, e.g. 1e+30, 4.5, 0.002, 1e-7, -0 as "0".
std::string EcmaScriptNumber(double number);

// Lower-case hex of the SHA-256 of `bytes` (64 characters).
std::string Sha256Hex(std::string_view bytes);

}  // namespace amity::federation
