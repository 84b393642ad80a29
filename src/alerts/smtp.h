// Sending one composed message to one recipient: the Mailer interface the alerts worker calls,
// and its SMTP implementation on libcurl.
#pragma once

#include <string>

namespace amity::alerts {

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Hands `message` (alerts::ComposeMessage's) to the mail system for `to`. Throws
  // std::runtime_error saying why when it was not accepted.
  virtual void Send(const std::string& from, const std::string& to, const std::string& message) = 0;
};

// SMTP through libcurl. `url`: smtp://host:port (plain), smtps://host:465 (TLS from the start) or
// smtp+starttls://host:587 (STARTTLS required before anything is sent). The user and password
// (may be empty: no AUTH) go to libcurl only, never into an error message or a log line. Over TLS
// the server's certificate is always verified, and its name checked: against the system's CAs,
// or against those in the PEM file `ca_file` when given (a private CA, a self-signed server).
class SmtpMailer final : public Mailer {
 public:
  SmtpMailer(std::string url, std::string user, std::string password, std::string ca_file = {});
  void Send(const std::string& from, const std::string& to, const std::string& message) override;

 private:
  std::string url_;
  bool starttls_ = false;
  std::string user_;
  std::string password_;
  std::string ca_file_;
};

// True when `url` is one SmtpMailer accepts.
bool IsSmtpUrl(const std::string& url);

}  // namespace amity::alerts
