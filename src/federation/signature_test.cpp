#include "federation/signature.h"

#include <gtest/gtest.h>

#include <map>

#include "federation/nonce_cache.h"

namespace amity::federation {
namespace {

// RFC 9421 Appendix B.1.4, test-key-ed25519: the PKCS#8 private key and SPKI public key; the
// raw keys are their last 32 bytes.
constexpr char kRfcPrivateKey[] =
    "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
constexpr char kRfcPublicKey[] = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

KeyPair RfcKey() {
  const std::string der = *FromBase64(kRfcPrivateKey);
  return *KeyPairFromSeed(der.substr(der.size() - 32));
}

// RFC 9421 Appendix B.2.6: the signature base and the signature of test-request under sig-b26.
TEST(SignatureTest, Rfc9421Ed25519TestVector) {
  const KeyPair key = RfcKey();
  const std::string spki = *FromBase64(kRfcPublicKey);
  EXPECT_EQ(key.public_key, spki.substr(spki.size() - 32));
  const SignatureParams params{
      .covered = {"date", "@method", "@path", "@authority", "content-type", "content-length"},
      .created = 1618884473,
      .expires = std::nullopt,
      .nonce = "",
      .keyid = "test-key-ed25519",
      .alg = "",
      .tag = ""};
  const std::string params_value = SerializeParams(params);
  EXPECT_EQ(params_value,
            "(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" "
            "\"content-length\");created=1618884473;keyid=\"test-key-ed25519\"");
  const std::string base = SignatureBase({{"date", "Tue, 20 Apr 2021 02:07:55 GMT"},
                                          {"@method", "POST"},
                                          {"@path", "/foo"},
                                          {"@authority", "example.com"},
                                          {"content-type", "application/json"},
                                          {"content-length", "18"}},
                                         params_value);
  EXPECT_EQ(base,
            "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n\"@method\": POST\n\"@path\": /foo\n"
            "\"@authority\": example.com\n\"content-type\": application/json\n"
            "\"content-length\": 18\n\"@signature-params\": " +
                params_value);
  const std::string signature = Sign(key.secret_key, base);
  EXPECT_EQ(Base64(signature),
            "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw"
            "==");
  EXPECT_TRUE(Verify(key.public_key, base, signature));
  EXPECT_FALSE(Verify(key.public_key, base + " ", signature));

  // The RFC's Signature-Input parses back to the same parameters and value.
  const auto parsed = ParseSignatureInput("sig-b26=" + params_value);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->label, "sig-b26");
  EXPECT_EQ(parsed->value, params_value);
  EXPECT_EQ(parsed->params.covered, params.covered);
  EXPECT_EQ(parsed->params.created, 1618884473);
  EXPECT_EQ(parsed->params.keyid, "test-key-ed25519");
  EXPECT_EQ(ParseSignature("sig-b26=:" + Base64(signature) + ":", "sig-b26"), signature);
}

// RFC 9530 §2: {"hello": "world"} has this sha-256 Content-Digest.
TEST(SignatureTest, ContentDigestOfRfc9530Example) {
  EXPECT_EQ(ContentDigest("{\"hello\": \"world\"}\n"),
            "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:");
}

TEST(SignatureTest, MalformedInputIsRefused) {
  EXPECT_FALSE(ParseSignatureInput(""));
  EXPECT_FALSE(ParseSignatureInput("sig1=\"@method\""));
  EXPECT_FALSE(ParseSignatureInput("sig1=(\"@method\";created=1"));
  EXPECT_FALSE(ParseSignatureInput("sig1=(\"@method\");created=x"));
  EXPECT_FALSE(ParseSignatureInput("sig1=(\"@method\"), sig2=(\"@path\")"));
  EXPECT_FALSE(ParseSignature("sig1=abc", "sig1"));
  EXPECT_FALSE(ParseSignature("sig2=:AAAA:", "sig1"));
}

// A request signed by SignRequest, checked by VerifyRequest as a server would.
class VerifyTest : public ::testing::Test {
 protected:
  KeyPair key_ = NewKeyPair();
  std::string key_id_ = KeyId(key_.public_key);
  NonceCache nonces_;
  SignedParts request_{"POST", "Amity.Example:8443", "/federation/v1/confirm?x=1",
                       "{\"fingerprint\":\"1\"}"};
  std::map<std::string, std::string> headers_;
  long long now_ = 1'800'000'000;

  void SignAt(long long created, const std::string& nonce = "n-1") {
    headers_.clear();
    for (auto& [name, value] : SignRequest(request_, key_id_, key_.secret_key, created, nonce)) {
      headers_[name] = value;
    }
  }
  Verification Check() {
    return VerifyRequest(
        request_,
        [&](std::string_view name) -> std::optional<std::string_view> {
          for (const auto& [key, value] : headers_) {
            if (strcasecmp(key.c_str(), std::string(name).c_str()) == 0) return value;
          }
          return std::nullopt;
        },
        [&](std::string_view id) -> std::optional<std::string> {
          if (id == key_id_) return key_.public_key;
          return std::nullopt;
        },
        now_, nonces_);
  }
};

TEST_F(VerifyTest, SignedRequestVerifiesOnceThenIsAReplay) {
  SignAt(now_);
  EXPECT_EQ(headers_["Signature-Input"].rfind("sig1=(\"@method\" \"@authority\" \"@path\" "
                                              "\"@query\" \"content-digest\");created=",
                                              0),
            0u);
  const Verification first = Check();
  EXPECT_EQ(first.refusal, Refusal::kNone) << first.message;
  EXPECT_EQ(first.key_id, key_id_);
  EXPECT_EQ(Check().refusal, Refusal::kReplayed);
  SignAt(now_, "n-2");  // a new nonce is a new request
  EXPECT_EQ(Check().refusal, Refusal::kNone);
}

TEST_F(VerifyTest, EveryCoveredPartMatters) {
  SignAt(now_);
  request_.body += " ";
  EXPECT_EQ(Check().refusal, Refusal::kDigestMismatch);
  request_.body.pop_back();
  headers_["Content-Digest"] = ContentDigest(request_.body + " ");
  EXPECT_EQ(Check().refusal, Refusal::kDigestMismatch);
  SignAt(now_, "a");
  request_.method = "PUT";
  EXPECT_EQ(Check().refusal, Refusal::kBadSignature);
  request_.method = "POST";
  request_.target = "/federation/v1/confirm?x=2";
  EXPECT_EQ(Check().refusal, Refusal::kBadSignature);
  request_.target = "/federation/v1/confirm?x=1";
  request_.authority = "other.example:8443";
  EXPECT_EQ(Check().refusal, Refusal::kBadSignature);
  request_.authority = "amity.example:8443";  // the authority is compared in lower case
  EXPECT_EQ(Check().refusal, Refusal::kNone);
}

TEST_F(VerifyTest, CreatedOutsideTheWindowIsRefused) {
  SignAt(now_ - kMaxSkewSeconds - 1);
  EXPECT_EQ(Check().refusal, Refusal::kOutsideWindow);
  SignAt(now_ + kMaxSkewSeconds + 1);
  EXPECT_EQ(Check().refusal, Refusal::kOutsideWindow);
  SignAt(now_ - kMaxSkewSeconds + 5);  // within the window, still unexpired
  EXPECT_EQ(Check().refusal, Refusal::kNone);
}

TEST_F(VerifyTest, UnknownKeyMissingAndMalformedAreRefused) {
  SignAt(now_);
  const KeyPair other = NewKeyPair();
  key_ = other;  // the verifier now knows another key under the same id
  EXPECT_EQ(Check().refusal, Refusal::kBadSignature);
  key_id_ = "someone-else";
  EXPECT_EQ(Check().refusal, Refusal::kUnknownKey);
  headers_.erase("Signature");
  EXPECT_EQ(Check().refusal, Refusal::kMissing);
  headers_["Signature"] = "sig1=:AAAA:";
  headers_["Signature-Input"] = "sig1=(\"@method\");created=1800000000;keyid=\"k\";nonce=\"n\"";
  EXPECT_EQ(Check().refusal, Refusal::kMalformed);
}

TEST(NonceCacheTest, ForgetsExpiredAndRefusesWhenFull) {
  NonceCache cache(2);
  EXPECT_TRUE(cache.Remember("a", 10, 0));
  EXPECT_FALSE(cache.Remember("a", 10, 5));
  EXPECT_TRUE(cache.Remember("b", 20, 5));
  EXPECT_FALSE(cache.Remember("c", 20, 5));   // full of unexpired nonces: fail closed
  EXPECT_TRUE(cache.Remember("c", 20, 11));   // "a" expired
  EXPECT_FALSE(cache.Remember("a", 30, 11));  // full again
  EXPECT_TRUE(cache.Remember("a", 30, 21));   // "b" and "c" expired
  EXPECT_EQ(cache.size(), 1u);
}

}  // namespace
}  // namespace amity::federation

namespace amity::federation {
namespace {

// The worked example of docs/FEDERATION.md, computed there independently (Python's
// cryptography package): the RFC's test key signs a confirmation to amity.izmir.example.
TEST(SignatureTest, DocumentedExample) {
  const KeyPair key = RfcKey();
  EXPECT_EQ(KeyId(key.public_key), "ed25519-sWwtG-rRJiY5dk_bDuTTdw");
  const auto headers =
      SignRequest({"POST", "amity.izmir.example", "/federation/v1/confirm",
                   "{\"fingerprint\":\"12345 67890 12345 67890 12345 67890\"}"},
                  KeyId(key.public_key), key.secret_key, 1796000000, "3q2-7wAAAAAAAAAAAAAAAA");
  ASSERT_EQ(headers.size(), 3u);
  EXPECT_EQ(headers[0].second, "sha-256=:aZ67tFsuFjqq9rQY1dL+JCzhOP23VrkGl0sgTLr+JdE=:");
  EXPECT_EQ(headers[1].second,
            "sig1=(\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");"
            "created=1796000000;expires=1796000300;nonce=\"3q2-7wAAAAAAAAAAAAAAAA\";"
            "keyid=\"ed25519-sWwtG-rRJiY5dk_bDuTTdw\";alg=\"ed25519\";tag=\"amity-federation\"");
  EXPECT_EQ(headers[2].second,
            "sig1=:aKVfdlcPLi1PfWsBD+ORkp1Cq9UFOgB872qjrQhASvVWr+Yrv1KXcAZLQ8ueE4YONg3K1+PfO8+"
            "VsyrTbfIjBw==:");
}

}  // namespace
}  // namespace amity::federation
