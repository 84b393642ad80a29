// Moves WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside the
// commit that crosses 1000 WAL pages, so one write in a few hundred waits for the whole copy back
// into the database file and its fsync. A Checkpointer owns a connection and a thread that runs a
// PASSIVE checkpoint (it never blocks readers or writers) every `interval`; connections that rely
// on it switch their automatic checkpoints off (Pool does, when asked).
//
// A PASSIVE checkpoint alone never lets a busy WAL start over: SQLite rewinds the log only after
// a checkpoint has copied every frame, and under steady writes new frames always arrive while it
// copies. Measured: 3.9 GB of WAL after 20 s of POSTs, with the copying on the server's core.
// So when the WAL still holds more than `restart_frames` after the passive pass, the thread runs
// a RESTART checkpoint: it holds new writers back only while it copies what the passive pass
// left (the frames of the last moments), and the next writer starts the log from the beginning.
// It waits at most 20 ms for readers still in the log; a reader that stays longer (a backup)
// makes it give up and try again a second later, so writers are never held back for long.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace amity::store {

class Checkpointer {
 public:
  Checkpointer(const std::string& path, std::chrono::milliseconds interval,
               int restart_frames = kRestartFrames);
  // 16 MiB of pages. A log that starts over by itself (every passive pass copied everything and
  // no reader stayed in it) never gets there; at 1,000 (SQLite's automatic checkpoint threshold)
  // steady group-committed writes, ~1,000-2,500 frames per 100 ms, paid for a RESTART (10-50 ms
  // of writers held back) on every pass.
  static constexpr int kRestartFrames = 4096;
  ~Checkpointer();  // stops the thread after a last checkpoint
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  long long checkpoints() const;  // completed so far
  long long restarts() const;     // of which RESTART checkpoints

 private:
  void Run(const std::string& path, std::chrono::milliseconds interval, int restart_frames);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  long long checkpoints_ = 0;
  long long restarts_ = 0;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace amity::store
