// The alerts worker: on its own thread and connection, off the request path, it decides what
// each user should be told (domain/alerts.h), keeps each notice once (the bell), and when mail is
// configured puts its e-mail in the durable outbox and sends what is due through a Mailer.
// A failed attempt is tried again after 1, 2, 4, … × the retry interval (at most 6 hours apart),
// up to kMaxAttempts; a message is marked `sending` (committed) before the SMTP transaction, so
// one cut short by a stop is shown failed rather than sent twice.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "alerts/smtp.h"
#include "base/background_loop.h"
#include "base/log.h"
#include "base/time.h"

namespace amity::alerts {

inline constexpr int kMaxAttempts = 10;

struct Settings {
  std::string public_url;  // links in messages start with it, e.g. https://amity.izmir.bel.tr
  std::string from;        // the sender's address; its domain names the Message-IDs
  std::chrono::seconds interval{300};  // how often the worker looks for something to tell
  std::chrono::seconds retry{60};      // the wait after a first failed attempt
};

class Worker {
 public:
  // `mailer` null: notices only, no e-mail. Opens its own connection to `db_path` per pass.
  Worker(std::string db_path, Settings settings, std::unique_ptr<Mailer> mailer,
         LogFormat log_format = LogFormat::kJson);
  ~Worker();  // stops and joins

  // Marks messages cut short by an earlier process failed, then starts the thread.
  void Start();
  void Stop();
  void Wake();

  // Makes the notices (and outbox messages) due at `now`; returns how many notices were made.
  int Plan(Instant now);
  // Sends the outbox messages due at `now`; returns how many the mail server accepted.
  int SendDue(Instant now);

 private:
  std::string db_path_;
  Settings settings_;
  std::unique_ptr<Mailer> mailer_;
  LogFormat log_format_;
  BackgroundLoop loop_;  // last: it stops before the members above go
};

// The wait before attempt `attempts` + 1 after `attempts` failed ones: retry × 2^(attempts − 1),
// at most 6 hours.
std::chrono::seconds RetryDelay(std::chrono::seconds retry, long long attempts);

}  // namespace amity::alerts
