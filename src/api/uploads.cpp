#include "api/uploads.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "api/access.h"
#include "api/files.h"
#include "api/responses.h"
#include "base/id.h"
#include "base/text.h"
#include "domain/files.h"
#include "domain/resources.h"
#include "files/blob_store.h"
#include "files/sniff.h"
#include "http/error.h"
#include "store/files.h"

namespace amity::api {
namespace json = boost::json;

namespace {

constexpr char kTusVersion[] = "1.0.0";
constexpr auto kUploadLifetime = std::chrono::hours(24);

[[noreturn]] void Refuse(int status, std::string title, std::string field, std::string code,
                         std::string message) {
  throw http::HttpError(status, std::move(title),
                        {{std::move(field), std::move(code), std::move(message)}},
                        {{"Tus-Resumable", kTusVersion}});
}

// Every tus request may name the protocol version; another than 1.0.0 answers 412.
void CheckTusVersion(const http::Request& request) {
  const auto version = request.Header("Tus-Resumable");
  if (version && *version != kTusVersion) {
    throw http::HttpError(412, "Unsupported tus version",
                          {{"Tus-Resumable", "unsupported_version",
                            "this server speaks tus " + std::string(kTusVersion)}},
                          {{"Tus-Resumable", kTusVersion}, {"Tus-Version", kTusVersion}});
  }
}

// A header holding a whole number of bytes; nullopt when absent.
std::optional<std::uint64_t> ByteCount(const http::Request& request, const char* header) {
  const auto text = request.Header(header);
  if (!text) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() || end != text->data() + text->size()) {
    Refuse(400, "Invalid header", header, "invalid_number",
           std::string(header) + " must be a whole number of bytes");
  }
  return value;
}

files::BlobStore& Blobs(const Call& call) {
  if (!call.context.blobs) {
    throw http::HttpError(503, "Files unavailable",
                          {{"", "files_unavailable", "this server keeps no files"}});
  }
  return *call.context.blobs;
}

// Upload-Metadata: "key base64,key base64,…" (standard base64 with padding).
std::unordered_map<std::string, std::string> ParseMetadata(std::string_view header) {
  std::unordered_map<std::string, std::string> metadata;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view pair = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.empty()) continue;
    const size_t space = pair.find(' ');
    const std::string key(pair.substr(0, space));
    std::string encoded(space == std::string_view::npos ? "" : pair.substr(space + 1));
    for (char& c : encoded) {
      if (c == '+') c = '-';
      if (c == '/') c = '_';
    }
    while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
    const auto value = DecodeBase64Url(encoded);
    if (!value) {
      Refuse(400, "Invalid upload metadata", "Upload-Metadata", "invalid_base64",
             "the value of \"" + key + "\" is not base64");
    }
    if (!metadata.emplace(key, *value).second) {
      Refuse(400, "Invalid upload metadata", "Upload-Metadata", "duplicate_key",
             "\"" + key + "\" is given twice");
    }
  }
  return metadata;
}

json::object UploadJson(const store::UploadRow& upload, std::uint64_t offset) {
  json::object object{{"id", upload.id},
                      {"name", upload.name},
                      {"holder", upload.holder},
                      {"holder_id", upload.holder_id},
                      {"milestone", upload.milestone ? json::value(*upload.milestone) : nullptr},
                      {"personal_data", upload.personal_data},
                      {"length", upload.length},
                      {"offset", offset},
                      {"created_at", upload.created_at},
                      {"expires_at", upload.expires_at},
                      {"file_id", upload.file_id ? json::value(*upload.file_id) : nullptr}};
  return object;
}

// The caller's upload named by the path, or 404 (another user's uploads do not exist for them).
store::UploadRow LoadOwnUpload(const Call& call) {
  const std::string_view id = call.Param("id");
  RequireUuid(id, "upload");
  auto upload = store::GetUpload(call.db, id);
  if (!upload || upload->caller != call.principal.user_id ||
      upload->expires_at < FormatInstant(call.now)) {
    NotFound("upload");
  }
  return std::move(*upload);
}

// How many bytes of the upload the server holds: the size of its file (all, once finished).
std::uint64_t ReceivedBytes(const Call& call, const store::UploadRow& upload) {
  if (upload.file_id) return static_cast<std::uint64_t>(upload.length);
  struct stat info {};
  if (stat(Blobs(call).UploadPath(upload.id).c_str(), &info) != 0) return 0;
  return static_cast<std::uint64_t>(info.st_size);
}

http::Pairs OffsetHeaders(const store::UploadRow& upload, std::uint64_t offset) {
  http::Pairs headers{{"Tus-Resumable", kTusVersion},
                      {"Upload-Offset", std::to_string(offset)},
                      {"Upload-Length", std::to_string(upload.length)},
                      {"Cache-Control", "no-store"}};
  if (upload.file_id) {
    headers.emplace_back("Amity-File-Id", *upload.file_id);
    headers.emplace_back("Location", "/api/v1/files/" + *upload.file_id);
  }
  return headers;
}

class UploadSink : public http::BodySink {
 public:
  UploadSink(std::shared_ptr<UploadState> state, int fd, std::uint64_t offset, std::uint64_t length,
             std::uint64_t writer)
      : state_(std::move(state)), fd_(fd), position_(offset), length_(length), writer_(writer) {}
  ~UploadSink() override { close(fd_); }

  void Write(std::string_view bytes) override {
    std::lock_guard lock(state_->mutex);
    if (state_->writer != writer_) {
      Refuse(409, "Upload continued elsewhere", "Upload-Offset", "upload_taken_over",
             "a later request continues this upload");
    }
    if (bytes.size() > length_ - position_) {
      Refuse(413, "Upload longer than announced", "Upload-Length", "upload_too_long",
             "the body goes past the Upload-Length of " + std::to_string(length_) + " bytes");
    }
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t wrote = pwrite(fd_, bytes.data() + done, bytes.size() - done,
                                   static_cast<off_t>(position_ + done));
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote < 0) {
        throw NotSaved(std::string("the server could not store the bytes: ") +
                       std::strerror(errno) + "; continue the upload later");
      }
      done += static_cast<size_t>(wrote);
    }
    if (state_->hash_usable && state_->hashed == position_) {
      state_->hash.Update(bytes);
      state_->hashed += bytes.size();
    } else {
      state_->hash_usable = false;
    }
    position_ += bytes.size();
  }

  std::uint64_t position() const { return position_; }
  std::uint64_t writer() const { return writer_; }

 private:
  std::shared_ptr<UploadState> state_;
  int fd_;
  std::uint64_t position_;
  std::uint64_t length_;
  std::uint64_t writer_;
};

// Checks what a PATCH says against the upload: its version, type and Upload-Offset, which must
// be the bytes the server holds (409 otherwise: the client asks with HEAD and continues there).
void CheckPatch(const Call& call, const store::UploadRow& upload, std::uint64_t held) {
  CheckTusVersion(call.request);
  const auto type = call.request.Header("Content-Type");
  if (!type || *type != "application/offset+octet-stream") {
    Refuse(415, "Unsupported media type", "Content-Type", "unsupported_media_type",
           "send the bytes as Content-Type: application/offset+octet-stream");
  }
  const auto offset = ByteCount(call.request, "Upload-Offset");
  if (!offset) {
    Refuse(400, "Missing header", "Upload-Offset", "required",
           "say where these bytes start with Upload-Offset");
  }
  if (*offset != held) {
    Refuse(
        409, "Offset mismatch", "Upload-Offset", "offset_mismatch",
        "the server holds " + std::to_string(held) + " bytes of this upload; continue from there");
  }
  const auto length = ByteCount(call.request, "Content-Length");
  if (length && *length > static_cast<std::uint64_t>(upload.length) - held) {
    Refuse(413, "Upload longer than announced", "Upload-Length", "upload_too_long",
           "the body goes past the Upload-Length of " + std::to_string(upload.length) + " bytes");
  }
}

// The last byte arrived: the upload becomes a file of its record. Its bytes are hashed, their
// type sniffed and judged, the blob moved into the store, then the file row committed.
http::Response FinishUpload(Call& call, const store::UploadRow& upload, UploadState* state) {
  files::BlobStore& blobs = Blobs(call);
  const std::string path = blobs.UploadPath(upload.id);
  std::string sha256;
  if (state != nullptr && state->hash_usable &&
      state->hashed == static_cast<std::uint64_t>(upload.length)) {
    sha256 = state->hash.Finish();
  } else {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open upload " + upload.id);
    try {
      sha256 = files::Sha256OfFile(fd);
    } catch (...) {
      close(fd);
      throw;
    }
    close(fd);
  }
  const std::string media_type = files::SniffMediaType(path);
  const auto forget = [&] {
    store::Tx tx(call.db);
    store::DeleteUpload(call.db, upload.id);
    tx.Commit();
    unlink(path.c_str());
    call.context.uploads->Forget(upload.id);
  };
  if (!domain::FileTypeAllowed(media_type, call.context.file_types)) {
    forget();
    throw http::HttpError(415, "File type not accepted",
                          {{"file", "unsupported_file_type",
                            "the file's bytes are " + media_type +
                                ", which this server does not accept (whatever its name says)"}},
                          {{"Tus-Resumable", kTusVersion}});
  }
  blobs.Adopt(path, sha256);
  store::FileRow file{.id = NewId(),
                      .created_at = FormatInstant(call.now),
                      .updated_at = FormatInstant(call.now),
                      .instance_id = call.context.instance_id,
                      .holder = upload.holder,
                      .holder_id = upload.holder_id,
                      .milestone = upload.milestone,
                      .name = upload.name,
                      .media_type = media_type,
                      .size = upload.length,
                      .sha256 = sha256,
                      .personal_data = upload.personal_data,
                      .created_by = call.principal.user_id};
  {
    store::Tx tx(call.db);
    LoadHolder(call, upload.holder, upload.holder_id, true);
    store::InsertFile(call.db, file, {call.Actor(), call.now, call.context.instance_id});
    store::FinishUploadRow(call.db, upload.id, file.id);
    tx.Commit();
  }
  call.context.uploads->Forget(upload.id);
  // The thumbnail and the text follow in the background: a 20-megapixel PNG takes over a second.
  if (call.context.file_created) call.context.file_created();
  store::UploadRow finished = upload;
  finished.file_id = file.id;
  http::Response response = NoContent();
  response.headers = OffsetHeaders(finished, upload.length);
  return response;
}

}  // namespace

std::shared_ptr<UploadState> UploadRegistry::Get(const std::string& upload_id) {
  std::lock_guard lock(mutex_);
  auto& state = states_[upload_id];
  if (!state) state = std::make_shared<UploadState>();
  return state;
}

void UploadRegistry::Forget(const std::string& upload_id) {
  std::lock_guard lock(mutex_);
  states_.erase(upload_id);
}

std::shared_ptr<http::BodySink> OpenUploadSink(Call& call) {
  const store::UploadRow upload = LoadOwnUpload(call);
  const std::string path = Blobs(call).UploadPath(upload.id);
  std::shared_ptr<UploadState> state = call.context.uploads->Get(upload.id);
  std::lock_guard lock(state->mutex);  // an older writer finishes its piece first
  const std::uint64_t held = ReceivedBytes(call, upload);
  CheckPatch(call, upload, held);
  if (upload.file_id) {
    Refuse(409, "Upload finished", "Upload-Offset", "upload_finished",
           "this upload is complete: it became file " + *upload.file_id);
  }
  const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open upload " + upload.id);
  if (state->hashed != held) state->hash_usable = false;
  return std::make_shared<UploadSink>(state, fd, held, upload.length, ++state->writer);
}

http::Response CreateUpload(Call& call) {
  CheckTusVersion(call.request);
  files::BlobStore& blobs = Blobs(call);
  if (call.request.Header("Upload-Defer-Length")) {
    Refuse(400, "Length required", "Upload-Defer-Length", "unsupported",
           "say the file's length with Upload-Length");
  }
  const auto length = ByteCount(call.request, "Upload-Length");
  if (!length) {
    Refuse(400, "Missing header", "Upload-Length", "required",
           "say the file's length in bytes with Upload-Length");
  }
  const auto metadata = ParseMetadata(call.request.Header("Upload-Metadata").value_or(""));
  for (const auto& [key, value] : metadata) {
    if (key != "filename" && key != "holder" && key != "holder_id" && key != "milestone" &&
        key != "personal_data" && key != "filetype") {
      Refuse(400, "Invalid upload metadata", "Upload-Metadata", "unknown_field",
             "\"" + key +
                 "\" is not known; send filename, holder, holder_id and optionally "
                 "milestone and personal_data");
    }
  }
  const auto value = [&](const char* key) -> std::optional<std::string> {
    const auto found = metadata.find(key);
    if (found == metadata.end()) return std::nullopt;
    return found->second;
  };
  // Where the file goes and whether the caller may put it there, before what it is.
  const std::string holder = value("holder").value_or("");
  const std::string holder_id = value("holder_id").value_or("");
  LoadHolder(call, holder, holder_id, true);
  Problems problems;
  const std::string name = value("filename").value_or("");
  for (Problem& problem : domain::CheckFileName(name, "filename")) {
    problems.push_back(std::move(problem));
  }
  const auto milestone = value("milestone");
  if (milestone) {
    const auto& kinds = domain::kMilestoneKinds;
    if (holder != "partnerships") {
      problems.push_back({"milestone", "not_a_partnership",
                          "only a partnership's files can document a legal step"});
    } else if (std::find(std::begin(kinds), std::end(kinds), *milestone) == std::end(kinds)) {
      problems.push_back({"milestone", "invalid_choice",
                          "\"" + *milestone + "\" is not a legal step (milestone kind)"});
    }
  }
  const std::string personal = value("personal_data").value_or("false");
  if (personal != "true" && personal != "false") {
    problems.push_back({"personal_data", "invalid_type", "personal_data is true or false"});
  }
  if (*length == 0) {
    problems.push_back(
        {"Upload-Length", "empty_file", "the file is empty: there is nothing to keep"});
  }
  if (!problems.empty()) throw http::HttpError(422, "Invalid upload", problems);
  if (*length > call.context.max_file_bytes) {
    Refuse(413, "File too large", "Upload-Length", "file_too_large",
           "the file has " + std::to_string(*length) +
               " bytes; this server keeps files of at most " +
               std::to_string(call.context.max_file_bytes) + " bytes");
  }
  store::UploadRow upload{.id = NewId(),
                          .caller = call.principal.user_id,
                          .holder = holder,
                          .holder_id = holder_id,
                          .milestone = milestone,
                          .name = name,
                          .length = static_cast<long long>(*length),
                          .personal_data = personal == "true" || domain::AlwaysPersonalData(holder),
                          .created_at = FormatInstant(call.now),
                          .expires_at = FormatInstant(call.now + kUploadLifetime)};
  const std::string path = blobs.UploadPath(upload.id);
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) {
    throw NotSaved(std::string("the server could not start the upload: ") + std::strerror(errno));
  }
  close(fd);
  try {
    store::Tx tx(call.db);
    store::InsertUpload(call.db, upload);
    tx.Commit();
  } catch (...) {
    unlink(path.c_str());
    throw;
  }
  http::Response response = JsonResponse(201, UploadJson(upload, 0));
  response.headers = OffsetHeaders(upload, 0);
  response.headers.emplace_back("Location", "/api/v1/uploads/" + upload.id);
  return response;
}

http::Response GetUpload(Call& call) {
  CheckTusVersion(call.request);
  const store::UploadRow upload = LoadOwnUpload(call);
  const std::uint64_t held = ReceivedBytes(call, upload);
  http::Response response = JsonResponse(200, UploadJson(upload, held));
  response.headers = OffsetHeaders(upload, held);
  return response;
}

http::Response PatchUpload(Call& call) {
  const store::UploadRow upload = LoadOwnUpload(call);
  auto* sink = dynamic_cast<UploadSink*>(call.request.sink.get());
  std::uint64_t held = 0;
  std::shared_ptr<UploadState> state = call.context.uploads->Get(upload.id);
  if (sink == nullptr) {  // no body (or an empty one): nothing to write, the offset checked
    held = ReceivedBytes(call, upload);
    CheckPatch(call, upload, held);
    if (upload.file_id) {  // finished before: the same answer again
      http::Response response = NoContent();
      response.headers = OffsetHeaders(upload, held);
      return response;
    }
  } else {
    std::lock_guard lock(state->mutex);
    if (state->writer != sink->writer()) {
      Refuse(409, "Upload continued elsewhere", "Upload-Offset", "upload_taken_over",
             "a later request continues this upload");
    }
    held = sink->position();
    if (held == static_cast<std::uint64_t>(upload.length)) ++state->writer;  // no one writes now
  }
  if (held == static_cast<std::uint64_t>(upload.length)) {
    return FinishUpload(call, upload, state.get());
  }
  http::Response response = NoContent();
  response.headers = OffsetHeaders(upload, held);
  return response;
}

http::Response CancelUpload(Call& call) {
  CheckTusVersion(call.request);
  const store::UploadRow upload = LoadOwnUpload(call);
  {
    store::Tx tx(call.db);
    store::DeleteUpload(call.db, upload.id);
    tx.Commit();
  }
  if (!upload.file_id) unlink(Blobs(call).UploadPath(upload.id).c_str());
  call.context.uploads->Forget(upload.id);
  http::Response response = NoContent();
  response.headers.emplace_back("Tus-Resumable", kTusVersion);
  return response;
}

}  // namespace amity::api
