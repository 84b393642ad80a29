#include "alerts/smtp.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace amity::alerts {
namespace {

constexpr std::string_view kStartTls = "smtp+starttls://";

struct Upload {
  const std::string* text;
  size_t sent = 0;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* data) {
  auto* upload = static_cast<Upload*>(data);
  const size_t room = size * count;
  const size_t left = upload->text->size() - upload->sent;
  const size_t n = std::min(room, left);
  std::memcpy(buffer, upload->text->data() + upload->sent, n);
  upload->sent += n;
  return n;
}

// "<address>" for MAIL FROM / RCPT TO.
std::string Angled(const std::string& address) {
  return address.starts_with('<') ? address : "<" + address + ">";
}

}  // namespace

bool IsSmtpUrl(const std::string& url) {
  return url.starts_with("smtp://") || url.starts_with("smtps://") || url.starts_with(kStartTls);
}

SmtpMailer::SmtpMailer(std::string url, std::string user, std::string password, std::string ca_file)
    : url_(std::move(url)),
      user_(std::move(user)),
      password_(std::move(password)),
      ca_file_(std::move(ca_file)) {
  if (url_.starts_with(kStartTls)) {
    url_ = "smtp://" + url_.substr(kStartTls.size());
    starttls_ = true;
  }
}

void SmtpMailer::Send(const std::string& from, const std::string& to, const std::string& message) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("libcurl could not start");
  Upload upload{&message};
  curl_slist* recipients = curl_slist_append(nullptr, Angled(to).c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> free_recipients(recipients,
                                                                              curl_slist_free_all);
  char error[CURL_ERROR_SIZE] = {};
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, Angled(from).c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  if (starttls_) curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  // libcurl's defaults, said out loud: never turned off. A private CA is added with a CA file.
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_file_.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, ca_file_.c_str());
  if (!user_.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, user_.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, password_.c_str());
  }
  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    long response = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response);
    std::string why = error[0] ? error : curl_easy_strerror(code);
    if (response > 0) why += " (SMTP " + std::to_string(response) + ")";
    throw std::runtime_error(why);
  }
}

}  // namespace amity::alerts
