// A client for any LibreTranslate-compatible HTTP API (POST {url}/translate).
#pragma once

#include <string>

#include "translate/translator.h"

namespace amity::translate {

class LibreTranslate : public Translator {
 public:
  // `base_url` such as "http://127.0.0.1:5000"; `api_key` may be empty.
  LibreTranslate(std::string base_url, std::string api_key);

  std::optional<std::string> Translate(std::string_view text, std::string_view source,
                                       std::string_view target, std::string& error) override;

 private:
  std::string base_url_;
  std::string api_key_;
};

}  // namespace amity::translate
