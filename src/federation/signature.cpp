#include "federation/signature.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "federation/nonce_cache.h"

namespace amity::federation {
namespace {

void InitSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::string Encode(std::string_view bytes, int variant) {
  std::string text(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return text;
}

std::optional<std::string> Decode(std::string_view text, int variant) {
  std::string bytes(text.size(), '\0');
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                        text.size(), nullptr, &length, &end, variant) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A structured-field string ("…" with \" and \\ escapes) at the start of `text`, which it
// consumes; nullopt when malformed.
std::optional<std::string> TakeString(std::string_view& text) {
  if (text.empty() || text.front() != '"') return std::nullopt;
  std::string value;
  for (size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      if (++i == text.size() || (text[i] != '"' && text[i] != '\\')) return std::nullopt;
      value += text[i];
    } else if (c == '"') {
      text.remove_prefix(i + 1);
      return value;
    } else if (c < 0x20 || c > 0x7e) {
      return std::nullopt;
    } else {
      value += c;
    }
  }
  return std::nullopt;
}

std::optional<long long> TakeInteger(std::string_view& text) {
  size_t digits = 0;
  while (digits < text.size() && digits < 15 &&
         std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  const long long value = std::stoll(std::string(text.substr(0, digits)));
  text.remove_prefix(digits);
  return value;
}

std::string_view TakeKey(std::string_view& text) {
  size_t length = 0;
  while (length < text.size() &&
         (std::islower(static_cast<unsigned char>(text[length])) ||
          std::isdigit(static_cast<unsigned char>(text[length])) || text[length] == '_' ||
          text[length] == '-' || text[length] == '.' || text[length] == '*')) {
    ++length;
  }
  const std::string_view key = text.substr(0, length);
  text.remove_prefix(length);
  return key;
}

void AppendString(std::string& out, std::string_view value) {
  out += '"';
  for (const char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

}  // namespace

KeyPair NewKeyPair() {
  InitSodium();
  KeyPair pair{std::string(crypto_sign_PUBLICKEYBYTES, '\0'),
               std::string(crypto_sign_SECRETKEYBYTES, '\0')};
  crypto_sign_keypair(reinterpret_cast<unsigned char*>(pair.public_key.data()),
                      reinterpret_cast<unsigned char*>(pair.secret_key.data()));
  return pair;
}

std::optional<KeyPair> KeyPairFromSeed(std::string_view seed) {
  InitSodium();
  if (seed.size() != crypto_sign_SEEDBYTES) return std::nullopt;
  KeyPair pair{std::string(crypto_sign_PUBLICKEYBYTES, '\0'),
               std::string(crypto_sign_SECRETKEYBYTES, '\0')};
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(pair.public_key.data()),
                           reinterpret_cast<unsigned char*>(pair.secret_key.data()),
                           reinterpret_cast<const unsigned char*>(seed.data()));
  return pair;
}

std::string Sign(std::string_view secret_key, std::string_view message) {
  InitSodium();
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES) {
    throw std::invalid_argument("an Ed25519 secret key has 64 bytes");
  }
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(secret_key.data()));
  return signature;
}

bool Verify(std::string_view public_key, std::string_view message, std::string_view signature) {
  InitSodium();
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  return crypto_sign_verify_detached(
             reinterpret_cast<const unsigned char*>(signature.data()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(),
             reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

std::string Base64(std::string_view bytes) {
  InitSodium();
  return Encode(bytes, sodium_base64_VARIANT_ORIGINAL);
}
std::optional<std::string> FromBase64(std::string_view text) {
  InitSodium();
  return Decode(text, sodium_base64_VARIANT_ORIGINAL);
}
std::string Base64Url(std::string_view bytes) {
  InitSodium();
  return Encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
std::optional<std::string> FromBase64Url(std::string_view text) {
  InitSodium();
  return Decode(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string Sha256(std::string_view bytes) {
  InitSodium();
  std::string digest(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return digest;
}

std::string RandomNonce() {
  InitSodium();
  std::string bytes(16, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return Base64Url(bytes);
}

std::string KeyId(std::string_view public_key) {
  return "ed25519-" + Base64Url(Sha256(public_key).substr(0, 16));
}

std::string ContentDigest(std::string_view body) {
  return "sha-256=:" + Base64(Sha256(body)) + ":";
}

std::string SerializeParams(const SignatureParams& params) {
  std::string out = "(";
  for (size_t i = 0; i < params.covered.size(); ++i) {
    if (i > 0) out += ' ';
    AppendString(out, params.covered[i]);
  }
  out += ')';
  if (params.created) out += ";created=" + std::to_string(*params.created);
  if (params.expires) out += ";expires=" + std::to_string(*params.expires);
  const auto string_param = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    out += ';';
    out += name;
    out += '=';
    AppendString(out, value);
  };
  string_param("nonce", params.nonce);
  string_param("keyid", params.keyid);
  string_param("alg", params.alg);
  string_param("tag", params.tag);
  return out;
}

std::string SignatureBase(const std::vector<std::pair<std::string, std::string>>& components,
                          std::string_view params_value) {
  std::string base;
  for (const auto& [name, value] : components) {
    base += '"';
    base += name;
    base += "\": ";
    base += value;
    base += '\n';
  }
  base += "\"@signature-params\": ";
  base += params_value;
  return base;
}

std::optional<ParsedSignatureInput> ParseSignatureInput(std::string_view field) {
  std::string_view text = Trim(field);
  ParsedSignatureInput parsed;
  parsed.label = std::string(TakeKey(text));
  if (parsed.label.empty() || text.empty() || text.front() != '=') return std::nullopt;
  text.remove_prefix(1);
  parsed.value = std::string(text);
  if (text.empty() || text.front() != '(') return std::nullopt;
  text.remove_prefix(1);
  while (!text.empty() && text.front() != ')') {
    if (!parsed.params.covered.empty()) {
      if (text.front() != ' ') return std::nullopt;
      while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    }
    auto item = TakeString(text);
    if (!item) return std::nullopt;
    parsed.params.covered.push_back(std::move(*item));
  }
  if (text.empty()) return std::nullopt;
  text.remove_prefix(1);
  while (!text.empty()) {
    if (text.front() != ';') return std::nullopt;
    text.remove_prefix(1);
    const std::string_view key = TakeKey(text);
    if (key.empty() || text.empty() || text.front() != '=') return std::nullopt;
    text.remove_prefix(1);
    if (key == "created" || key == "expires") {
      auto number = TakeInteger(text);
      if (!number) return std::nullopt;
      (key == "created" ? parsed.params.created : parsed.params.expires) = *number;
      continue;
    }
    auto value = TakeString(text);
    if (!value) return std::nullopt;
    if (key == "nonce") {
      parsed.params.nonce = std::move(*value);
    } else if (key == "keyid") {
      parsed.params.keyid = std::move(*value);
    } else if (key == "alg") {
      parsed.params.alg = std::move(*value);
    } else if (key == "tag") {
      parsed.params.tag = std::move(*value);
    }  // other string parameters are signed as they are, and otherwise ignored
  }
  return parsed;
}

std::optional<std::string> ParseSignature(std::string_view field, std::string_view label) {
  while (!field.empty()) {
    const size_t comma = field.find(',');
    std::string_view member = Trim(field.substr(0, comma));
    field = comma == std::string_view::npos ? std::string_view() : field.substr(comma + 1);
    if (!member.starts_with(label) || member.size() < label.size() + 3 ||
        member[label.size()] != '=') {
      continue;
    }
    member.remove_prefix(label.size() + 1);
    if (member.size() < 2 || member.front() != ':' || member.back() != ':') return std::nullopt;
    return FromBase64(member.substr(1, member.size() - 2));
  }
  return std::nullopt;
}

const std::vector<std::string>& RequiredComponents() {
  static const std::vector<std::string> components{"@method", "@authority", "@path", "@query",
                                                   "content-digest"};
  return components;
}

namespace {

// The value of derived component or header `name` of `request` (nullopt when it has none).
std::optional<std::string> ComponentValue(
    const SignedParts& request, std::string_view name,
    const std::function<std::optional<std::string_view>(std::string_view)>& header) {
  const size_t question = request.target.find('?');
  if (name == "@method") return request.method;
  if (name == "@authority") {
    std::string authority = request.authority;
    std::transform(authority.begin(), authority.end(), authority.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return authority;
  }
  if (name == "@path") {
    std::string path = request.target.substr(0, question);
    return path.empty() ? "/" : path;
  }
  if (name == "@query") {
    return question == std::string::npos ? std::string("?") : request.target.substr(question);
  }
  if (name.starts_with("@")) return std::nullopt;
  if (!header) return std::nullopt;
  const auto value = header(name);
  if (!value) return std::nullopt;
  return std::string(Trim(*value));
}

}  // namespace

std::vector<std::pair<std::string, std::string>> SignRequest(const SignedParts& request,
                                                             std::string_view key_id,
                                                             std::string_view secret_key,
                                                             long long now, std::string nonce) {
  const std::string digest = ContentDigest(request.body);
  SignatureParams params{.covered = RequiredComponents(),
                         .created = now,
                         .expires = now + kMaxSkewSeconds,
                         .nonce = std::move(nonce),
                         .keyid = std::string(key_id),
                         .alg = "ed25519",
                         .tag = std::string(kSignatureTag)};
  const auto header = [&](std::string_view name) -> std::optional<std::string_view> {
    if (name == "content-digest") return digest;
    return std::nullopt;
  };
  std::vector<std::pair<std::string, std::string>> components;
  for (const std::string& name : params.covered) {
    components.emplace_back(name, *ComponentValue(request, name, header));
  }
  const std::string params_value = SerializeParams(params);
  const std::string signature = Sign(secret_key, SignatureBase(components, params_value));
  return {{"Content-Digest", digest},
          {"Signature-Input", "sig1=" + params_value},
          {"Signature", "sig1=:" + Base64(signature) + ":"}};
}

std::string_view RefusalCode(Refusal refusal) {
  switch (refusal) {
    case Refusal::kNone:
      return "ok";
    case Refusal::kMissing:
      return "signature_missing";
    case Refusal::kMalformed:
      return "signature_malformed";
    case Refusal::kDigestMismatch:
      return "digest_mismatch";
    case Refusal::kOutsideWindow:
      return "signature_expired";
    case Refusal::kUnknownKey:
      return "unknown_key";
    case Refusal::kBadSignature:
      return "signature_invalid";
    case Refusal::kReplayed:
      return "signature_replayed";
  }
  return "signature_invalid";
}

Verification VerifyRequest(
    const SignedParts& request,
    const std::function<std::optional<std::string_view>(std::string_view)>& header,
    const std::function<std::optional<std::string>(std::string_view)>& public_key_of, long long now,
    NonceCache& nonces) {
  const auto input_field = header("Signature-Input");
  const auto signature_field = header("Signature");
  const auto digest_field = header("Content-Digest");
  if (!input_field || !signature_field || !digest_field) {
    return {Refusal::kMissing, "",
            "sign the request: Signature-Input, Signature and Content-Digest are required"};
  }
  const auto input = ParseSignatureInput(*input_field);
  if (!input) return {Refusal::kMalformed, "", "Signature-Input is not one signature"};
  const SignatureParams& params = input->params;
  for (const std::string& required : RequiredComponents()) {
    if (std::find(params.covered.begin(), params.covered.end(), required) == params.covered.end()) {
      return {Refusal::kMalformed, params.keyid, "the signature must cover " + required};
    }
  }
  if (!params.created || params.nonce.empty() || params.nonce.size() > 128 ||
      params.keyid.empty() || (!params.alg.empty() && params.alg != "ed25519") ||
      params.tag != kSignatureTag) {
    return {Refusal::kMalformed, params.keyid,
            "the signature needs created, nonce (1-128 characters), keyid, tag=\"" +
                std::string(kSignatureTag) + "\" and alg ed25519 if any"};
  }
  if (*params.created > now + kMaxSkewSeconds || *params.created < now - kMaxSkewSeconds ||
      (params.expires &&
       (*params.expires < now || *params.expires - *params.created > kMaxSkewSeconds))) {
    return {Refusal::kOutsideWindow, params.keyid,
            "created must lie within 300 seconds of the server's clock (" + std::to_string(now) +
                ") and expires, if any, in the future and at most 300 seconds after created"};
  }
  const std::string digest = ContentDigest(request.body);
  bool digest_matches = false;
  for (std::string_view rest = *digest_field; !rest.empty();) {
    const size_t comma = rest.find(',');
    if (Trim(rest.substr(0, comma)) == digest) digest_matches = true;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (!digest_matches) {
    return {Refusal::kDigestMismatch, params.keyid,
            "Content-Digest must hold the sha-256 digest of the body"};
  }
  const auto public_key = public_key_of(params.keyid);
  if (!public_key) return {Refusal::kUnknownKey, params.keyid, "no peer holds this keyid"};
  std::vector<std::pair<std::string, std::string>> components;
  for (const std::string& name : params.covered) {
    auto value = ComponentValue(request, name, header);
    if (!value) return {Refusal::kMalformed, params.keyid, "the request has no " + name};
    components.emplace_back(name, std::move(*value));
  }
  const auto signature = ParseSignature(*signature_field, input->label);
  if (!signature) {
    return {Refusal::kMalformed, params.keyid, "Signature has no member " + input->label};
  }
  if (!Verify(*public_key, SignatureBase(components, input->value), *signature)) {
    return {Refusal::kBadSignature, params.keyid, "the signature does not verify"};
  }
  if (!nonces.Remember(params.keyid + " " + params.nonce, now + 2 * kMaxSkewSeconds, now)) {
    return {Refusal::kReplayed, params.keyid, "this nonce was used already"};
  }
  return {Refusal::kNone, params.keyid, ""};
}

}  // namespace amity::federation
