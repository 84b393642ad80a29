// Pairing two instances: the invitation an admin hands to the other city's admin (a compact
// string), and the fingerprint both screens show so that the admins can compare keys by phone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace amity::federation {

// What an invitation carries. `code` is the one-time secret; the inviter keeps only its digest.
struct Invitation {
  std::string url;          // the inviting server's base URL, e.g. "https://amity.izmir.bel.tr"
  std::string instance_id;  // its instance id (UUID)
  std::string key_id;       // its current key's id (federation::KeyId)
  std::string public_key;   // raw 32 bytes
  std::string code;         // one-time code (Base64url, 32 random bytes)
  std::string expires_at;   // UTC instant "YYYY-MM-DDTHH:MM:SSZ"
};

// The prefix of an invitation string; the rest is Base64url (no padding) of a JSON object
// {"v":1,"url","instance_id","key_id","public_key" (Base64),"code","expires_at"}.
constexpr std::string_view kInvitationPrefix = "amity-invite-1.";

std::string EncodeInvitation(const Invitation& invitation);
// Nullopt when `text` (surrounding white space ignored) is not an invitation of this version,
// or a member is missing or of the wrong type, or the key is not 32 bytes.
std::optional<Invitation> DecodeInvitation(std::string_view text);

// The pair's fingerprint: SHA-256 of the two raw public keys in ascending byte order,
// concatenated; its first 30 bytes in six 5-byte big-endian groups, each modulo 100000 written
// as five digits, joined by spaces: "04219 88310 …". Symmetric: both sides get the same.
std::string Fingerprint(std::string_view public_key, std::string_view other_public_key);

}  // namespace amity::federation
