// The sync worker (docs/FEDERATION.md, "Sync"): one thread per active peer, each on its own
// database connection, that
//   - tells the peer when this instance's change feed has news (POST /federation/v1/notify,
//     best effort: the peer also pulls every kSyncPollInterval), and
//   - pulls the peer's feed from the cursor kept for it (GET /federation/v1/changes), applying
//     each page with the cursor in one transaction (sync/apply.h).
// A pull that fails (no answer within kSyncTimeout, an error status, garbage) is retried after
// domain::SyncRetryDelay; a notification from the peer brings the next pull forward. One peer's
// failures or hangs never hold up another's thread.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/background_loop.h"
#include "base/log.h"
#include "files/blob_store.h"
#include "store/db.h"

namespace amity::federation {
class WireCapture;
}

namespace amity::sync {

class Worker {
 public:
  // Opens its own connections to `db_path`; `instance_id` is this instance's; replicas' files
  // go to `blobs` (sync/blobs.h). What it sends peers is appended to `wire_capture` when set
  // (federation/wire_capture.h).
  Worker(std::string db_path, std::string instance_id, std::shared_ptr<files::BlobStore> blobs,
         LogFormat log_format = LogFormat::kJson,
         std::shared_ptr<federation::WireCapture> wire_capture = nullptr);
  ~Worker();  // stops and joins every thread

  // Starts the thread that keeps one puller per active peer (it looks again every 2 s).
  void Start();
  void Stop();
  // A local change was committed: each peer is told (from its own thread).
  void LocalChange();
  // Peer `peer_id` said its feed has news: pull it now.
  void PullNow(const std::string& peer_id);

 private:
  class PeerLoop;
  void Supervise();

  std::string db_path_;
  std::string instance_id_;
  std::shared_ptr<files::BlobStore> blobs_;  // shared with the server and the previews
  LogFormat log_format_;
  std::shared_ptr<federation::WireCapture> wire_capture_;  // shared with the API's calls
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<PeerLoop>> peers_;  // by peer id
  std::unique_ptr<store::Db> supervisor_db_;                // the supervisor's thread only
  BackgroundLoop supervisor_;  // last: it stops before the members above go
};

}  // namespace amity::sync
