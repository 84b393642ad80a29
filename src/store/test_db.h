// For the store's tests: the path of a database file in the temporary directory, removed (with
// its WAL and shared-memory files) so that each test starts from nothing.
#pragma once

#include <filesystem>
#include <string>

namespace amity::store {

inline std::string FreshDbPath(const char* name) {
  const auto path = std::filesystem::temp_directory_path() / name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

}  // namespace amity::store
