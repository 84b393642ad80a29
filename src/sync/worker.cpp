#include "sync/worker.h"

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <stdexcept>

#include "base/time.h"
#include "domain/federation.h"
#include "federation/client.h"
#include "federation/signature.h"
#include "store/federation.h"
#include "store/proposals.h"
#include "store/sync.h"
#include "sync/apply.h"
#include "sync/blobs.h"

namespace amity::sync {
namespace json = boost::json;
namespace fed = amity::federation;

namespace {

// Pages read in one pass at most; a longer backlog continues in the next pass at once.
constexpr int kPagesPerPass = 50;
constexpr int kPageLimit = 500;
constexpr long kNotifyTimeoutSeconds = 3;

long long UnixSeconds(Instant instant) {
  return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}

std::string Shortened(std::string text) {
  if (text.size() > 300) text.resize(300);
  return text;
}

}  // namespace

class Worker::PeerLoop {
 public:
  PeerLoop(const Worker& owner, std::string peer_id)
      : owner_(owner),
        peer_id_(std::move(peer_id)),
        loop_([this] { Pass(); }, [this](const std::exception& error) { Log(error.what()); },
              std::chrono::seconds(1)) {}

  void Start() { loop_.Start(); }
  void Stop() {
    stopping_ = true;  // a call waiting on a silent peer gives up within about a second
    loop_.Stop();
  }
  void Notify() {
    notify_wanted_ = true;
    proposals_wanted_ = true;  // a local change may be a proposal to send
    loop_.Wake();
  }
  void Pull() {
    pull_wanted_ = true;
    loop_.Wake();
  }

 private:
  void Log(std::string_view error) {
    LogLine(owner_.log_format_, "warn", "sync")
        .Add("peer_id", peer_id_)
        .Add("error", Shortened(std::string(error)))
        .Write(stderr);
  }

  void Pass() {
    if (!db_) db_ = std::make_unique<store::Db>(owner_.db_path_);
    const std::optional<store::Peer> peer = store::GetPeer(*db_, peer_id_);
    if (!peer || peer->state != "active") return;
    const std::optional<store::FederationKey> key = store::CurrentKey(*db_);
    if (!key) return;
    const fed::SigningKey signing{key->id, fed::FromBase64(key->secret_key).value_or(""),
                                  owner_.wire_capture_.get()};
    if (notify_wanted_.exchange(false)) SendNotify(*peer, signing);
    const store::SyncState state = store::GetSyncState(*db_, peer_id_);
    std::optional<Instant> next;
    if (state.next_attempt_at) next = ParseInstant(*state.next_attempt_at);
    bool pull = pull_wanted_.exchange(false) || !next || *next <= Now();
    // Proposals go first, so that a change the owner applied comes back with this pull.
    if ((proposals_wanted_.exchange(false) || pull) && SendProposals(*peer, signing)) pull = true;
    if (pull) PullPages(*peer, signing);
  }

  // Sends the pending proposals for this peer's records in the order they were made
  // (docs/FEDERATION.md, "Proposals") and records each decision; stops at the first that gets
  // no decision (no answer, an error status), which stays pending for the next pass. True when
  // the owner applied one.
  bool SendProposals(const store::Peer& peer, const fed::SigningKey& signing) {
    bool applied = false;
    for (const store::Proposal& proposal : store::PendingProposals(*db_, peer.instance_id)) {
      if (stopping_) break;
      const json::object message{{"id", proposal.id},
                                 {"entity", proposal.entity},
                                 {"record_id", proposal.record_id},
                                 {"operation", proposal.operation},
                                 {"base_version", proposal.base_version},
                                 {"body", proposal.body},
                                 {"actor", owner_.instance_id_ + "/" + proposal.user_id}};
      try {
        const fed::PeerAnswer answer =
            fed::CallPeer(peer.url, "POST", "/federation/v1/proposals", json::serialize(message),
                          signing, UnixSeconds(Now()), domain::kSyncTimeout.count(), &stopping_);
        boost::system::error_code error;
        const json::value body = json::parse(answer.body, error);
        if (error || !body.is_object()) {
          throw std::runtime_error("proposal: HTTP " + std::to_string(answer.status));
        }
        const json::object& decided = body.as_object();
        const std::string at = FormatInstant(Now());
        if (answer.status == 200 && decided.contains("state") && decided.at("state") == "applied" &&
            decided.contains("version") && decided.at("version").is_int64()) {
          store::DecideProposal(*db_, proposal.id, "applied", decided.at("version").as_int64(),
                                std::nullopt, at);
          applied = true;
        } else if (answer.status == 200 && decided.contains("problem") &&
                   decided.at("problem").is_object()) {
          store::DecideProposal(*db_, proposal.id, "rejected", std::nullopt,
                                decided.at("problem").as_object(), at);
        } else if (answer.status == 400 || answer.status == 422) {
          // The owner refused the message itself: it would refuse it again.
          store::DecideProposal(*db_, proposal.id, "rejected", std::nullopt, decided, at);
        } else {
          throw std::runtime_error("proposal: HTTP " + std::to_string(answer.status));
        }
      } catch (const std::exception& failure) {
        store::ProposalAttemptFailed(*db_, proposal.id, Shortened(failure.what()));
        Log(failure.what());
        break;
      }
    }
    return applied;
  }

  // Best effort: the peer also pulls on its own every kSyncPollInterval.
  void SendNotify(const store::Peer& peer, const fed::SigningKey& signing) {
    const long long seq = store::LastChangeSeq(*db_);
    if (seq == notified_seq_) return;
    try {
      const fed::PeerAnswer answer = fed::CallPeer(
          peer.url, "POST", "/federation/v1/notify", json::serialize(json::object{{"seq", seq}}),
          signing, UnixSeconds(Now()), kNotifyTimeoutSeconds, &stopping_);
      if (answer.status != 202) Log("notify: HTTP " + std::to_string(answer.status));
    } catch (const std::exception& error) {
      Log(std::string("notify: ") + error.what());
    }
    notified_seq_ = seq;
  }

  void PullPages(const store::Peer& peer, const fed::SigningKey& signing) {
    const Instant started = Now();
    try {
      long long cursor = store::GetSyncState(*db_, peer_id_).cursor;
      bool more = true;
      for (int page = 0; page < kPagesPerPass && more; ++page) {
        const fed::PeerAnswer answer = fed::CallPeer(
            peer.url, "GET",
            "/federation/v1/changes?after=" + std::to_string(cursor) +
                "&limit=" + std::to_string(kPageLimit),
            "", signing, UnixSeconds(Now()), domain::kSyncTimeout.count(), &stopping_);
        if (answer.status != 200) {
          throw std::runtime_error("HTTP " + std::to_string(answer.status));
        }
        boost::system::error_code error;
        const json::value body = json::parse(answer.body, error);
        if (error) throw std::runtime_error("not a feed page: not JSON");
        // The bytes first, outside the transaction: a page is applied only once every file it
        // names can be read here.
        const int fetched = FetchMissingBlobs(*owner_.blobs_, peer.url, signing, UnixSeconds(Now()),
                                              BlobsOfPage(body), &stopping_);
        if (fetched > 0) {
          LogLine(owner_.log_format_, "info", "sync")
              .Add("peer_id", peer_id_)
              .Add("blobs_fetched", static_cast<long long>(fetched))
              .Write(stderr);
        }
        const Applied applied =
            ApplyFeedPage(*db_, peer, owner_.instance_id_, cursor, body, Now(), *owner_.blobs_);
        cursor = applied.next;
        more = applied.has_more;
      }
      if (more) pull_wanted_ = true;
      store::SyncState state = store::GetSyncState(*db_, peer_id_);
      state.last_attempt_at = FormatInstant(started);
      state.last_success_at = FormatInstant(Now());
      state.last_error.reset();
      state.failures = 0;
      state.next_attempt_at = FormatInstant(Now() + domain::kSyncPollInterval);
      store::SaveSyncState(*db_, state);
      if (more) loop_.Wake();
    } catch (const std::exception& failure) {
      store::SyncState state = store::GetSyncState(*db_, peer_id_);
      state.last_attempt_at = FormatInstant(started);
      state.last_error = Shortened(failure.what());
      ++state.failures;
      state.next_attempt_at = FormatInstant(Now() + domain::SyncRetryDelay(state.failures));
      store::SaveSyncState(*db_, state);
      Log(failure.what());
    }
  }

  const Worker& owner_;
  std::string peer_id_;
  std::unique_ptr<store::Db> db_;  // used on the loop's thread only
  std::atomic<bool> notify_wanted_{true};
  std::atomic<bool> pull_wanted_{true};  // at start: whatever came while stopped
  std::atomic<bool> proposals_wanted_{true};
  std::atomic<bool> stopping_{false};
  long long notified_seq_ = -1;
  BackgroundLoop loop_;  // last: it stops before the members above go
};

Worker::Worker(std::string db_path, std::string instance_id,
               std::shared_ptr<files::BlobStore> blobs, LogFormat log_format,
               std::shared_ptr<federation::WireCapture> wire_capture)
    : db_path_(std::move(db_path)),
      instance_id_(std::move(instance_id)),
      blobs_(std::move(blobs)),
      log_format_(log_format),
      wire_capture_(std::move(wire_capture)),
      supervisor_([this] { Supervise(); },
                  [this](const std::exception& error) {
                    LogLine(log_format_, "error", "sync").Add("error", error.what()).Write(stderr);
                  },
                  std::chrono::seconds(2)) {}

Worker::~Worker() { Stop(); }

void Worker::Start() { supervisor_.Start(); }

void Worker::Stop() {
  supervisor_.Stop();
  std::map<std::string, std::unique_ptr<PeerLoop>> peers;
  {
    std::lock_guard lock(mutex_);
    peers.swap(peers_);
  }
  for (auto& [id, loop] : peers) loop->Stop();
}

void Worker::LocalChange() {
  std::lock_guard lock(mutex_);
  for (auto& [id, loop] : peers_) loop->Notify();
}

void Worker::PullNow(const std::string& peer_id) {
  std::lock_guard lock(mutex_);
  if (const auto found = peers_.find(peer_id); found != peers_.end()) found->second->Pull();
}

void Worker::Supervise() {
  // One connection kept for the thread's life: opening and closing one every pass could be the
  // last close, which checkpoints and cuts the log (work, and on a full disk, space).
  if (!supervisor_db_) {
    supervisor_db_ = std::make_unique<store::Db>(db_path_, store::OpenMode::kRead);
  }
  std::vector<store::Peer> active;
  for (store::Peer& peer : store::ListPeers(*supervisor_db_)) {
    if (peer.state == "active") active.push_back(std::move(peer));
  }
  std::vector<std::unique_ptr<PeerLoop>> gone;
  {
    std::lock_guard lock(mutex_);
    for (auto it = peers_.begin(); it != peers_.end();) {
      const bool still = std::any_of(active.begin(), active.end(),
                                     [&](const store::Peer& peer) { return peer.id == it->first; });
      if (still) {
        ++it;
      } else {
        gone.push_back(std::move(it->second));
        it = peers_.erase(it);
      }
    }
    for (const store::Peer& peer : active) {
      if (peers_.contains(peer.id)) continue;
      auto loop = std::make_unique<PeerLoop>(*this, peer.id);
      loop->Start();
      peers_.emplace(peer.id, std::move(loop));
    }
  }
  for (auto& loop : gone) loop->Stop();
}

}  // namespace amity::sync
