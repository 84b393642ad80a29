// Moves WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside the
// commit that crosses 1000 WAL pages, so one write in a few hundred waits for the whole copy back
// into the database file and its fsync. A Checkpointer owns a connection and a thread that runs a
// PASSIVE checkpoint (it never blocks readers or writers) every `interval`; connections that rely
// on it switch their automatic checkpoints off (Pool does, when asked).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace amity::store {

class Checkpointer {
 public:
  Checkpointer(const std::string& path, std::chrono::milliseconds interval);
  ~Checkpointer();  // stops the thread after a last checkpoint
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  long long checkpoints() const;  // completed so far

 private:
  void Run(const std::string& path, std::chrono::milliseconds interval);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  long long checkpoints_ = 0;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace amity::store
