// Where the bytes of uploaded files live, for the commands that need them.
#pragma once

#include <memory>
#include <string>

#include "config/config.h"
#include "files/blob_store.h"

namespace amity::cli {

// AMITY_FILES_DIR, or `files` in the database's folder.
std::string FilesFolder(const Config& config);

// The blob store of FilesFolder, its folders created when missing.
std::shared_ptr<files::BlobStore> OpenBlobStore(const Config& config);

}  // namespace amity::cli
