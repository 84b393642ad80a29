// Records as the API shows them (the JSON text AppendRecordJson writes), kept in memory by id
// and version so that hot reads copy bytes instead of decoding rows and escaping text again.
// A record's JSON is a function of its row alone, and every change to a row increments its
// version, so an entry is either exact or not found: nothing is ever invalidated by hand. The
// cache holds at most `capacity_bytes` of JSON and drops the least recently used records first.
// Safe to share between threads (one mutex; a lookup holds it for a copy of ~1 KB).
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace amity::store {

class RecordCache {
 public:
  explicit RecordCache(size_t capacity_bytes) : capacity_(capacity_bytes) {}
  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;

  // Appends the JSON of record `id` at `version` to `out` and returns true when it is cached.
  bool Append(std::string_view id, long long version, std::string& out);

  // Keeps `json` as record `id` at `version`, replacing an older version of it. Only text read
  // from committed rows may be put here (see Db::InWriteTransaction).
  void Put(std::string_view id, long long version, std::string_view json);

  struct Stats {
    long long hits = 0;
    long long misses = 0;
    size_t entries = 0;
    size_t bytes = 0;
  };
  Stats stats();

 private:
  struct Entry {
    std::string id;
    long long version;
    std::string json;
  };
  void EvictOverCapacity();  // with mutex_ held

  const size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> by_id_;  // keys view Entry::id
  size_t bytes_ = 0;
  long long hits_ = 0;
  long long misses_ = 0;
};

}  // namespace amity::store
