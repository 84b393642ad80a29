// A machine translator: text in one language to another.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace amity::translate {

class Translator {
 public:
  virtual ~Translator() = default;
  // Translates `text` from `source` to `target` (tr, zh, en). Returns nullopt on failure and
  // puts a one-line reason in `error` (never including credentials).
  virtual std::optional<std::string> Translate(std::string_view text, std::string_view source,
                                               std::string_view target, std::string& error) = 0;
};

}  // namespace amity::translate
