// Files kept with records: their metadata, the list of a record's files, downloads (Range,
// ETag, the original name in any script, sent by the kernel) and archiving. A file is seen by
// whoever sees its record, except one marked personal data, which only the home city's roles see
// (an exchange application's documents are always personal data and the home city's alone);
// the files of a public record, but for personal data, are anyone's (/public/files/…: the
// portal's photos).
// Files arrive through resumable uploads (api/uploads.h).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/api.h"
#include "store/files.h"

namespace amity::api {

// The live record `holder_id` of collection `holder` that is to hold (or holds) a file, checked
// like a reference in a body: 422 naming holder / holder_id when the collection keeps no files or
// the record is missing, archived or not visible to the caller; with `for_write`, 403 unless the
// caller may change it.
boost::json::object LoadHolder(const Call& call, std::string_view holder,
                               std::string_view holder_id, bool for_write);

// A live file with its holder, as LoadVisibleFile finds it. An exchange application's document
// has no `spec` and a `holder` of only its id.
struct VisibleFile {
  store::FileRow file;
  const domain::ResourceSpec* spec = nullptr;
  boost::json::object holder;
};
// File `id` when the caller may see it: live, on a live record the caller may see, and not
// personal data unless the caller is of the home city (an application's documents: on an
// application, for home roles only); nullopt otherwise (a 404 for the caller).
std::optional<VisibleFile> FindVisibleFile(const Call& call, std::string_view id);

// The live files of record `holder` (of `spec`, one the caller may see) the caller may see, as
// the API shows them: each with may_remove, whether the caller may remove it.
boost::json::array VisibleFiles(const Call& call, const domain::ResourceSpec& spec,
                                const boost::json::object& holder);

// The pictures of record `holder_id` the public portal shows, oldest first: its live images not
// marked personal data, at their public addresses. The caller checks that the record is public.
struct PublicImage {
  std::string name;
  std::string url;            // /public/files/{id}
  std::string thumbnail_url;  // /public/files/{id}/thumbnail; "" while it has none
};
std::vector<PublicImage> PublicImages(const Call& call, std::string_view holder_id);

http::Response GetFileHandler(Call& call);
http::Response FileContent(Call& call);
// GET /api/v1/files/{id}/thumbnail: the JPEG made of an image or a PDF's first page (ETag: its
// hash); 404 when the file has none.
http::Response FileThumbnail(Call& call);
// GET /public/files/{id} and /public/files/{id}/thumbnail: the same for anyone, without login,
// for a live file not marked personal data on a live record marked public; any other file is
// 404 exactly like a missing one, whoever asks.
http::Response PublicFileContent(Call& call);
http::Response PublicFileThumbnail(Call& call);
http::Response ListHolderFiles(Call& call);
// GET /api/v1/exchange-applications/{id}/files: the application's documents, for home roles; 404
// to anyone else, as for a missing application.
http::Response ListApplicationFiles(Call& call);
http::Response ArchiveFileHandler(Call& call);

}  // namespace amity::api
