// Tar archives (POSIX pax, libarchive) of files on disk, written and read a piece at a time so
// that memory stays flat whatever the files' sizes: the backup of a database and its files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace amity::files {

struct ArchiveMember {
  std::string name;    // inside the archive, e.g. "files/blobs/ab/abcd…"
  std::string source;  // the file on disk
};

// Told after each piece: bytes written so far and bytes of the whole archive's files. Returns
// false to stop (the write then fails).
using ArchiveProgress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

// Writes `members` as a tar archive to `path`.partial, syncs it and renames it to `path`; on
// failure removes the partial file and throws std::runtime_error with one line saying why.
void WriteArchive(const std::string& path, const std::vector<ArchiveMember>& members,
                  const ArchiveProgress& progress = {});

// Reads the tar archive at `path`: for each regular file, `destination(name, size)` returns where
// to write it (it throws to refuse an entry); the bytes are written there, and `written(name,
// path)` is called once the file is complete and synced. Throws std::runtime_error when the
// archive cannot be read or holds anything but regular files and folders.
void ReadArchive(
    const std::string& path,
    const std::function<std::string(std::string_view name, std::uint64_t size)>& destination,
    const std::function<void(std::string_view name, const std::string& path)>& written);

}  // namespace amity::files
