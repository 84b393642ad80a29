// Agreement texts both cities approve (docs/FEDERATION.md, "Approvals"): POST
// /agreement_texts/{id}/approvals signs the text's canonical content (RFC 8785) with this
// instance's federation key and stores the approval as a record this instance owns, so it reaches
// the peer through its own feed; GET /agreement_texts/{id}/proof recomputes the content and checks
// every approval's signature against the key this server knows for the approving instance.
#include "api/agreement_texts.h"

#include <boost/json.hpp>
#include <optional>

#include "api/access.h"
#include "api/handlers.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "federation/approval.h"
#include "federation/canonical_json.h"
#include "federation/pairing.h"
#include "federation/signature.h"
#include "http/error.h"
#include "store/federation.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// The fields of a text that its canonical content holds, in no particular order (JCS sorts).
constexpr std::string_view kSignedFields[] = {"id",    "partnership_id", "kind",
                                              "title", "body",           "version"};

// The public key (Base64) this server knows for `key_id` of `instance_id` at `now`: its own keys
// (current or retired) or a peer's current key or one within its grace period; nullopt when none.
std::optional<std::string> KnownKey(Call& call, std::string_view instance_id,
                                    std::string_view key_id) {
  if (instance_id == call.context.instance_id) {
    std::vector<store::FederationKey> keys = store::RetiredKeys(call.db, "");
    if (std::optional<store::FederationKey> current = store::CurrentKey(call.db)) {
      keys.push_back(std::move(*current));
    }
    for (const store::FederationKey& key : keys) {
      if (key.id == key_id) return key.public_key;
    }
    return std::nullopt;
  }
  const std::optional<store::Peer> peer =
      store::FindPeerByKey(call.db, key_id, FormatInstant(call.now));
  if (!peer || peer->instance_id != instance_id) return std::nullopt;
  return peer->public_key;
}

// The live, visible agreement text of the path's id.
json::object LoadText(Call& call) { return LoadLiveRecord(call, domain::AgreementTexts()); }

// The approvals of text `id`, oldest first, that the caller may see.
std::vector<json::object> ApprovalsOf(Call& call, std::string_view id) {
  const store::Page page = store::ListRecords(
      call.db, domain::AgreementApprovals(),
      {.conditions = {{"agreement_id = ?", {std::string(id)}}},
       .sort_column = "created_at",
       .descending = false,
       .limit = 500,
       // Straight from the table: a proof must show what is stored, not a cached copy.
       .use_cache = false});
  Redactor redactor(call.db, call.principal);
  std::vector<json::object> approvals;
  for (const json::value& item : page.items) {
    const json::object& approval = item.as_object();
    if (!redactor.Sees(domain::AgreementApprovals(), store::StringMember(approval, "id"))) {
      continue;
    }
    approvals.push_back(approval);
  }
  return approvals;
}

long long Version(const json::object& record, std::string_view field) {
  const json::value* value = record.if_contains(field);
  if (value == nullptr) return 0;
  if (value->is_int64()) return value->as_int64();
  if (value->is_double()) return static_cast<long long>(value->as_double());
  return 0;
}

}  // namespace

std::string CanonicalAgreementText(const json::object& text) {
  json::object content;
  for (std::string_view field : kSignedFields) {
    const json::value* value = text.if_contains(field);
    content[field] = value != nullptr ? *value : json::value(nullptr);
  }
  return federation::CanonicalJson(content).value();
}

http::Response ApproveAgreementText(Call& call) {
  if (call.principal.role != domain::Role::kAdmin &&
      call.principal.role != domain::Role::kOfficer) {
    ForbidRole(call.principal, "", "may not approve agreement texts");
  }
  store::Tx tx(call.db);
  const json::object text = LoadText(call);
  const std::string id = store::StringMember(text, "id");
  const std::string canonical = CanonicalAgreementText(text);
  const std::string hash = federation::Sha256Hex(canonical);
  const long long version = Version(text, "version");

  // One approval of a version per instance: approving the same content again changes nothing.
  const json::object body = ParseBody(call.request);  // kept: `expected` points into it
  if (const json::value* expected = body.if_contains("content_hash")) {
    if (!expected->is_string() || expected->as_string() != hash) {
      throw http::HttpError(409, "The text changed since it was read",
                            {{"content_hash", "stale_hash",
                              "the text's content hash is now " + hash + "; read it again"}});
    }
  }
  for (const json::object& approval : ApprovalsOf(call, id)) {
    if (store::StringMember(approval, "instance_id") == call.context.instance_id &&
        store::StringMember(approval, "content_hash") == hash &&
        Version(approval, "agreement_version") == version) {
      throw http::HttpError(409, "Already approved",
                            {{"content_hash", "already_approved",
                              "this server approved version " + std::to_string(version)}});
    }
  }
  const std::optional<store::FederationKey> key = store::CurrentKey(call.db);
  if (!key) throw std::runtime_error("no federation key to sign an approval with");
  const std::string secret = federation::FromBase64(key->secret_key).value();

  const json::object fields{{"agreement_id", id},
                            {"partnership_id", text.at("partnership_id")},
                            {"agreement_version", version},
                            {"content_hash", hash},
                            {"key_id", key->id},
                            {"public_key", key->public_key},
                            {"signature", federation::SignApproval(secret, hash)},
                            {"approved_at", FormatInstant(call.now)},
                            {"approved_by_role", domain::RoleName(call.principal.role)},
                            {"visibility", text.at("visibility")}};
  const store::WriteContext write{call.Actor(), call.now, call.context.instance_id};
  store::RecordJson stored;
  json::object with_creator = fields;
  with_creator["created_by"] = call.principal.user_id;
  store::InsertRecord(call.db, domain::AgreementApprovals(), with_creator, write, &stored);
  tx.Commit();
  return RecordAnswer(call, domain::AgreementApprovals(), std::move(stored), 201);
}

http::Response AgreementTextProof(Call& call) {
  store::Tx tx(call.db);
  const json::object text = LoadText(call);
  const std::string id = store::StringMember(text, "id");
  const std::string owner = store::StringMember(text, "instance_id");
  const std::string canonical = CanonicalAgreementText(text);
  const std::string hash = federation::Sha256Hex(canonical);
  const long long version = Version(text, "version");

  json::array approvals;
  bool owner_approved = false, other_approved = false;
  for (const json::object& approval : ApprovalsOf(call, id)) {
    const std::string instance = store::StringMember(approval, "instance_id");
    const std::string key_id = store::StringMember(approval, "key_id");
    const std::string public_key = store::StringMember(approval, "public_key");
    const std::string approved_hash = store::StringMember(approval, "content_hash");
    const std::optional<std::string> known = KnownKey(call, instance, key_id);
    const bool key_known = known && *known == public_key;
    const bool signature_valid = federation::VerifyApproval(
        public_key, approved_hash, store::StringMember(approval, "signature"));
    const bool valid = key_known && signature_valid;
    const bool current = approved_hash == hash && Version(approval, "agreement_version") == version;
    if (valid && current) (instance == owner ? owner_approved : other_approved) = true;
    const std::optional<std::string> raw_key = federation::FromBase64(public_key);
    approvals.push_back(
        json::object{{"id", approval.at("id")},
                     {"instance_id", instance},
                     {"owner", instance == owner},
                     {"this_instance", instance == call.context.instance_id},
                     {"agreement_version", Version(approval, "agreement_version")},
                     {"content_hash", approved_hash},
                     {"key_id", key_id},
                     {"public_key", public_key},
                     {"key_fingerprint", federation::Sha256Hex(raw_key.value_or("")).substr(0, 16)},
                     {"signature", approval.at("signature")},
                     {"approved_at", approval.at("approved_at")},
                     {"approved_by_role", approval.at("approved_by_role")},
                     {"key_known", key_known},
                     {"signature_valid", signature_valid},
                     {"valid", valid},
                     {"stale", !current}});
  }
  tx.Commit();
  return JsonResponse(200, json::object{{"agreement_id", id},
                                        {"owner_instance_id", owner},
                                        {"instance_id", call.context.instance_id},
                                        {"version", version},
                                        {"canonical", canonical},
                                        {"content_hash", hash},
                                        {"approved_by_owner", owner_approved},
                                        {"approved_by_other", other_approved},
                                        {"approved_by_both", owner_approved && other_approved},
                                        {"approvals", std::move(approvals)}});
}

}  // namespace amity::api
