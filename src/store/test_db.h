// For the store's tests: the path of a database file in the temporary directory, removed (with
// its WAL and shared-memory files) so that each test starts from nothing. The name carries the
// process id: ctest runs each test case as its own process, two at a time, and cases of one
// fixture share a name. The files go when the process exits.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace amity::store {

inline void RemoveDbFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

inline std::string FreshDbPath(const char* name) {
  static std::mutex mutex;
  static std::vector<std::string> made;
  const std::string path = (std::filesystem::temp_directory_path() /
                            (std::string(name) + "." + std::to_string(getpid())))
                               .string();
  RemoveDbFiles(path);
  std::lock_guard lock(mutex);
  if (made.empty()) {
    std::atexit([] {
      for (const std::string& file : made) RemoveDbFiles(file);
    });
  }
  made.push_back(path);
  return path;
}

}  // namespace amity::store
