// The bytes of replicas' files (docs/FEDERATION.md, "Files"): before a feed page is applied, each
// blob its files name that this server lacks is fetched from the owner
// (GET /federation/v1/blobs/{sha256}, signed), streamed to disk, checked against its SHA-256 and
// size, and only then moved into the blob store. A blob held already (the same bytes uploaded
// here, or another replica's) is not fetched: the file row simply names it.
#pragma once

#include <atomic>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "federation/client.h"
#include "files/blob_store.h"

namespace amity::sync {

struct NeededBlob {
  std::string sha256;
  long long size = 0;
};

// The blobs named by the files of the page's upserts (each once); entries that are not
// well-formed are left out (applying the page refuses them).
std::vector<NeededBlob> BlobsOfPage(const boost::json::value& page);

// Fetches from the peer at `peer_url` each of `needed` that `blobs` lacks and adds it; returns
// how many were fetched. Throws std::runtime_error (keeping nothing of that blob) when the peer
// does not answer 200, sends more bytes than announced, or bytes whose SHA-256 or size differ.
int FetchMissingBlobs(files::BlobStore& blobs, const std::string& peer_url,
                      const federation::SigningKey& key, long long now,
                      const std::vector<NeededBlob>& needed,
                      const std::atomic<bool>* cancelled = nullptr);

}  // namespace amity::sync
