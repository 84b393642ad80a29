#include "api/federation.h"

#include <boost/json.hpp>
#include <cstdio>

#include "api/auth.h"
#include "api/responses.h"
#include "api/validation.h"
#include "auth/secrets.h"
#include "base/id.h"
#include "base/text.h"
#include "domain/federation.h"
#include "federation/client.h"
#include "federation/nonce_cache.h"
#include "federation/pairing.h"
#include "federation/signature.h"
#include "http/error.h"
#include "store/federation.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;
namespace fed = amity::federation;

namespace {

long long UnixSeconds(Instant instant) { return instant.time_since_epoch().count(); }

std::string Decoded(std::string_view base64) { return fed::FromBase64(base64).value_or(""); }

store::FederationKey NewKey(Instant now) {
  const fed::KeyPair pair = fed::NewKeyPair();
  store::FederationKey key;
  key.id = fed::KeyId(pair.public_key);
  key.public_key = fed::Base64(pair.public_key);
  key.secret_key = fed::Base64(pair.secret_key);
  key.created_at = FormatInstant(now);
  return key;
}

store::FederationKey OwnKey(Call& call) {
  if (auto key = store::CurrentKey(call.db)) return *key;
  EnsureFederationKey(call.db, call.now);
  return *store::CurrentKey(call.db);
}

// `key` to sign a call with; what is sent goes to the wire capture when there is one.
fed::SigningKey SigningKeyOf(const Call& call, const store::FederationKey& key) {
  return {key.id, Decoded(key.secret_key), call.context.wire_capture.get()};
}

// The address peers reach this server at: the configured public URL, else the Host the admin
// used (a loopback or test setup).
std::string OwnUrl(const Call& call) {
  if (!call.context.public_url.empty()) return call.context.public_url;
  return "http://" + std::string(call.request.Header("Host").value_or("localhost"));
}

json::array IdArray(std::string_view json_text) {
  boost::system::error_code error;
  json::value value = json::parse(json_text, error);
  if (error || !value.is_array()) return {};
  return value.as_array();
}

}  // namespace

std::vector<std::string> PeerPartnerships(const store::Peer& peer) {
  std::vector<std::string> ids;
  for (const json::value& id : IdArray(peer.partnership_ids)) {
    if (id.is_string()) ids.emplace_back(id.as_string());
  }
  return ids;
}

namespace {

json::object PeerJson(const store::Peer& peer, const store::FederationKey& own) {
  return json::object{
      {"id", peer.id},
      {"instance_id", peer.instance_id},
      {"url", peer.url},
      {"role", peer.role},
      {"state", peer.state},
      {"partnership_ids", IdArray(peer.partnership_ids)},
      {"key_id", peer.key_id},
      {"public_key", peer.public_key},
      {"fingerprint", fed::Fingerprint(Decoded(own.public_key), Decoded(peer.public_key))},
      {"confirmed_here_at",
       peer.confirmed_here_at ? json::value(*peer.confirmed_here_at) : nullptr},
      {"confirmed_there_at",
       peer.confirmed_there_at ? json::value(*peer.confirmed_there_at) : nullptr},
      {"created_at", peer.created_at},
      {"updated_at", peer.updated_at},
      {"revoked_at", peer.revoked_at ? json::value(*peer.revoked_at) : nullptr}};
}

store::Peer PeerOr404(Call& call) {
  RequireUuid(call.Param("id"), "peer");
  auto peer = store::GetPeer(call.db, call.Param("id"));
  if (!peer) NotFound("peer");
  return *peer;
}

// A new pending peer, known by its current key.
store::Peer NewPeer(std::string instance_id, std::string url, std::string role,
                    std::string partnership_ids, std::string key_id, std::string public_key,
                    Instant now) {
  store::Peer peer;
  peer.id = NewId();
  peer.instance_id = std::move(instance_id);
  peer.url = std::move(url);
  peer.role = std::move(role);
  peer.state = "pending";
  peer.partnership_ids = std::move(partnership_ids);
  peer.created_at = FormatInstant(now);
  peer.updated_at = peer.created_at;
  peer.key_id = std::move(key_id);
  peer.public_key = std::move(public_key);
  return peer;
}

void SetState(store::Peer& peer, Instant now) {
  peer.state = std::string(domain::PeerState(peer.confirmed_here_at.has_value(),
                                             peer.confirmed_there_at.has_value(),
                                             peer.revoked_at.has_value()));
  peer.updated_at = FormatInstant(now);
}

std::string RequiredString(const json::object& body, std::string_view name, Problems& problems,
                           size_t max_bytes = 4096) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr || !value->is_string() || value->as_string().empty()) {
    problems.push_back({std::string(name), "required", std::string(name) + " is required"});
    return "";
  }
  if (value->as_string().size() > max_bytes) {
    problems.push_back({std::string(name), "too_long",
                        std::string(name) + " is longer than " + std::to_string(max_bytes)});
    return "";
  }
  return std::string(value->as_string());
}

void ThrowIfAny(const Problems& problems, std::string title) {
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), std::move(title), problems);
}

// One line on stderr for the operator's log; never a key, code or signature.
void LogSecurity(const Call& call, std::string_view what, std::string_view code,
                 std::string_view key_id) {
  std::string line = "{\"level\":\"warn\",\"federation\":";
  AppendJsonString(line, what);
  line += ",\"code\":";
  AppendJsonString(line, code);
  line += ",\"key_id\":";
  AppendJsonString(line, key_id);
  line += ",\"address\":";
  AppendJsonString(line, call.ClientAddress());
  line += ",\"path\":";
  AppendJsonString(line, call.request.path);
  line += "}\n";
  std::fputs(line.c_str(), stderr);
}

// Refuses a server-to-server request: the security log and the operator's log learn why (no
// secrets), the caller gets 401 naming the Signature field and nothing else happens.
[[noreturn]] void Reject(Call& call, std::string_view code, std::string message,
                         std::string_view key_id, std::string_view field = "Signature") {
  LogSecurity(call, "rejected", code, key_id);
  RecordEvent(call, "federation_rejected", nullptr,
              {{"code", code}, {"key_id", key_id}, {"path", call.request.path}});
  throw http::HttpError(401, "Unauthorized",
                        {{std::string(field), std::string(code), std::move(message)}});
}

// What the signature of this request covers, as the server received it. The federation routes
// take no query; their paths hold unreserved characters only, so the decoded path is the path
// as sent.
fed::SignedParts PartsOf(const Call& call) {
  std::string target = call.request.path;
  if (!call.request.query.empty()) target += "?";
  for (size_t i = 0; i < call.request.query.size(); ++i) {
    if (i > 0) target += "&";
    target += call.request.query[i].first + "=" + call.request.query[i].second;
  }
  return {call.request.method, std::string(call.request.Header("Host").value_or("")), target,
          std::string(call.request.body)};
}

// Verifies the request's signature against the keys of paired peers and returns the signing
// peer. Revoked peers and bad signatures get 401; a pending peer gets 403 unless `pending_ok`.
store::Peer VerifiedPeer(Call& call, bool pending_ok) {
  std::optional<store::Peer> peer;
  const std::string now_text = FormatInstant(call.now);
  const fed::Verification verification = fed::VerifyRequest(
      PartsOf(call), [&](std::string_view name) { return call.request.Header(name); },
      [&](std::string_view key_id) -> std::optional<std::string> {
        peer = store::FindPeerByKey(call.db, key_id, now_text);
        if (!peer) return std::nullopt;
        return Decoded(peer->public_key);
      },
      UnixSeconds(call.now), *call.context.nonces);
  if (verification.refusal != fed::Refusal::kNone) {
    Reject(call, fed::RefusalCode(verification.refusal), verification.message, verification.key_id);
  }
  if (peer->state == "revoked") {
    Reject(call, "peer_revoked", "this peer's pairing was revoked", verification.key_id);
  }
  if (peer->state != "active" && !pending_ok) {
    throw http::HttpError(403, "Forbidden",
                          {{"", "peer_pending",
                            "both admins must confirm the fingerprint before anything is "
                            "exchanged"}});
  }
  return *peer;
}

json::object ParseJsonOrEmpty(std::string_view text) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  if (error || !value.is_object()) return {};
  return value.as_object();
}

std::string AnswerError(const fed::PeerAnswer& answer) {
  const json::object body = ParseJsonOrEmpty(answer.body);
  std::string detail = "HTTP " + std::to_string(answer.status);
  if (const json::value* errors = body.if_contains("problems"); errors && errors->is_array() &&
                                                                !errors->as_array().empty() &&
                                                                errors->as_array()[0].is_object()) {
    const json::object& first = errors->as_array()[0].as_object();
    if (const json::value* code = first.if_contains("code"); code && code->is_string()) {
      detail += " " + std::string(code->as_string());
    }
  }
  return detail;
}

}  // namespace

store::Peer VerifyPeerRequest(Call& call) { return VerifiedPeer(call, false); }

void EnsureFederationKey(store::Db& db, Instant now) {
  store::Tx tx(db);
  if (store::CurrentKey(db)) return;
  store::InstallKey(db, NewKey(now), FormatInstant(now));
  tx.Commit();
}

http::Response GetFederation(Call& call) {
  const store::FederationKey own = OwnKey(call);
  json::array peers;
  for (const store::Peer& peer : store::ListPeers(call.db)) peers.push_back(PeerJson(peer, own));
  json::array retired;
  for (const store::FederationKey& key : store::RetiredKeys(
           call.db, FormatInstant(call.now - std::chrono::duration_cast<std::chrono::seconds>(
                                                 domain::kRetiredKeyGrace)))) {
    retired.push_back(json::object{{"key_id", key.id}, {"retired_at", *key.retired_at}});
  }
  return JsonResponse(200, json::object{{"instance_id", call.context.instance_id},
                                        {"url", OwnUrl(call)},
                                        {"key_id", own.id},
                                        {"public_key", own.public_key},
                                        {"key_created_at", own.created_at},
                                        {"retired_keys", std::move(retired)},
                                        {"peers", std::move(peers)}});
}

http::Response CreateInvitation(Call& call) {
  const json::object body = ParseBody(call.request);
  Problems problems;
  json::array ids;
  const json::value* list = body.if_contains("partnership_ids");
  if (list == nullptr || !list->is_array() || list->as_array().empty()) {
    problems.push_back(
        {"partnership_ids", "required", "name at least one partnership the peer is paired for"});
  } else {
    for (const json::value& id : list->as_array()) {
      if (!id.is_string() || !IsUuid(id.as_string()) ||
          !store::GetRecord(call.db, domain::Partnerships(), id.as_string())) {
        problems.push_back(
            {"partnership_ids", "unknown_reference", "every id must name an existing partnership"});
        break;
      }
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  for (const auto& [key, value] : body) {
    if (key != "partnership_ids") {
      problems.push_back({std::string(key), "unknown_field", "not a field of an invitation"});
    }
  }
  ThrowIfAny(problems, "Invalid invitation");
  const store::FederationKey own = OwnKey(call);
  const std::string code = auth::RandomToken();
  const Instant expires = call.now + domain::kInvitationLifetime;
  store::FederationInvitation invitation;
  invitation.id = NewId();
  invitation.partnership_ids = json::serialize(ids);
  invitation.created_by = call.principal.email;
  invitation.created_at = FormatInstant(call.now);
  invitation.expires_at = FormatInstant(expires);
  store::Tx tx(call.db);
  store::InsertInvitation(call.db, invitation, auth::TokenDigest(code));
  RecordEvent(call, "federation_invited", nullptr,
              {{"invitation_id", invitation.id}, {"partnership_ids", ids}});
  tx.Commit();
  const std::string text = fed::EncodeInvitation({.url = OwnUrl(call),
                                                  .instance_id = call.context.instance_id,
                                                  .key_id = own.id,
                                                  .public_key = Decoded(own.public_key),
                                                  .code = code,
                                                  .expires_at = invitation.expires_at});
  return JsonResponse(201, json::object{{"id", invitation.id},
                                        {"invitation", text},
                                        {"partnership_ids", std::move(ids)},
                                        {"expires_at", invitation.expires_at}});
}

http::Response AcceptInvitation(Call& call) {
  const json::object body = ParseBody(call.request);
  Problems problems;
  const std::string text = RequiredString(body, "invitation", problems);
  for (const auto& [key, value] : body) {
    if (key != "invitation") {
      problems.push_back({std::string(key), "unknown_field", "only the invitation is sent"});
    }
  }
  ThrowIfAny(problems, "Invalid invitation");
  const auto invitation = fed::DecodeInvitation(text);
  if (!invitation || fed::AuthorityOf(invitation->url).empty() ||
      !IsUuid(invitation->instance_id) ||
      fed::KeyId(invitation->public_key) != invitation->key_id) {
    ThrowIfAny(
        {{"invitation", "invalid", "paste the whole invitation the other server's admin gave you"}},
        "Invalid invitation");
  }
  const auto expires = ParseInstant(invitation->expires_at);
  if (!expires || !domain::InvitationUsable(*expires, call.now)) {
    ThrowIfAny({{"invitation", "expired", "the invitation has expired; ask for a new one"}},
               "Invalid invitation");
  }
  if (invitation->instance_id == call.context.instance_id) {
    ThrowIfAny({{"invitation", "own_invitation", "this invitation is this server's own"}},
               "Invalid invitation");
  }
  if (store::FindPeerByInstance(call.db, invitation->instance_id)) {
    throw http::HttpError(409, "Already paired",
                          {{"invitation", "already_paired",
                            "this server is paired with that instance already; revoke it first"}});
  }
  const store::FederationKey own = OwnKey(call);
  const json::object request{{"code", invitation->code},
                             {"instance_id", call.context.instance_id},
                             {"url", OwnUrl(call)},
                             {"key_id", own.id},
                             {"public_key", own.public_key}};
  fed::PeerAnswer answer;
  try {
    answer =
        fed::CallPeer(invitation->url, "POST", "/federation/v1/register", json::serialize(request),
                      SigningKeyOf(call, own), UnixSeconds(call.now));
  } catch (const std::exception& error) {
    throw http::HttpError(502, "Peer unreachable",
                          {{"invitation", "peer_unreachable", error.what()}});
  }
  if (answer.status != 201) {
    throw http::HttpError(
        502, "Peer refused",
        {{"invitation", "peer_refused", "the inviting server refused: " + AnswerError(answer)}});
  }
  const json::object registered = ParseJsonOrEmpty(answer.body);
  const json::value* their_key = registered.if_contains("public_key");
  const json::value* their_ids = registered.if_contains("partnership_ids");
  if (their_key == nullptr || !their_key->is_string() ||
      Decoded(their_key->as_string()) != invitation->public_key || their_ids == nullptr ||
      !their_ids->is_array()) {
    throw http::HttpError(502, "Peer refused",
                          {{"invitation", "peer_mismatch",
                            "the inviting server answered with another key than its invitation"}});
  }
  store::Peer peer =
      NewPeer(invitation->instance_id, invitation->url, "inviter", json::serialize(*their_ids),
              invitation->key_id, fed::Base64(invitation->public_key), call.now);
  SetState(peer, call.now);
  store::Tx tx(call.db);
  store::InsertPeer(call.db, peer);
  RecordEvent(call, "federation_paired", nullptr,
              {{"peer_id", peer.id}, {"instance_id", peer.instance_id}, {"role", peer.role}});
  tx.Commit();
  return JsonResponse(201, PeerJson(peer, own));
}

http::Response ConfirmPeer(Call& call) {
  store::Peer peer = PeerOr404(call);
  const json::object body = ParseBody(call.request);
  Problems problems;
  const std::string fingerprint = RequiredString(body, "fingerprint", problems, 64);
  ThrowIfAny(problems, "Invalid confirmation");
  if (peer.state == "revoked") {
    throw http::HttpError(409, "Revoked", {{"", "peer_revoked", "this peer was revoked"}});
  }
  const store::FederationKey own = OwnKey(call);
  const std::string expected = fed::Fingerprint(Decoded(own.public_key), Decoded(peer.public_key));
  if (fingerprint != expected) {
    ThrowIfAny({{"fingerprint", "mismatch",
                 "the fingerprint differs from this pair's: compare it again with the other "
                 "admin"}},
               "Invalid confirmation");
  }
  if (!peer.confirmed_here_at) {
    peer.confirmed_here_at = FormatInstant(call.now);
    SetState(peer, call.now);
    store::Tx tx(call.db);
    store::UpdatePeer(call.db, peer);
    RecordEvent(call, "federation_confirmed", nullptr,
                {{"peer_id", peer.id}, {"instance_id", peer.instance_id}});
    tx.Commit();
  }
  // Tell the peer; its answer says whether its admin confirmed too. Should it be unreachable,
  // confirming again later tells it then.
  json::value error = nullptr;
  try {
    const fed::PeerAnswer answer =
        fed::CallPeer(peer.url, "POST", "/federation/v1/confirm",
                      json::serialize(json::object{{"fingerprint", expected}}),
                      SigningKeyOf(call, own), UnixSeconds(call.now));
    const json::object reply = ParseJsonOrEmpty(answer.body);
    const json::value* confirmed = reply.if_contains("confirmed");
    if (answer.status != 200 || confirmed == nullptr || !confirmed->is_bool()) {
      error = AnswerError(answer);
    } else if (confirmed->as_bool() && !peer.confirmed_there_at) {
      peer.confirmed_there_at = FormatInstant(call.now);
      SetState(peer, call.now);
      store::Tx tx(call.db);
      store::UpdatePeer(call.db, peer);
      tx.Commit();
    }
  } catch (const std::exception& failure) {
    error = failure.what();
  }
  return JsonResponse(
      200,
      json::object{{"peer", PeerJson(peer, own)}, {"notified", error.is_null()}, {"error", error}});
}

http::Response RevokePeer(Call& call) {
  store::Peer peer = PeerOr404(call);
  if (!peer.revoked_at) {
    peer.revoked_at = FormatInstant(call.now);
    SetState(peer, call.now);
    store::Tx tx(call.db);
    store::UpdatePeer(call.db, peer);
    RecordEvent(call, "federation_revoked", nullptr,
                {{"peer_id", peer.id}, {"instance_id", peer.instance_id}});
    tx.Commit();
  }
  return JsonResponse(200, PeerJson(peer, OwnKey(call)));
}

http::Response HelloPeer(Call& call) {
  const store::Peer peer = PeerOr404(call);
  const store::FederationKey own = OwnKey(call);
  try {
    const fed::PeerAnswer answer = fed::CallPeer(peer.url, "GET", "/federation/v1/hello", "",
                                                 SigningKeyOf(call, own), UnixSeconds(call.now));
    json::object reply = ParseJsonOrEmpty(answer.body);
    return JsonResponse(
        200,
        json::object{{"status", answer.status},
                     {"answer", answer.status == 200 ? json::value(std::move(reply)) : nullptr},
                     {"error", answer.status == 200 ? json::value(nullptr)
                                                    : json::value(AnswerError(answer))}});
  } catch (const std::exception& failure) {
    return JsonResponse(
        200, json::object{{"status", 0}, {"answer", nullptr}, {"error", failure.what()}});
  }
}

http::Response RotateFederationKey(Call& call) {
  const store::FederationKey old = OwnKey(call);
  const store::FederationKey key = NewKey(call.now);
  {
    store::Tx tx(call.db);
    store::InstallKey(call.db, key, FormatInstant(call.now));
    RecordEvent(call, "federation_key_rotated", nullptr,
                {{"old_key_id", old.id}, {"key_id", key.id}});
    tx.Commit();
  }
  // Each peer learns the new key from a request signed with the old one, which it trusts.
  json::array notified;
  for (const store::Peer& peer : store::ListPeers(call.db)) {
    if (peer.state == "revoked") continue;
    json::value error = nullptr;
    try {
      const fed::PeerAnswer answer = fed::CallPeer(
          peer.url, "POST", "/federation/v1/keys",
          json::serialize(json::object{{"key_id", key.id}, {"public_key", key.public_key}}),
          SigningKeyOf(call, old), UnixSeconds(call.now));
      if (answer.status != 200) error = AnswerError(answer);
    } catch (const std::exception& failure) {
      error = failure.what();
    }
    notified.push_back(
        json::object{{"peer_id", peer.id}, {"notified", error.is_null()}, {"error", error}});
  }
  return JsonResponse(
      200, json::object{
               {"key_id", key.id}, {"public_key", key.public_key}, {"peers", std::move(notified)}});
}

http::Response PeerRegister(Call& call) {
  const json::object body = ParseBody(call.request);
  Problems problems;
  const std::string code = RequiredString(body, "code", problems, 128);
  const std::string instance_id = RequiredString(body, "instance_id", problems, 64);
  const std::string url = RequiredString(body, "url", problems, 2048);
  const std::string key_id = RequiredString(body, "key_id", problems, 64);
  const std::string public_key = RequiredString(body, "public_key", problems, 64);
  if (problems.empty() && !IsUuid(instance_id)) {
    problems.push_back({"instance_id", "invalid", "an instance id is a UUID"});
  }
  if (problems.empty() && fed::AuthorityOf(url).empty()) {
    problems.push_back({"url", "invalid", "the URL must be http(s)://host[:port][/path]"});
  }
  const std::string raw_key = Decoded(public_key);
  if (problems.empty() && (raw_key.size() != 32 || fed::KeyId(raw_key) != key_id)) {
    problems.push_back({"public_key", "invalid",
                        "a Base64 Ed25519 public key whose id (federation::KeyId) is key_id"});
  }
  ThrowIfAny(problems, "Invalid registration");
  // The registering server proves it holds the key it names: the request is signed with it.
  const fed::Verification verification = fed::VerifyRequest(
      PartsOf(call), [&](std::string_view name) { return call.request.Header(name); },
      [&](std::string_view id) -> std::optional<std::string> {
        if (id == key_id) return raw_key;
        return std::nullopt;
      },
      UnixSeconds(call.now), *call.context.nonces);
  if (verification.refusal != fed::Refusal::kNone) {
    Reject(call, fed::RefusalCode(verification.refusal), verification.message, verification.key_id);
  }
  const auto invitation = store::FindUnusedInvitation(call.db, auth::TokenDigest(code));
  const auto expires = invitation ? ParseInstant(invitation->expires_at) : std::nullopt;
  if (!invitation || !expires || !domain::InvitationUsable(*expires, call.now)) {
    Reject(call, "invitation_invalid", "the code is unknown, used or expired", key_id, "code");
  }
  if (instance_id == call.context.instance_id) {
    throw http::HttpError(409, "Conflict",
                          {{"instance_id", "own_instance", "a server cannot pair with itself"}});
  }
  if (store::FindPeerByInstance(call.db, instance_id)) {
    throw http::HttpError(409, "Conflict",
                          {{"instance_id", "already_paired",
                            "this instance is paired already; its admin must be revoked first"}});
  }
  const store::FederationKey own = OwnKey(call);
  store::Peer peer = NewPeer(instance_id, url, "invitee", invitation->partnership_ids, key_id,
                             public_key, call.now);
  SetState(peer, call.now);
  store::Tx tx(call.db);
  if (!store::UseInvitation(call.db, invitation->id, peer.id, FormatInstant(call.now))) {
    Reject(call, "invitation_invalid", "the code is unknown, used or expired", key_id, "code");
  }
  store::InsertPeer(call.db, peer);
  RecordEvent(call, "federation_paired", nullptr,
              {{"peer_id", peer.id}, {"instance_id", instance_id}, {"role", peer.role}});
  tx.Commit();
  return JsonResponse(
      201, json::object{{"instance_id", call.context.instance_id},
                        {"key_id", own.id},
                        {"public_key", own.public_key},
                        {"partnership_ids", IdArray(peer.partnership_ids)},
                        {"fingerprint", fed::Fingerprint(Decoded(own.public_key), raw_key)}});
}

http::Response PeerConfirm(Call& call) {
  store::Peer peer = VerifiedPeer(call, true);
  const json::object body = ParseBody(call.request);
  Problems problems;
  const std::string fingerprint = RequiredString(body, "fingerprint", problems, 64);
  ThrowIfAny(problems, "Invalid confirmation");
  const store::FederationKey own = OwnKey(call);
  if (fingerprint != fed::Fingerprint(Decoded(own.public_key), Decoded(peer.public_key))) {
    throw http::HttpError(409, "Conflict",
                          {{"fingerprint", "mismatch",
                            "the fingerprints differ: a key changed; compare them again"}});
  }
  if (!peer.confirmed_there_at) {
    peer.confirmed_there_at = FormatInstant(call.now);
    SetState(peer, call.now);
    store::Tx tx(call.db);
    store::UpdatePeer(call.db, peer);
    tx.Commit();
  }
  return JsonResponse(
      200, json::object{{"confirmed", peer.confirmed_here_at.has_value()}, {"state", peer.state}});
}

http::Response PeerKeys(Call& call) {
  const store::Peer peer = VerifiedPeer(call, true);
  const json::object body = ParseBody(call.request);
  Problems problems;
  const std::string key_id = RequiredString(body, "key_id", problems, 64);
  const std::string public_key = RequiredString(body, "public_key", problems, 64);
  const std::string raw_key = Decoded(public_key);
  if (problems.empty() && (raw_key.size() != 32 || fed::KeyId(raw_key) != key_id)) {
    problems.push_back({"public_key", "invalid",
                        "a Base64 Ed25519 public key whose id (federation::KeyId) is key_id"});
  }
  ThrowIfAny(problems, "Invalid key");
  store::Tx tx(call.db);
  store::AddPeerKey(call.db, peer.id, key_id, public_key, FormatInstant(call.now),
                    FormatInstant(call.now + std::chrono::duration_cast<std::chrono::seconds>(
                                                 domain::kRetiredKeyGrace)));
  tx.Commit();
  return JsonResponse(200, json::object{{"key_id", key_id}});
}

http::Response PeerHello(Call& call) {
  const store::Peer peer = VerifiedPeer(call, false);
  return JsonResponse(200, json::object{{"instance_id", call.context.instance_id},
                                        {"peer_instance_id", peer.instance_id},
                                        {"partnership_ids", IdArray(peer.partnership_ids)},
                                        {"at", FormatInstant(call.now)}});
}

}  // namespace amity::api
