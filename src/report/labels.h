// The words of the council report's PDF in Turkish, Chinese and English: headings, figure names,
// statuses, legal steps and health states (the UI's own locale files hold the same words).
#pragma once

#include <string>
#include <string_view>

namespace amity::report {

// The label `key` in `lang` (tr, zh or en; anything else reads as en); the key itself when
// there is no such label. `{name}` placeholders are left for Fill.
std::string_view Label(std::string_view key, std::string_view lang);

// `text` with every `{name}` replaced by `value`.
std::string Fill(std::string_view text, std::string_view name, std::string_view value);

}  // namespace amity::report
