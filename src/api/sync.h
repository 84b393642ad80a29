// Synchronisation of shared records between paired servers (docs/FEDERATION.md, "Sync"): the
// owner's signed change feed and the nudge to pull now, and for people the state of the pulls
// and who holds the replicas shown here.
#pragma once

#include "api/api.h"

namespace amity::api {

http::Response PeerChanges(Call& call);        // GET /federation/v1/changes
http::Response PeerNotify(Call& call);         // POST /federation/v1/notify
http::Response GetSyncStatus(Call& call);      // GET /api/v1/federation/sync
http::Response GetReplicaHolders(Call& call);  // GET /api/v1/federation/holders

}  // namespace amity::api
