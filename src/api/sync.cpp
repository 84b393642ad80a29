#include "api/sync.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <map>

#include "api/access.h"
#include "api/federation.h"
#include "api/list_query.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "domain/files.h"
#include "files/blob_store.h"
#include "http/error.h"
#include "store/commitment_history.h"
#include "store/federation.h"
#include "store/files.h"
#include "store/proposals.h"
#include "store/records.h"
#include "store/replica_files.h"
#include "store/sync.h"

namespace amity::api {
namespace json = boost::json;

namespace {

constexpr int kDefaultFeedLimit = 200;

json::value TextOrNull(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

// Builds one page of the feed for one peer: each record changed in the page that the peer may
// hold (shared or public, of its partnerships, owned here) as its current content with personal
// data and references to what the peer may not hold withheld, preceded by the records it names;
// a tombstone for each such record withdrawn since it was shared.
class FeedWriter {
 public:
  FeedWriter(Call& call, std::vector<std::string> partnerships)
      : call_(call),
        partnerships_(partnerships),
        redactor_(Redactor::ForPeer(call.db, std::move(partnerships))) {}

  void Change(const store::FeedEntry& entry) {
    if (entry.entity == "files") return FileChange(entry);
    const domain::ResourceSpec* spec = domain::FindResource(entry.entity);
    if (spec == nullptr) return;
    const std::optional<json::object> record = store::GetRecord(call_.db, *spec, entry.record_id);
    if (!record || store::StringMember(*record, "instance_id") != call_.context.instance_id) {
      return;
    }
    // Records outside any partnership (cities, organizations, people) travel only as named by
    // records of the peer's partnerships: with them, and on their own changes while named.
    if (domain::PartnershipColumn(*spec).empty() &&
        !store::NamedByPartnershipRecord(call_.db, *spec, entry.record_id, partnerships_)) {
      return;
    }
    if (Emit(entry.seq, *spec, *record)) return;
    // A withdrawal is told only to the peers that could have held the record: those bound to
    // its partnership, or to one it was moved out of.
    const std::string_view column = domain::PartnershipColumn(*spec);
    const bool concerned = column.empty() ||
                           std::ranges::find(partnerships_, store::StringMember(*record, column)) !=
                               partnerships_.end() ||
                           store::MovedOutOf(call_.db, spec->name, entry.record_id, partnerships_);
    if (concerned && store::EverShared(call_.db, spec->name, entry.record_id)) {
      items_.push_back(json::object{{"seq", entry.seq},
                                    {"entity", spec->name},
                                    {"id", entry.record_id},
                                    {"op", "tombstone"},
                                    {"version", record->at("version")}});
    }
  }

  json::array Take() { return std::move(items_); }

  // Whether the feed sends `record` (of `spec`) to this peer: owned here, live, shared or
  // public, of the peer's partnerships, with what it must name.
  // `seq`: the change that brings it in this page.
  bool Sends(long long seq, const domain::ResourceSpec& spec, const json::object& record) {
    return store::StringMember(record, "instance_id") == call_.context.instance_id &&
           Emit(seq, spec, record);
  }

 private:
  // A file added or removed: its record comes again with its files as they are now (a file is
  // told only as part of its record, never on its own).
  void FileChange(const store::FeedEntry& entry) {
    const std::optional<store::FileRow> file = store::GetFile(call_.db, entry.record_id);
    if (!file) return;
    const domain::ResourceSpec* spec = domain::FindResource(file->holder);
    if (spec == nullptr) return;  // an exchange application's documents: never
    const std::optional<json::object> holder = store::GetRecord(call_.db, *spec, file->holder_id);
    if (holder) Sends(entry.seq, *spec, *holder);
  }

  // The files of record `id` the peer may hold: live, not personal data; their metadata
  // without who uploaded them.
  json::array FilesOf(std::string_view id) {
    json::array files;
    for (const store::FileRow& file : store::ListFiles(call_.db, id)) {
      if (file.personal_data) continue;
      files.push_back(json::object{
          {"id", file.id},
          {"name", file.name},
          {"media_type", file.media_type},
          {"size", file.size},
          {"sha256", file.sha256},
          {"milestone", file.milestone ? json::value(*file.milestone) : json::value(nullptr)},
          {"created_at", file.created_at}});
    }
    return files;
  }

  // Adds `record` (and first what it names) unless the peer may not hold it; false then.
  bool Emit(long long seq, const domain::ResourceSpec& spec, const json::object& record) {
    const std::string id = store::StringMember(record, "id");
    if (const auto done = emitted_.find(id); done != emitted_.end()) return done->second;
    emitted_[id] = false;
    if (record.at("archived").as_bool() || !redactor_.Sees(spec, id)) return false;
    json::object shown = record;
    redactor_.Redact(spec, shown);
    for (const domain::FieldSpec& field : spec.fields) {
      // Without what it must name (a meeting's partnership) the record cannot be held.
      if (field.required && field.type == domain::FieldType::kReference &&
          shown.at(field.name).is_null()) {
        return false;
      }
    }
    shown.erase("hidden");
    bool named_ok = true;
    VisitReferences(spec, shown, [&](const domain::ResourceSpec& target, std::string_view ref) {
      const std::optional<json::object> named = store::GetRecord(call_.db, target, ref);
      if (!named || !Emit(seq, target, *named)) named_ok = false;
    });
    if (!named_ok) return false;
    json::object item{{"seq", seq},
                      {"entity", spec.name},
                      {"id", id},
                      {"op", "upsert"},
                      {"version", record.at("version")},
                      {"record", std::move(shown)}};
    if (spec.name == "commitments") {
      json::array history = store::ListHistory(call_.db, id);
      for (json::value& entry : history) entry.as_object().erase("actor");  // personal data
      item["history"] = std::move(history);
    }
    const auto& holders = domain::FileHolders();
    if (std::ranges::find(holders, spec.name) != holders.end()) item["files"] = FilesOf(id);
    items_.push_back(std::move(item));
    emitted_[id] = true;
    return true;
  }

  Call& call_;
  std::vector<std::string> partnerships_;
  Redactor redactor_;
  json::array items_;
  std::map<std::string, bool> emitted_;  // record id → sent in this page
};

}  // namespace

http::Response PeerChanges(Call& call) {
  const store::Peer peer = VerifyPeerRequest(call);
  CheckQuery(call.route.query, call.request.query);
  long long after = 0;
  int limit = kDefaultFeedLimit;
  for (const auto& [name, value] : call.request.query) {
    if (name == "after") after = std::stoll(value);
    if (name == "limit") limit = std::stoi(value);
  }
  // Statements read one after another, not one snapshot: a record changed meanwhile is sent
  // as it is now, and its later change brings it again (apply is idempotent).
  const store::FeedScan scan = store::ScanFeed(call.db, after, limit);
  FeedWriter writer(call, PeerPartnerships(peer));
  for (const store::FeedEntry& entry : scan.entries) writer.Change(entry);
  return JsonResponse(200, json::object{{"instance_id", call.context.instance_id},
                                        {"after", after},
                                        {"next", scan.next},
                                        {"has_more", scan.has_more},
                                        {"items", writer.Take()}});
}

http::Response PeerBlob(Call& call) {
  const store::Peer peer = VerifyPeerRequest(call);
  const std::string_view sha256 = call.Param("sha256");
  // Only a blob of a file the feed sends this peer; any other, held or not, is the same 404.
  bool sent = false;
  if (files::IsSha256Hex(sha256) && call.context.blobs) {
    FeedWriter writer(call, PeerPartnerships(peer));
    for (const store::FileRow& file : store::SharedFilesWithBlob(call.db, sha256)) {
      const domain::ResourceSpec* spec = domain::FindResource(file.holder);
      if (spec == nullptr) continue;
      const std::optional<json::object> holder = store::GetRecord(call.db, *spec, file.holder_id);
      if (holder && writer.Sends(0, *spec, *holder)) {
        sent = true;
        break;
      }
    }
  }
  const int fd = sent ? call.context.blobs->Open(sha256) : -1;
  if (fd < 0) {
    throw http::HttpError(404, "Not found",
                          {{"sha256", "not_found", "no file this peer may hold has this blob"}});
  }
  struct stat info {};
  if (fstat(fd, &info) != 0) {
    close(fd);
    throw std::runtime_error("cannot read a blob");
  }
  http::Response response{.status = 200, .content_type = "application/octet-stream"};
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.file =
      std::make_shared<http::FileSlice>(fd, 0, static_cast<std::uint64_t>(info.st_size));
  return response;
}

http::Response PeerNotify(Call& call) {
  const store::Peer peer = VerifyPeerRequest(call);
  const json::object body = ParseBody(call.request);
  const json::value* seq = body.if_contains("seq");
  if (seq == nullptr || !seq->is_int64() || seq->as_int64() < 0) {
    throw http::HttpError(422, "Invalid notification",
                          {{"seq", "invalid", "seq is the last sequence of the sender's feed"}});
  }
  if (call.context.sync_requested) call.context.sync_requested(peer.id);
  return JsonResponse(202, json::object{{"accepted", true}});
}

http::Response GetSyncStatus(Call& call) {
  std::map<std::string, store::SyncState> states;
  for (store::SyncState& state : store::ListSyncStates(call.db)) {
    states.emplace(state.peer_id, std::move(state));
  }
  json::array peers;
  for (const store::Peer& peer : store::ListPeers(call.db)) {
    if (peer.state == "revoked") continue;
    const auto found = states.find(peer.id);
    store::SyncState state;
    state.peer_id = peer.id;
    if (found != states.end()) state = found->second;
    const store::ProposalCounts proposals = store::CountProposals(call.db, peer.instance_id);
    json::value lag = nullptr;
    if (state.last_success_at) {
      if (const auto at = ParseInstant(*state.last_success_at)) {
        lag = std::max<long long>(
            0, std::chrono::duration_cast<std::chrono::seconds>(call.now - *at).count());
      }
    }
    peers.push_back(json::object{{"peer_id", peer.id},
                                 {"instance_id", peer.instance_id},
                                 {"url", peer.url},
                                 {"state", peer.state},
                                 {"cursor", state.cursor},
                                 {"last_attempt_at", TextOrNull(state.last_attempt_at)},
                                 {"last_success_at", TextOrNull(state.last_success_at)},
                                 {"lag_seconds", lag},
                                 {"last_error", TextOrNull(state.last_error)},
                                 {"failures", state.failures},
                                 {"next_attempt_at", TextOrNull(state.next_attempt_at)},
                                 {"applied", state.applied},
                                 {"proposals_pending", proposals.pending},
                                 {"proposals_rejected", proposals.rejected}});
  }
  return JsonResponse(200, json::object{{"peers", std::move(peers)}});
}

http::Response GetReplicaHolders(Call& call) {
  std::map<std::string, store::SyncState> states;
  for (store::SyncState& state : store::ListSyncStates(call.db)) {
    states.emplace(state.peer_id, std::move(state));
  }
  json::array holders;
  for (const store::Peer& peer : store::ListPeers(call.db)) {
    if (peer.state == "revoked") continue;
    const auto found = states.find(peer.id);
    holders.push_back(
        json::object{{"instance_id", peer.instance_id},
                     {"url", peer.url},
                     {"synced_at", found != states.end() ? TextOrNull(found->second.last_success_at)
                                                         : json::value()}});
  }
  return JsonResponse(200, json::object{{"instance_id", call.context.instance_id},
                                        {"holders", std::move(holders)}});
}

}  // namespace amity::api
