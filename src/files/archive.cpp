#include "files/archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace amity::files {
namespace {

constexpr size_t kPiece = 1 << 20;

[[noreturn]] void Fail(const std::string& what) { throw std::runtime_error(what); }

std::string SystemError(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

struct WriterDeleter {
  void operator()(archive* handle) const { archive_write_free(handle); }
};
struct ReaderDeleter {
  void operator()(archive* handle) const { archive_read_free(handle); }
};
struct EntryDeleter {
  void operator()(archive_entry* entry) const { archive_entry_free(entry); }
};

// Closes a descriptor on every path out.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) close(fd);
  }
};

}  // namespace

void WriteArchive(const std::string& path, const std::vector<ArchiveMember>& members,
                  const ArchiveProgress& progress) {
  const std::string partial = path + ".partial";
  std::uint64_t total = 0;
  for (const ArchiveMember& member : members) {
    struct stat info {};
    if (stat(member.source.c_str(), &info) != 0) Fail(SystemError("cannot read", member.source));
    total += static_cast<std::uint64_t>(info.st_size);
  }
  try {
    Descriptor out{open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
    if (out.fd < 0) Fail(SystemError("cannot create", partial));
    std::unique_ptr<archive, WriterDeleter> writer(archive_write_new());
    archive_write_set_format_pax_restricted(writer.get());
    archive_write_set_bytes_in_last_block(writer.get(), 1);
    if (archive_write_open_fd(writer.get(), out.fd) != ARCHIVE_OK) {
      Fail("cannot write " + partial + ": " + archive_error_string(writer.get()));
    }
    std::vector<char> buffer(kPiece);
    std::uint64_t done = 0;
    for (const ArchiveMember& member : members) {
      Descriptor in{open(member.source.c_str(), O_RDONLY | O_CLOEXEC)};
      struct stat info {};
      if (in.fd < 0 || fstat(in.fd, &info) != 0) Fail(SystemError("cannot read", member.source));
      std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
      archive_entry_set_pathname(entry.get(), member.name.c_str());
      archive_entry_set_size(entry.get(), info.st_size);
      archive_entry_set_filetype(entry.get(), AE_IFREG);
      archive_entry_set_perm(entry.get(), 0640);
      archive_entry_set_mtime(entry.get(), info.st_mtime, 0);
      if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK) {
        Fail("cannot write " + partial + ": " + archive_error_string(writer.get()));
      }
      for (;;) {
        const ssize_t got = read(in.fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) Fail(SystemError("cannot read", member.source));
        if (got == 0) break;
        if (archive_write_data(writer.get(), buffer.data(), static_cast<size_t>(got)) != got) {
          Fail("cannot write " + partial + ": " + archive_error_string(writer.get()));
        }
        done += static_cast<std::uint64_t>(got);
        if (progress && !progress(done, total)) Fail("stopped");
      }
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK) {
      Fail("cannot write " + partial + ": " + archive_error_string(writer.get()));
    }
    if (fsync(out.fd) != 0) Fail(SystemError("cannot sync", partial));
  } catch (...) {
    unlink(partial.c_str());
    throw;
  }
  if (rename(partial.c_str(), path.c_str()) != 0) {
    const std::string error = SystemError("cannot rename", partial);
    unlink(partial.c_str());
    Fail(error);
  }
}

void ReadArchive(const std::string& path,
                 const std::function<std::string(std::string_view, std::uint64_t)>& destination,
                 const std::function<void(std::string_view, const std::string&)>& written) {
  std::unique_ptr<archive, ReaderDeleter> reader(archive_read_new());
  archive_read_support_format_tar(reader.get());
  if (archive_read_open_filename(reader.get(), path.c_str(), kPiece) != ARCHIVE_OK) {
    Fail("cannot read " + path + ": " + archive_error_string(reader.get()));
  }
  std::vector<char> buffer(kPiece);
  archive_entry* entry = nullptr;
  for (;;) {
    const int status = archive_read_next_header(reader.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status != ARCHIVE_OK) {
      Fail("cannot read " + path + ": " + archive_error_string(reader.get()));
    }
    const std::string name = archive_entry_pathname(entry);
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    if (archive_entry_filetype(entry) != AE_IFREG) {
      Fail(path + " holds " + name + ", which is not a regular file");
    }
    const std::string target =
        destination(name, static_cast<std::uint64_t>(archive_entry_size(entry)));
    Descriptor out{open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)};
    if (out.fd < 0) Fail(SystemError("cannot create", target));
    for (;;) {
      const la_ssize_t got = archive_read_data(reader.get(), buffer.data(), buffer.size());
      if (got < 0) Fail("cannot read " + path + ": " + archive_error_string(reader.get()));
      if (got == 0) break;
      for (la_ssize_t put = 0; put < got;) {
        const ssize_t wrote = write(out.fd, buffer.data() + put, static_cast<size_t>(got - put));
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0) Fail(SystemError("cannot write", target));
        put += wrote;
      }
    }
    if (fsync(out.fd) != 0) Fail(SystemError("cannot sync", target));
    written(name, target);
  }
}

}  // namespace amity::files
