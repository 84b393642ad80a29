// Globally unique record ids: UUIDv7 as 36-character lower-case text, time-ordered.
#pragma once

#include <string>
#include <string_view>

namespace amity {

// Returns a new UUIDv7 whose first 48 bits are the current Unix time in milliseconds.
std::string NewId();

// True when `text` is a UUID in canonical 8-4-4-4-12 lower- or upper-case hex form.
bool IsUuid(std::string_view text);

}  // namespace amity
