// Federation between Amity servers (docs/FEDERATION.md): this instance's identity key, pairing
// (invitations, acceptance, confirmation of the fingerprint), revocation and key rotation for
// admins under /api/v1/federation, and the signed server-to-server routes under /federation/v1.
#pragma once

#include "api/api.h"
#include "store/federation.h"

namespace amity::api {

// Makes this instance's first Ed25519 key pair unless it has one (at the first start).
void EnsureFederationKey(store::Db& db, Instant now);

// Verifies a server-to-server request's signature (docs/FEDERATION.md) and returns the active
// peer that signed it; throws 401 (logged) for a bad signature or a revoked peer, 403 for a
// pending one.
store::Peer VerifyPeerRequest(Call& call);

// The partnerships `peer` is paired for (its stored JSON list of ids; empty when unreadable).
std::vector<std::string> PeerPartnerships(const store::Peer& peer);

http::Response GetFederation(Call& call);
http::Response CreateInvitation(Call& call);
http::Response AcceptInvitation(Call& call);
http::Response ConfirmPeer(Call& call);
http::Response RevokePeer(Call& call);
http::Response HelloPeer(Call& call);
http::Response RotateFederationKey(Call& call);

http::Response PeerRegister(Call& call);  // POST /federation/v1/register
http::Response PeerConfirm(Call& call);   // POST /federation/v1/confirm
http::Response PeerKeys(Call& call);      // POST /federation/v1/keys
http::Response PeerHello(Call& call);     // GET /federation/v1/hello

}  // namespace amity::api
