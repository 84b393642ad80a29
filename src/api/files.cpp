#include "api/files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "api/access.h"
#include "api/exchange_agreements.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/files.h"
#include "files/blob_store.h"
#include "http/download.h"
#include "http/error.h"
#include "store/exchange_calls.h"
#include "store/files.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// Types a browser may show in its own page (Content-Disposition: inline) when asked: none of
// them runs script from our origin.
bool ShownInline(std::string_view media_type) {
  return media_type.starts_with("image/") || media_type.starts_with("video/") ||
         media_type.starts_with("audio/") || media_type == "application/pdf" ||
         media_type == "text/plain";
}

bool MaySeeFile(const Call& call, const store::FileRow& file) {
  return !file.personal_data || domain::SeesEverything(call.principal);
}

// Who may remove a file from its record (`facts`): who may archive the record, and the uploader
// while it may still change the record. ArchiveFileHandler enforces it; files show it.
// An application's documents (no `spec`): the officers who may write applications.
bool MayRemove(const Call& call, const store::FileRow& file, const domain::ResourceSpec* spec,
               const json::object& holder) {
  if (spec == nullptr) return IsExchangeWriter(call.principal);
  // A replica's file is the owner's to remove (docs/FEDERATION.md, "Files").
  if (file.instance_id != call.context.instance_id) return false;
  const domain::RecordFacts facts = FactsOf(*spec, holder);
  if (domain::CanArchive(call.principal, facts)) return true;
  return file.created_by == call.principal.user_id && domain::CanEdit(call.principal, facts);
}

// The application `id` when the caller may see it (home roles only: to anyone else it does not
// exist).
std::optional<store::ExchangeApplication> SeenApplication(const Call& call, std::string_view id) {
  if (!domain::SeesEverything(call.principal) || !IsUuid(id)) return std::nullopt;
  return store::GetApplication(call.db, id);
}

json::object FileJson(const Call& call, const store::FileRow& file, bool may_remove) {
  json::object object{
      {"id", file.id},
      {"version", file.version},
      {"holder", file.holder},
      {"holder_id", file.holder_id},
      {"milestone", file.milestone ? json::value(*file.milestone) : nullptr},
      {"name", file.name},
      {"media_type", file.media_type},
      {"size", file.size},
      {"sha256", file.sha256},
      {"personal_data", file.personal_data},
      {"archived", file.archived},
      {"created_at", file.created_at},
      {"instance_id", file.instance_id},
      {"content_url", "/api/v1/files/" + file.id + "/content"},
      {"thumbnail_url", file.thumbnail ? json::value("/api/v1/files/" + file.id + "/thumbnail")
                                       : json::value(nullptr)},
      {"may_remove", may_remove}};
  // Who uploaded it is the home city's to know, like a record's creator.
  if (domain::SeesEverything(call.principal)) object["created_by"] = file.created_by;
  return object;
}

using Found = VisibleFile;

// The live file named by the path, with its holder, when the caller may see both; 404 otherwise.
Found LoadVisibleFile(const Call& call) {
  const std::string_view id = call.Param("id");
  RequireUuid(id, "file");
  auto found = FindVisibleFile(call, id);
  if (!found) NotFound("file");
  return std::move(*found);
}

}  // namespace

std::optional<VisibleFile> FindVisibleFile(const Call& call, std::string_view id) {
  auto file = store::GetFile(call.db, id);
  if (!file || file->archived || !MaySeeFile(call, *file)) return std::nullopt;
  if (file->holder == domain::kApplicationFileHolder) {
    if (!SeenApplication(call, file->holder_id)) return std::nullopt;
    json::object holder{{"id", file->holder_id}};
    return VisibleFile{std::move(*file), nullptr, std::move(holder)};
  }
  const domain::ResourceSpec* spec = domain::FindResource(file->holder);
  auto holder = spec ? store::GetRecord(call.db, *spec, file->holder_id) : std::nullopt;
  if (!holder || holder->at("archived").as_bool() ||
      !domain::CanSee(call.principal, FactsOf(*spec, *holder))) {
    return std::nullopt;
  }
  return VisibleFile{std::move(*file), spec, std::move(*holder)};
}

json::object LoadHolder(const Call& call, std::string_view holder, std::string_view holder_id,
                        bool for_write) {
  const auto& holders = domain::FileHolders();
  if (std::find(holders.begin(), holders.end(), holder) == holders.end()) {
    std::string known;
    for (const std::string& name : holders) known += (known.empty() ? "" : ", ") + name;
    throw http::HttpError(422, "Invalid upload",
                          {{"holder", holder.empty() ? "required" : "invalid_choice",
                            "files are kept with one of: " + known}});
  }
  if (holder == domain::kApplicationFileHolder) {
    const auto application = SeenApplication(call, holder_id);
    if (!application) {
      throw http::HttpError(422, "Invalid upload",
                            {{"holder_id", holder_id.empty() ? "required" : "unknown_reference",
                              "no such exchange application"}});
    }
    if (for_write && !IsExchangeWriter(call.principal)) {
      ForbidRole(call.principal, "",
                 "may not add documents to exchange applications (officers of the home city)");
    }
    if (for_write && application->status == "withdrawn") {
      throw http::HttpError(
          409, "Conflict",
          {{"holder_id", "withdrawn", "a withdrawn application takes no more documents"}});
    }
    return json::object{{"id", application->id}};
  }
  const domain::ResourceSpec& spec = *domain::FindResource(holder);
  std::optional<json::object> record;
  if (IsUuid(holder_id)) record = store::GetRecord(call.db, spec, holder_id);
  if (!record || record->at("archived").as_bool() ||
      !domain::CanSee(call.principal, FactsOf(spec, *record))) {
    throw http::HttpError(422, "Invalid upload",
                          {{"holder_id", holder_id.empty() ? "required" : "unknown_reference",
                            "no such " + std::string(spec.singular)}});
  }
  if (for_write) RequireEditable(call, spec, *record);
  return std::move(*record);
}

http::Response GetFileHandler(Call& call) {
  const Found found = LoadVisibleFile(call);
  const bool may_remove = MayRemove(call, found.file, found.spec, found.holder);
  http::Response response = JsonResponse(200, FileJson(call, found.file, may_remove));
  response.headers.emplace_back("ETag", "\"" + std::to_string(found.file.version) + "\"");
  return response;
}

namespace {

// The `disposition` query parameter (attachment, the default, or inline).
std::string RequestedDisposition(const Call& call) {
  CheckQuery(call.route.query, call.request.query);
  std::string disposition = "attachment";
  for (const auto& [name, value] : call.request.query) {
    if (name == "disposition") disposition = value;
  }
  return disposition;
}

// The bytes of `file` (whole, a Range, or 304 for its ETag), sent by the kernel, with the
// headers every download carries and `cache_control`.
http::Response SendContent(const Call& call, const store::FileRow& file, std::string disposition,
                           std::string_view cache_control) {
  if (disposition == "inline" && !ShownInline(file.media_type)) disposition = "attachment";
  const std::string etag = "\"" + file.sha256 + "\"";
  http::Pairs headers{{"ETag", etag},
                      {"Accept-Ranges", "bytes"},
                      {"Cache-Control", std::string(cache_control)},
                      {"X-Content-Type-Options", "nosniff"},
                      {"Content-Disposition", http::ContentDisposition(disposition, file.name)}};
  if (call.request.Header("If-None-Match") == std::optional<std::string_view>(etag)) {
    http::Response response{.status = 304, .content_type = "", .headers = std::move(headers)};
    return response;
  }
  const auto size = static_cast<std::uint64_t>(file.size);
  const http::RangeAnswer range =
      http::ResolveRange(call.request.Header("Range"), call.request.Header("If-Range"), etag, size);
  if (range.kind == http::RangeKind::kUnsatisfiable) {
    throw http::HttpError(
        416, "Range not satisfiable",
        {{"Range", "range_not_satisfiable", "the file has " + std::to_string(size) + " bytes"}},
        {{"Content-Range", "bytes */" + std::to_string(size)}});
  }
  if (!call.context.blobs) NotFound("file");
  const int fd = call.context.blobs->Open(file.sha256);
  if (fd < 0) throw std::runtime_error("the blob of file " + file.id + " is missing");
  http::Response response{.status = 200, .content_type = file.media_type};
  response.headers = std::move(headers);
  if (range.kind == http::RangeKind::kPartial) {
    response.status = 206;
    response.headers.emplace_back("Content-Range", http::ContentRange(range.range, size));
    response.file = std::make_shared<http::FileSlice>(fd, range.range.first, range.range.length);
  } else {
    response.file = std::make_shared<http::FileSlice>(fd, 0, size);
  }
  return response;
}

// The thumbnail of `file` (or 304 for its ETag; 404 when it has none), with `cache_control`.
http::Response SendThumbnail(const Call& call, const store::FileRow& file,
                             std::string_view cache_control) {
  if (!file.thumbnail || !call.context.blobs) {
    throw http::HttpError(404, "No thumbnail",
                          {{"", "no_thumbnail",
                            "this file has no thumbnail (not an image or a PDF, one that could "
                            "not be read, or one not made yet)"}});
  }
  const std::string etag = "\"" + *file.thumbnail + "\"";
  http::Pairs headers{{"ETag", etag},
                      {"Cache-Control", std::string(cache_control)},
                      {"X-Content-Type-Options", "nosniff"}};
  if (call.request.Header("If-None-Match") == std::optional<std::string_view>(etag)) {
    return http::Response{.status = 304, .content_type = "", .headers = std::move(headers)};
  }
  const int fd = call.context.blobs->Open(*file.thumbnail);
  if (fd < 0) throw std::runtime_error("the thumbnail of file " + file.id + " is missing");
  struct stat info {};
  if (fstat(fd, &info) != 0) {
    close(fd);
    throw std::runtime_error("cannot read the thumbnail of file " + file.id);
  }
  http::Response response{.status = 200, .content_type = "image/jpeg"};
  response.headers = std::move(headers);
  response.file =
      std::make_shared<http::FileSlice>(fd, 0, static_cast<std::uint64_t>(info.st_size));
  return response;
}

// Signed-in downloads may hold what only some callers see: no shared cache keeps them.
constexpr std::string_view kPrivateCache = "private, no-cache";
// Public files are anyone's, but a record can be unpublished or a file marked personal data at
// any time: caches keep them only while the server confirms the ETag.
constexpr std::string_view kPublicCache = "public, no-cache";

// The live file named by the path when the public may see it: not personal data, on a live
// record marked public; 404, as for a missing one, otherwise. Who calls makes no difference.
store::FileRow LoadPublicFile(const Call& call) {
  const std::string_view id = call.Param("id");
  std::optional<store::FileRow> file;
  if (IsUuid(id)) file = store::GetFile(call.db, id);
  if (file && !file->archived && !file->personal_data) {
    const domain::ResourceSpec* spec = domain::FindResource(file->holder);
    const auto holder = spec ? store::GetRecord(call.db, *spec, file->holder_id) : std::nullopt;
    if (holder && !holder->at("archived").as_bool() &&
        store::StringMember(*holder, "visibility") == "public") {
      return std::move(*file);
    }
  }
  throw http::HttpError(404, "Not found", {{"id", "not_found", "no published file with this id"}});
}

}  // namespace

http::Response FileContent(Call& call) {
  std::string disposition = RequestedDisposition(call);
  const Found found = LoadVisibleFile(call);
  return SendContent(call, found.file, std::move(disposition), kPrivateCache);
}

http::Response FileThumbnail(Call& call) {
  const Found found = LoadVisibleFile(call);
  return SendThumbnail(call, found.file, kPrivateCache);
}

http::Response PublicFileContent(Call& call) {
  std::string disposition = RequestedDisposition(call);
  return SendContent(call, LoadPublicFile(call), std::move(disposition), kPublicCache);
}

http::Response PublicFileThumbnail(Call& call) {
  return SendThumbnail(call, LoadPublicFile(call), kPublicCache);
}

std::vector<PublicImage> PublicImages(const Call& call, std::string_view holder_id) {
  std::vector<PublicImage> images;
  for (const store::FileRow& file : store::ListFiles(call.db, holder_id)) {
    if (file.personal_data || !file.media_type.starts_with("image/")) continue;
    const std::string url = "/public/files/" + file.id;
    images.push_back({file.name, url, file.thumbnail ? url + "/thumbnail" : ""});
  }
  return images;
}

namespace {

json::array FilesOf(const Call& call, const domain::ResourceSpec* spec,
                    const json::object& holder) {
  json::array items;
  for (const store::FileRow& file : store::ListFiles(call.db, holder.at("id").as_string())) {
    if (MaySeeFile(call, file)) {
      items.push_back(FileJson(call, file, MayRemove(call, file, spec, holder)));
    }
  }
  return items;
}

}  // namespace

json::array VisibleFiles(const Call& call, const domain::ResourceSpec& spec,
                         const json::object& holder) {
  return FilesOf(call, &spec, holder);
}

http::Response ListApplicationFiles(Call& call) {
  const std::string_view id = call.Param("id");
  RequireUuid(id, "exchange application");
  if (!SeenApplication(call, id)) NotFound("exchange application");
  return JsonResponse(
      200, json::object{{"items", FilesOf(call, nullptr, json::object{{"id", std::string(id)}})}});
}

http::Response ListHolderFiles(Call& call) {
  const json::object holder = LoadLiveRecord(call, *call.route.resource);
  return JsonResponse(200,
                      json::object{{"items", VisibleFiles(call, *call.route.resource, holder)}});
}

http::Response ArchiveFileHandler(Call& call) {
  store::Tx tx(call.db);
  const Found found = LoadVisibleFile(call);
  if (found.spec != nullptr) RequireOwnedHere(call, *found.spec, found.holder);
  if (!MayRemove(call, found.file, found.spec, found.holder)) {
    ForbidRole(call.principal, "", "may not remove this file");
  }
  CheckVersion(json::object{{"version", found.file.version}}, IfMatchVersion(call.request, false));
  store::ArchiveFile(call.db, found.file, {call.Actor(), call.now, call.context.instance_id});
  tx.Commit();
  return NoContent();
}

}  // namespace amity::api
