#include "translate/libretranslate.h"

#include <curl/curl.h>

#include <boost/json.hpp>

namespace amity::translate {
namespace json = boost::json;

namespace {

// LibreTranslate names Simplified Chinese "zh" (newer servers also accept "zh-Hans").
constexpr long kTimeoutSeconds = 30;
constexpr size_t kMaxResponseBytes = 4 << 20;

size_t Append(char* data, size_t size, size_t count, void* target) {
  auto* body = static_cast<std::string*>(target);
  if (body->size() + size * count > kMaxResponseBytes) return 0;  // abort oversized answers
  body->append(data, size * count);
  return size * count;
}

}  // namespace

LibreTranslate::LibreTranslate(std::string base_url, std::string api_key)
    : base_url_(std::move(base_url)), api_key_(std::move(api_key)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

std::optional<std::string> LibreTranslate::Translate(std::string_view text, std::string_view source,
                                                     std::string_view target, std::string& error) {
  json::object request{{"q", text}, {"source", source}, {"target", target}, {"format", "text"}};
  if (!api_key_.empty()) request["api_key"] = api_key_;
  const std::string body = json::serialize(request);
  const std::string url = base_url_ + "/translate";
  std::string answer;
  CURL* curl = curl_easy_init();
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, kTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    error = std::string("translator unreachable: ") + curl_easy_strerror(code);
    return std::nullopt;
  }
  if (status != 200) {
    error = "translator answered HTTP " + std::to_string(status);
    return std::nullopt;
  }
  boost::system::error_code parse_error;
  const json::value parsed = json::parse(answer, parse_error);
  const json::value* translated = !parse_error && parsed.is_object()
                                      ? parsed.as_object().if_contains("translatedText")
                                      : nullptr;
  if (translated == nullptr || !translated->is_string()) {
    error = "translator answered without translatedText";
    return std::nullopt;
  }
  return std::string(translated->as_string());
}

}  // namespace amity::translate
