// Files kept with records: their metadata, the list of a record's files, downloads (Range,
// ETag, the original name in any script, sent by the kernel) and archiving. A file is seen by
// whoever sees its record, except one marked personal data, which only the home city's roles see.
// Files arrive through resumable uploads (api/uploads.h).
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "api/api.h"
#include "store/files.h"

namespace amity::api {

// The live record `holder_id` of collection `holder` that is to hold (or holds) a file, checked
// like a reference in a body: 422 naming holder / holder_id when the collection keeps no files or
// the record is missing, archived or not visible to the caller; with `for_write`, 403 unless the
// caller may change it.
boost::json::object LoadHolder(const Call& call, std::string_view holder,
                               std::string_view holder_id, bool for_write);

// A live file with its holder, as LoadVisibleFile finds it.
struct VisibleFile {
  store::FileRow file;
  const domain::ResourceSpec* spec = nullptr;
  boost::json::object holder;
};
// File `id` when the caller may see it: live, on a live record the caller may see, and not
// personal data unless the caller is of the home city; nullopt otherwise (a 404 for the caller).
std::optional<VisibleFile> FindVisibleFile(const Call& call, std::string_view id);

// The live files of record `holder_id` the caller may see, as the API shows them.
boost::json::array VisibleFiles(const Call& call, std::string_view holder_id);

http::Response GetFileHandler(Call& call);
http::Response FileContent(Call& call);
// GET /api/v1/files/{id}/thumbnail: the JPEG made of an image or a PDF's first page (ETag: its
// hash); 404 when the file has none.
http::Response FileThumbnail(Call& call);
http::Response ListHolderFiles(Call& call);
http::Response ArchiveFileHandler(Call& call);

}  // namespace amity::api
