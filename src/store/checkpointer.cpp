#include "store/checkpointer.h"

#include <algorithm>
#include <cstdio>
#include <thread>

#include "store/db.h"

namespace amity::store {

Checkpointer::Checkpointer(const std::string& path, std::chrono::milliseconds interval,
                           int restart_frames, int catch_up_frames)
    : catch_up_frames_(catch_up_frames),
      thread_([this, path, interval, restart_frames] { Run(path, interval, restart_frames); }) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

long long Checkpointer::checkpoints() const {
  std::lock_guard lock(mutex_);
  return checkpoints_;
}

long long Checkpointer::catch_ups() const {
  std::lock_guard lock(mutex_);
  return catch_ups_;
}

void Checkpointer::CatchUp(Db& db) {
  if (!CatchUpWanted()) return;
  int log_frames = 0, copied = 0;
  // PASSIVE never waits: SQLITE_BUSY while the thread's own pass runs, and then the next call
  // tries again.
  const int code = sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                             &log_frames, &copied);
  if (code == SQLITE_OK && copied == log_frames) {
    catch_up_wanted_.store(false, std::memory_order_relaxed);
    std::lock_guard lock(mutex_);
    ++catch_ups_;
  } else if (code != SQLITE_OK && code != SQLITE_BUSY && code != SQLITE_LOCKED) {
    std::fprintf(stderr, "amity: checkpoint between writes failed: %s\n", sqlite3_errstr(code));
  }
}

long long Checkpointer::restarts() const {
  std::lock_guard lock(mutex_);
  return restarts_;
}

void Checkpointer::Run(const std::string& path, std::chrono::milliseconds interval,
                       int restart_frames) {
  try {
    Db db(path);
    // A RESTART checkpoint holds new writers back while it waits for the last readers of the log,
    // so it must not wait the way SQLite's busy timeout does (sleeps that grow to 100 ms, for 5 s):
    // poll every 50 µs, for at most 20 ms. A reader that keeps the log longer (a backup, say)
    // makes it give up, and it tries again only a second later, so writers are never held back
    // for long.
    sqlite3_busy_handler(
        db.handle(),
        [](void*, int attempts) {
          if (attempts >= 400) return 0;
          std::this_thread::sleep_for(std::chrono::microseconds(50));
          return 1;
        },
        nullptr);
    int restart_pause = 0;  // passes left before the next RESTART attempt
    for (bool last = false; !last;) {
      {
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, interval, [this] { return stopping_; });
        last = stopping_;
      }
      int log_frames = 0, copied = 0;
      int code = sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                           &log_frames, &copied);
      if (code == SQLITE_OK && log_frames > catch_up_frames_) {
        catch_up_wanted_.store(true, std::memory_order_relaxed);
      }
      bool restarted = false;
      if (restart_pause > 0) --restart_pause;
      if (code == SQLITE_OK && log_frames > restart_frames && restart_pause == 0) {
        code = sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_RESTART,
                                         &log_frames, &copied);
        restarted = code == SQLITE_OK;
        if (code == SQLITE_BUSY) {
          restart_pause = std::max(1, static_cast<int>(std::chrono::seconds(1) / interval));
        }
      }
      if (code == SQLITE_OK) {
        std::lock_guard lock(mutex_);
        ++checkpoints_;
        restarts_ += restarted;
      } else if (code != SQLITE_BUSY && code != SQLITE_LOCKED) {
        std::fprintf(stderr, "amity: background checkpoint failed: %s\n", sqlite3_errstr(code));
      }
    }
  } catch (const DbError& error) {
    // Without this thread the WAL only grows until the next start; say so rather than die.
    std::fprintf(stderr, "amity: background checkpoints stopped: %s\n", error.what());
  }
}

}  // namespace amity::store
