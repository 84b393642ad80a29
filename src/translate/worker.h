// The background translation worker: finds texts missing a language (the translation queue),
// asks the Translator, and stores the result marked {"by": "machine", "reviewed": false}. It runs
// on its own thread and connection, so it never blocks a save; a record edited meanwhile is
// left alone (the next pass sees it again).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

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
  void Loop();

  std::string db_path_;
  std::string instance_id_;
  std::unique_ptr<Translator> translator_;
  LogFormat log_format_;
  std::chrono::milliseconds interval_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  // Texts that failed, by "id/field/lang", with when to try again.
  std::map<std::string, std::chrono::steady_clock::time_point> retry_after_;
};

}  // namespace amity::translate
