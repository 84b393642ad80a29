#include "store/federation.h"

namespace amity::store {
namespace {

constexpr char kKeyColumns[] = "id, public_key, secret_key, created_at, retired_at";

FederationKey ReadKey(const Stmt& row) {
  FederationKey key;
  key.id = std::string(row.Text(0));
  key.public_key = std::string(row.Text(1));
  key.secret_key = std::string(row.Text(2));
  key.created_at = std::string(row.Text(3));
  if (!row.IsNull(4)) key.retired_at = std::string(row.Text(4));
  return key;
}

// The peer's columns and its current key (valid_until IS NULL).
constexpr char kSelectPeer[] =
    "SELECT p.id, p.instance_id, p.url, p.role, p.state, p.partnership_ids, p.confirmed_here_at, "
    "p.confirmed_there_at, p.created_at, p.updated_at, p.revoked_at, k.key_id, k.public_key "
    "FROM federation_peers AS p JOIN federation_peer_keys AS k ON k.peer_id = p.id ";

std::optional<std::string> OptionalText(const Stmt& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return std::string(row.Text(column));
}

Peer ReadPeer(const Stmt& row) {
  return Peer{.id = std::string(row.Text(0)),
              .instance_id = std::string(row.Text(1)),
              .url = std::string(row.Text(2)),
              .role = std::string(row.Text(3)),
              .state = std::string(row.Text(4)),
              .partnership_ids = std::string(row.Text(5)),
              .confirmed_here_at = OptionalText(row, 6),
              .confirmed_there_at = OptionalText(row, 7),
              .created_at = std::string(row.Text(8)),
              .updated_at = std::string(row.Text(9)),
              .revoked_at = OptionalText(row, 10),
              .key_id = std::string(row.Text(11)),
              .public_key = std::string(row.Text(12))};
}

}  // namespace

std::optional<FederationKey> CurrentKey(Db& db) {
  Stmt select = db.Prepare(std::string("SELECT ") + kKeyColumns +
                           " FROM federation_keys WHERE retired_at IS NULL");
  if (!select.Step()) return std::nullopt;
  return ReadKey(select);
}

std::vector<FederationKey> RetiredKeys(Db& db, std::string_view since) {
  Stmt select = db.Prepare(std::string("SELECT ") + kKeyColumns +
                           " FROM federation_keys WHERE retired_at >= ? ORDER BY retired_at DESC");
  select.Bind(1, since);
  std::vector<FederationKey> keys;
  while (select.Step()) keys.push_back(ReadKey(select));
  return keys;
}

void InstallKey(Db& db, const FederationKey& key, std::string_view now) {
  db.Prepare("UPDATE federation_keys SET retired_at = ? WHERE retired_at IS NULL")
      .Bind(1, now)
      .Run();
  db.Prepare(
        "INSERT INTO federation_keys (id, public_key, secret_key, created_at) VALUES (?, ?, ?, ?)")
      .Bind(1, key.id)
      .Bind(2, key.public_key)
      .Bind(3, key.secret_key)
      .Bind(4, key.created_at)
      .Run();
}

void InsertInvitation(Db& db, const FederationInvitation& invitation,
                      std::string_view code_digest) {
  db.Prepare(
        "INSERT INTO federation_invitations (id, code_digest, partnership_ids, created_by, "
        "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
      .Bind(1, invitation.id)
      .Bind(2, code_digest)
      .Bind(3, invitation.partnership_ids)
      .Bind(4, invitation.created_by)
      .Bind(5, invitation.created_at)
      .Bind(6, invitation.expires_at)
      .Run();
}

std::optional<FederationInvitation> FindUnusedInvitation(Db& db, std::string_view code_digest) {
  Stmt select = db.Prepare(
      "SELECT id, partnership_ids, created_by, created_at, expires_at FROM "
      "federation_invitations WHERE code_digest = ? AND used_at IS NULL");
  if (!select.Bind(1, code_digest).Step()) return std::nullopt;
  FederationInvitation invitation;
  invitation.id = std::string(select.Text(0));
  invitation.partnership_ids = std::string(select.Text(1));
  invitation.created_by = std::string(select.Text(2));
  invitation.created_at = std::string(select.Text(3));
  invitation.expires_at = std::string(select.Text(4));
  return invitation;
}

bool UseInvitation(Db& db, std::string_view id, std::string_view peer_id, std::string_view now) {
  Stmt update = db.Prepare(
      "UPDATE federation_invitations SET used_at = ?, peer_id = ? WHERE id = ? AND used_at IS "
      "NULL RETURNING id");
  const bool used = update.Bind(1, now).Bind(2, peer_id).Bind(3, id).Step();
  if (used) update.Step();
  return used;
}

void InsertPeer(Db& db, const Peer& peer) {
  db.Prepare(
        "INSERT INTO federation_peers (id, instance_id, url, role, state, partnership_ids, "
        "confirmed_here_at, confirmed_there_at, created_at, updated_at, revoked_at) VALUES (?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, peer.id)
      .Bind(2, peer.instance_id)
      .Bind(3, peer.url)
      .Bind(4, peer.role)
      .Bind(5, peer.state)
      .Bind(6, peer.partnership_ids)
      .Bind(7, peer.confirmed_here_at)
      .Bind(8, peer.confirmed_there_at)
      .Bind(9, peer.created_at)
      .Bind(10, peer.updated_at)
      .Bind(11, peer.revoked_at)
      .Run();
  db.Prepare(
        "INSERT INTO federation_peer_keys (key_id, peer_id, public_key, added_at) VALUES (?, ?, "
        "?, ?)")
      .Bind(1, peer.key_id)
      .Bind(2, peer.id)
      .Bind(3, peer.public_key)
      .Bind(4, peer.created_at)
      .Run();
}

std::vector<Peer> ListPeers(Db& db) {
  Stmt select = db.Prepare(std::string(kSelectPeer) +
                           "WHERE k.valid_until IS NULL ORDER BY p.created_at DESC, p.id DESC");
  std::vector<Peer> peers;
  while (select.Step()) peers.push_back(ReadPeer(select));
  return peers;
}

std::optional<Peer> GetPeer(Db& db, std::string_view id) {
  Stmt select = db.Prepare(std::string(kSelectPeer) + "WHERE p.id = ? AND k.valid_until IS NULL");
  if (!select.Bind(1, id).Step()) return std::nullopt;
  return ReadPeer(select);
}

std::optional<Peer> FindPeerByInstance(Db& db, std::string_view instance_id) {
  Stmt select = db.Prepare(std::string(kSelectPeer) +
                           "WHERE p.instance_id = ? AND p.state <> 'revoked' AND "
                           "k.valid_until IS NULL");
  if (!select.Bind(1, instance_id).Step()) return std::nullopt;
  return ReadPeer(select);
}

void UpdatePeer(Db& db, const Peer& peer) {
  db.Prepare(
        "UPDATE federation_peers SET state = ?, confirmed_here_at = ?, confirmed_there_at = ?, "
        "revoked_at = ?, updated_at = ? WHERE id = ?")
      .Bind(1, peer.state)
      .Bind(2, peer.confirmed_here_at)
      .Bind(3, peer.confirmed_there_at)
      .Bind(4, peer.revoked_at)
      .Bind(5, peer.updated_at)
      .Bind(6, peer.id)
      .Run();
}

std::optional<Peer> FindPeerByKey(Db& db, std::string_view key_id, std::string_view now) {
  // A revoked peer's keys are found too: the caller answers 401 for it, and logs which peer.
  Stmt select = db.Prepare(std::string(kSelectPeer) +
                           "WHERE k.key_id = ? AND (k.valid_until IS NULL OR k.valid_until > ?) "
                           "ORDER BY p.created_at DESC LIMIT 1");
  if (!select.Bind(1, key_id).Bind(2, now).Step()) return std::nullopt;
  return ReadPeer(select);
}

void AddPeerKey(Db& db, std::string_view peer_id, std::string_view key_id,
                std::string_view public_key, std::string_view now, std::string_view grace_until) {
  db.Prepare(
        "UPDATE federation_peer_keys SET valid_until = ? WHERE peer_id = ? AND valid_until IS "
        "NULL AND key_id <> ?")
      .Bind(1, grace_until)
      .Bind(2, peer_id)
      .Bind(3, key_id)
      .Run();
  db.Prepare(
        "INSERT INTO federation_peer_keys (key_id, peer_id, public_key, added_at) VALUES (?, ?, "
        "?, ?) ON CONFLICT (peer_id, key_id) DO NOTHING")
      .Bind(1, key_id)
      .Bind(2, peer_id)
      .Bind(3, public_key)
      .Bind(4, now)
      .Run();
}

}  // namespace amity::store
