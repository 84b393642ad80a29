// The files of replicas (docs/FEDERATION.md, "Files"): the rows of files kept with records
// another instance owns, written only by the sync's apply, and the owner's answer to which of
// its files share a blob.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"
#include "store/files.h"

namespace amity::store {

// The live files, not marked personal data, whose bytes are blob `sha256`.
std::vector<FileRow> SharedFilesWithBlob(Db& db, std::string_view sha256);

// Makes the files of replica `holder_id` (of collection `holder`, owned by `owner`) exactly
// `files`: those not held yet are inserted (owned by `owner`, with no change row: the owner's
// feed is their trail), those of `owner` on the record that are not listed are deleted. A listed
// id held already is left as it is (a file's metadata does not change). Returns whether
// anything changed. The caller makes sure each listed blob is in the blob store.
bool PutReplicaFiles(Db& db, std::string_view holder, std::string_view holder_id,
                     std::string_view owner, const std::vector<FileRow>& files);

// Deletes the files `owner` holds on record `holder_id` (the record was withdrawn); returns how
// many. Their blobs stay until `amity files sweep` finds no row naming them.
int DeleteReplicaFiles(Db& db, std::string_view holder_id, std::string_view owner);

}  // namespace amity::store
