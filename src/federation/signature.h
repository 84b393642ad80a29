// HTTP Message Signatures (RFC 9421) with Ed25519, as servers of a federation sign and check
// each other's requests: keys, digests, the signature base, and signing and verifying a whole
// request. Pure functions on bytes; the caller supplies the clock, the keys and the replay cache.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amity::federation {

class NonceCache;

// An Ed25519 key pair, raw bytes: 32 of public key, 64 of secret key (libsodium's seed+public).
struct KeyPair {
  std::string public_key;
  std::string secret_key;
};

// A new random key pair.
KeyPair NewKeyPair();
// The key pair of a 32-byte seed (RFC 8032's private key); nullopt when not 32 bytes.
std::optional<KeyPair> KeyPairFromSeed(std::string_view seed);
// The 64-byte Ed25519 signature of `message`.
std::string Sign(std::string_view secret_key, std::string_view message);
// True when `signature` is `public_key`'s signature of `message` (false on wrong sizes).
bool Verify(std::string_view public_key, std::string_view message, std::string_view signature);

// Base64 with padding (RFC 4648 §4) and its inverse (nullopt when not Base64).
std::string Base64(std::string_view bytes);
std::optional<std::string> FromBase64(std::string_view text);
// Base64url without padding (RFC 4648 §5) and its inverse.
std::string Base64Url(std::string_view bytes);
std::optional<std::string> FromBase64Url(std::string_view text);
// The raw 32-byte SHA-256 of `bytes`.
std::string Sha256(std::string_view bytes);

// 16 random bytes in Base64url: a request's nonce.
std::string RandomNonce();

// A key's id: "ed25519-" and the first 16 bytes of its SHA-256 in Base64url (22 characters).
std::string KeyId(std::string_view public_key);

// The Content-Digest field value (RFC 9530) of `body`: "sha-256=:<Base64 of SHA-256>:".
std::string ContentDigest(std::string_view body);

// The signature parameters (RFC 9421 §2.3) Amity writes and reads, and the covered components.
struct SignatureParams {
  std::vector<std::string> covered;  // component identifiers without quotes, e.g. "@method"
  std::optional<long long> created;  // Unix seconds
  std::optional<long long> expires;
  std::string nonce;
  std::string keyid;
  std::string alg;
  std::string tag;
};

// The @signature-params value: the inner list of quoted components, then each parameter that
// is set, in the order created, expires, nonce, keyid, alg, tag.
std::string SerializeParams(const SignatureParams& params);

// The signature base (RFC 9421 §2.5): one line `"name": value` per covered component (values as
// given, in order), then `"@signature-params": ` and `params_value`, lines joined by "\n".
std::string SignatureBase(const std::vector<std::pair<std::string, std::string>>& components,
                          std::string_view params_value);

// A Signature-Input member parsed: its label, its parameters and the exact text after "label="
// (which the signature base repeats). Nullopt when the field is not one well-formed member
// (only one signature per request is accepted).
struct ParsedSignatureInput {
  std::string label;
  SignatureParams params;
  std::string value;
};
std::optional<ParsedSignatureInput> ParseSignatureInput(std::string_view field);
// The signature bytes of member `label` of a Signature field ("label=:Base64:"); nullopt when
// absent or malformed.
std::optional<std::string> ParseSignature(std::string_view field, std::string_view label);

// What a request is, as far as the signature covers it.
struct SignedParts {
  std::string method;     // "POST"
  std::string authority;  // the Host: "amity.izmir.bel.tr" or "127.0.0.1:8080", lower case
  std::string target;     // path and query as sent, e.g. "/federation/v1/hello?x=1"
  std::string body;
};

// The components every federation request signs, in this order.
const std::vector<std::string>& RequiredComponents();
// The tag of Amity's federation signatures ("amity-federation").
constexpr std::string_view kSignatureTag = "amity-federation";
// How far `created` may lie from the verifier's clock, either way, and the longest validity.
constexpr long long kMaxSkewSeconds = 300;

// The headers to add to a request: Content-Digest, Signature-Input and Signature (label "sig1"),
// signed with `secret_key` under `key_id` at Unix time `now` (expires = now + 300) with `nonce`.
std::vector<std::pair<std::string, std::string>> SignRequest(const SignedParts& request,
                                                             std::string_view key_id,
                                                             std::string_view secret_key,
                                                             long long now, std::string nonce);

// Why a request's signature was refused.
enum class Refusal {
  kNone,
  kMissing,         // no Signature-Input / Signature / Content-Digest
  kMalformed,       // a field that does not parse, a missing parameter or component
  kDigestMismatch,  // Content-Digest is not the body's
  kOutsideWindow,   // created too far from now, or expired
  kUnknownKey,      // no key for keyid (or its peer is revoked)
  kBadSignature,    // the signature does not verify
  kReplayed,        // the nonce was seen within the window
};
std::string_view RefusalCode(Refusal refusal);  // e.g. "signature_invalid"

struct Verification {
  Refusal refusal = Refusal::kNone;
  std::string key_id;   // as the request named it (empty when unparsed)
  std::string message;  // why, for the problem and the log; no secrets
};

// Checks a request's signature. `header` returns a request header by name (case-insensitive);
// `public_key_of` the public key of a key id, or nullopt when unknown. The nonce is remembered
// in `nonces` only once everything else verified, so a forged request cannot burn a nonce.
Verification VerifyRequest(
    const SignedParts& request,
    const std::function<std::optional<std::string_view>(std::string_view)>& header,
    const std::function<std::optional<std::string>(std::string_view)>& public_key_of, long long now,
    NonceCache& nonces);

}  // namespace amity::federation
