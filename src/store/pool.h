// A fixed set of connections to one database file, lent one at a time. Each server thread
// borrows a connection per request, so prepared statements are reused without locking.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/checkpointer.h"
#include "store/db.h"
#include "store/record_cache.h"

namespace amity::store {

struct PoolOptions {
  size_t record_cache_bytes = 0;        // a shared RecordCache of this size; 0: none
  bool background_checkpoints = false;  // a Checkpointer instead of checkpoints in commits
};

class Pool {
 public:
  // Opens `size` connections to `path`. Throws DbError.
  Pool(const std::string& path, int size, PoolOptions options = {});

  // A borrowed connection, returned to the pool when destroyed.
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Db> db) : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Db& operator*() { return *db_; }
    Db* operator->() { return db_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Db> db_;
  };

  // Waits until a connection is free and lends it.
  Lease Acquire();

  // Checkpointer::CatchUp on a connection of the pool, for the writer between two writes. No-op
  // without background checkpoints.
  void CatchUpCheckpoint();

  // Null when the pool was made without a record cache, or without background checkpoints.
  RecordCache* record_cache() { return record_cache_.get(); }
  const Checkpointer* checkpointer() const { return checkpointer_.get(); }

 private:
  void Return(std::unique_ptr<Db> db);

  std::unique_ptr<RecordCache> record_cache_;  // before the connections that point to it
  std::unique_ptr<Checkpointer> checkpointer_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Db>> idle_;
};

}  // namespace amity::store
