#include "store/pool.h"

namespace amity::store {

Pool::Pool(const std::string& path, int size, PoolOptions options) {
  if (options.record_cache_bytes > 0) {
    record_cache_ = std::make_unique<RecordCache>(options.record_cache_bytes);
  }
  for (int i = 0; i < size; ++i) {
    idle_.push_back(std::make_unique<Db>(path));
    idle_.back()->set_record_cache(record_cache_.get());
    if (options.background_checkpoints) idle_.back()->Exec("PRAGMA wal_autocheckpoint = 0");
  }
  if (options.background_checkpoints) {
    // Every 25 ms: each pass copies less, so the RESTART that follows a busy pass holds writers
    // back for the frames of a shorter moment. Against 100 ms, in five pairs of stand-alone POST
    // runs (bench/RESULTS.md), p99 was lower in each pair (14.0-16.1 ms against 15.3-17.3 ms) at
    // the same CPU per request.
    checkpointer_ = std::make_unique<Checkpointer>(path, std::chrono::milliseconds(25));
  }
}

void Pool::CatchUpCheckpoint() {
  if (!checkpointer_ || !checkpointer_->CatchUpWanted()) return;  // borrows nothing in vain
  Lease db = Acquire();
  checkpointer_->CatchUp(*db);
}

Pool::Lease::~Lease() {
  if (db_) pool_->Return(std::move(db_));
}

Pool::Lease Pool::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<Db> db = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(db));
}

void Pool::Return(std::unique_ptr<Db> db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace amity::store
