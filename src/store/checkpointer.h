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
// The server's writer thread spares most of those: between batches it copies the end of the log
// itself (CatchUp below), and the log starts over at its next write.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace amity::store {

class Db;

class Checkpointer {
 public:
  Checkpointer(const std::string& path, std::chrono::milliseconds interval,
               int restart_frames = kRestartFrames, int catch_up_frames = kCatchUpFrames);
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
  long long catch_ups() const;    // passes by CatchUp that copied the whole log

  // The log starts over without a RESTART when a writer begins after a pass that copied every
  // frame. Under steady writes the thread's passes never do: frames keep arriving while they
  // copy. So once a pass finds more than `catch_up_frames` in the log, the thread asks for a pass
  // between two writes, and the writer (one thread gives record writes their commits) answers
  // with CatchUp while it has nothing to write: on `db`, with no transaction open, a PASSIVE pass
  // that copies what arrived since the thread's pass. No-op when nothing was asked. The next
  // write transaction then starts the log over, and the RESTART above stays for writes that come
  // from elsewhere (a CLI command, another process) or a reader that holds the log.
  void CatchUp(Db& db);
  bool CatchUpWanted() const { return catch_up_wanted_.load(std::memory_order_relaxed); }
  // 4 MiB of pages, ~10 batches of 64 POSTs: with it, RESTART passes (each held the writer back
  // for a few ms) no longer happened under steady POSTs (bench/RESULTS.md).
  static constexpr int kCatchUpFrames = 1024;

 private:
  void Run(const std::string& path, std::chrono::milliseconds interval, int restart_frames);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  long long checkpoints_ = 0;
  long long restarts_ = 0;
  long long catch_ups_ = 0;
  std::atomic<bool> catch_up_wanted_{false};
  int catch_up_frames_;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace amity::store
