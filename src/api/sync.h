// Synchronisation of shared records between paired servers (docs/FEDERATION.md, "Sync"): the
// owner's signed change feed and the nudge to pull now, and for people the state of the pulls
// and who holds the replicas shown here.
#pragma once

#include "api/api.h"

namespace amity::api {

http::Response PeerChanges(Call& call);  // GET /federation/v1/changes
http::Response PeerNotify(Call& call);   // POST /federation/v1/notify
// GET /federation/v1/blobs/{sha256}: the bytes of a blob that a file the feed sends the calling
// peer names; 404 for any other, held here or not.
http::Response PeerBlob(Call& call);
http::Response GetSyncStatus(Call& call);      // GET /api/v1/federation/sync
http::Response GetReplicaHolders(Call& call);  // GET /api/v1/federation/holders

}  // namespace amity::api
