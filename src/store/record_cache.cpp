#include "store/record_cache.h"

namespace amity::store {

namespace {
// What an entry costs besides its JSON: the id, the list node and the map slot, roughly.
constexpr size_t kEntryOverhead = 128;
}  // namespace

bool RecordCache::Append(std::string_view id, long long version, std::string& out) {
  std::lock_guard lock(mutex_);
  const auto found = by_id_.find(id);
  if (found == by_id_.end() || found->second->version != version) {
    ++misses_;
    return false;
  }
  ++hits_;
  recent_.splice(recent_.begin(), recent_, found->second);
  out.append(found->second->json);
  return true;
}

void RecordCache::Put(std::string_view id, long long version, std::string_view json) {
  const size_t cost = json.size() + id.size() + kEntryOverhead;
  if (cost > capacity_) return;
  std::lock_guard lock(mutex_);
  if (const auto found = by_id_.find(id); found != by_id_.end()) {
    Entry& entry = *found->second;
    if (entry.version > version) return;  // a newer version is already here
    bytes_ -= entry.json.size();
    entry.version = version;
    entry.json.assign(json);
    bytes_ += entry.json.size();
    recent_.splice(recent_.begin(), recent_, found->second);
  } else {
    recent_.push_front(Entry{std::string(id), version, std::string(json)});
    by_id_.emplace(recent_.front().id, recent_.begin());
    bytes_ += cost;
  }
  EvictOverCapacity();
}

void RecordCache::EvictOverCapacity() {
  while (bytes_ > capacity_ && !recent_.empty()) {
    const Entry& oldest = recent_.back();
    bytes_ -= oldest.json.size() + oldest.id.size() + kEntryOverhead;
    by_id_.erase(oldest.id);
    recent_.pop_back();
  }
}

RecordCache::Stats RecordCache::stats() {
  std::lock_guard lock(mutex_);
  return Stats{hits_, misses_, by_id_.size(), bytes_};
}

}  // namespace amity::store
