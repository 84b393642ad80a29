// Federation's tables (migration 0029): this instance's signing keys, pairing invitations, the
// peers and their keys. Keys are stored as Base64 text; the secret key only in
// federation_keys, never returned by anything but CurrentKey/RetiredKeys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace amity::store {

struct FederationKey {
  std::string id;
  std::string public_key;  // Base64
  std::string secret_key;  // Base64
  std::string created_at;
  std::optional<std::string> retired_at;
};

// The key this instance signs with now; nullopt before the first is made.
std::optional<FederationKey> CurrentKey(Db& db);
// Keys retired at or after `since`, newest first.
std::vector<FederationKey> RetiredKeys(Db& db, std::string_view since);
// Makes `key` the current one, retiring the current key (if any) at `now`. Call in a Tx.
void InstallKey(Db& db, const FederationKey& key, std::string_view now);

struct FederationInvitation {
  std::string id;
  std::string partnership_ids;  // JSON array of ids
  std::string created_by;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> used_at;
};

void InsertInvitation(Db& db, const FederationInvitation& invitation, std::string_view code_digest);
// The unused invitation whose code has `code_digest`, whatever its expiry; nullopt when none.
std::optional<FederationInvitation> FindUnusedInvitation(Db& db, std::string_view code_digest);
// Marks the invitation used by `peer_id`; false when it was used already (a race lost).
bool UseInvitation(Db& db, std::string_view id, std::string_view peer_id, std::string_view now);

struct Peer {
  std::string id;
  std::string instance_id;
  std::string url;
  std::string role;             // inviter (it invited us) or invitee (we invited it)
  std::string state;            // pending, active, revoked
  std::string partnership_ids;  // JSON array
  std::optional<std::string> confirmed_here_at;
  std::optional<std::string> confirmed_there_at;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> revoked_at;
  std::string key_id;      // its current key
  std::string public_key;  // Base64
};

void InsertPeer(Db& db, const Peer& peer);
// Every peer, newest first (revoked ones too).
std::vector<Peer> ListPeers(Db& db);
std::optional<Peer> GetPeer(Db& db, std::string_view id);
// The peer that is not revoked and has this instance id.
std::optional<Peer> FindPeerByInstance(Db& db, std::string_view instance_id);
// Writes state, confirmations, revoked_at and updated_at of `peer`.
void UpdatePeer(Db& db, const Peer& peer);

// The peer holding key `key_id` valid at `now` (its current key, or an older one within its
// grace period), with that key's Base64 public key in `public_key`; nullopt when none.
std::optional<Peer> FindPeerByKey(Db& db, std::string_view key_id, std::string_view now);
// Adds `key_id` as the peer's current key; its previous keys stay valid until `grace_until`.
void AddPeerKey(Db& db, std::string_view peer_id, std::string_view key_id,
                std::string_view public_key, std::string_view now, std::string_view grace_until);

}  // namespace amity::store
