// The background translation worker: finds texts missing a language (the translation queue),
// asks the Translator, and stores the result marked {"by": "machine", "reviewed": false}. It runs
// on its own thread and connection, so it never blocks a save; a record edited meanwhile is
// left alone (the next pass sees it again).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "base/background_loop.h"
#include "base/log.h"
#include "translate/translator.h"

namespace amity::translate {

class Worker {
 public:
  // Opens its own connection to `db_path` when started. Logs one line (to stderr, in
  // `log_format`) per pass that translated or failed something, and one per failure.
  Worker(std::string db_path, std::string instance_id, std::unique_ptr<Translator> translator,
         LogFormat log_format = LogFormat::kJson,
         std::chrono::milliseconds interval = std::chrono::seconds(2));
  ~Worker();  // stops and joins

  void Start();
  void Stop();

  // One pass over the queue of every language; returns how many texts were translated.
  int RunOnce();

 private:
  std::string db_path_;
  std::string instance_id_;
  std::unique_ptr<Translator> translator_;
  LogFormat log_format_;
  // Texts that failed, by "id/field/lang", with when to try again.
  std::map<std::string, std::chrono::steady_clock::time_point> retry_after_;
  BackgroundLoop loop_;  // last: it stops (its thread joined) before the members above go
};

}  // namespace amity::translate
