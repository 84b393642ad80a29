#include "federation/canonical_json.h"

#include <gtest/gtest.h>

#include <bit>
#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>

#include "federation/approval.h"
#include "federation/signature.h"

namespace amity::federation {
namespace {
namespace json = boost::json;

std::string Canonical(std::string_view text) { return CanonicalJson(json::parse(text)).value(); }

// The examples of RFC 8785 (§3.2.2, Appendix B) and its reference test data (arrays, french,
// structures, unicode, values, weird).
TEST(CanonicalJsonTest, Rfc8785TestData) {
  EXPECT_EQ(Canonical("[\n  56,\n  {\n    \"d\": true,\n    \"10\": null,\n    \"1\": [ ]\n  }\n]"),
            R"([56,{"1":[],"10":null,"d":true}])");
  EXPECT_EQ(Canonical(R"({"peach": "This sorting order", "péché": "is wrong according to French",
                         "pêche": "but canonicalization MUST", "sin": "ignore locale"})"),
            R"({"peach":"This sorting order","péché":"is wrong according to French",)"
            R"("pêche":"but canonicalization MUST","sin":"ignore locale"})");
  EXPECT_EQ(
      Canonical(R"({"1": {"f": {"f": "hi","F": 5} ,"\n": 56.0}, "10": { }, "": "empty",
                         "a": { }, "111": [ {"e": "yes","E": "no" } ], "A": { }})"),
      R"({"":"empty","1":{"\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],)"
      R"("A":{},"a":{}})");
  EXPECT_EQ(Canonical(R"({"Unnormalized Unicode":"A\u030a"})"),
            "{\"Unnormalized Unicode\":\"A\xCC\x8A\"}");
  // Boost.JSON 1.81 does not round every decimal correctly (333333333.33333329 reads as
  // ...325), so the numbers of the "values" data are read with strtod, which does.
  json::value values = json::parse(R"({"numbers": [],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]})");
  for (const char* number :
       {"333333333.33333329", "1E30", "4.50", "2e-3", "0.000000000000000000000000001"}) {
    values.at("numbers").as_array().emplace_back(std::strtod(number, nullptr));
  }
  EXPECT_EQ(CanonicalJson(values).value(),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,"
            "1e-27],\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  // Sorted by UTF-16 code units: the emoji's surrogate (D83D) comes before U+FB33.
  EXPECT_EQ(
      Canonical(R"({"\u20ac": "Euro Sign", "\r": "Carriage Return", "\u000a": "Newline",
                         "1": "One", "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley",
                         "\u00f6": "Latin Small Letter O With Diaeresis",
                         "\ufb33": "Hebrew Letter Dalet With Dagesh",
                         "</script>": "Browser Challenge"})"),
      "{\"\\n\":\"Newline\",\"\\r\":\"Carriage Return\",\"1\":\"One\",\"</script>\":"
      "\"Browser Challenge\",\"\xC2\x80\":\"Control\x7F\",\"\xC3\xB6\":\"Latin Small Letter O "
      "With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\",\"\xF0\x9F\x98\x82\":\"Smiley\","
      "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

// RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript text.
TEST(CanonicalJsonTest, Rfc8785NumberSamples) {
  const std::pair<uint64_t, std::string_view> samples[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& [bits, text] : samples) {
    EXPECT_EQ(EcmaScriptNumber(std::bit_cast<double>(bits)), text) << std::hex << bits;
  }
  EXPECT_EQ(Canonical("[-0, 12, 100, 1e21, -7]"), "[0,12,100,1e+21,-7]");
}

TEST(CanonicalJsonTest, RefusesWhatHasNoCanonicalForm) {
  EXPECT_FALSE(CanonicalJson(json::value(std::numeric_limits<double>::infinity())));
  EXPECT_FALSE(CanonicalJson(json::value(std::nan(""))));
  EXPECT_FALSE(CanonicalJson(json::value(json::string("bad \xC3"))));
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ApprovalTest, SignedApprovalVerifiesOnlyForItsKeyAndHash) {
  const KeyPair key = NewKeyPair();
  const KeyPair other = NewKeyPair();
  const std::string hash = Sha256Hex(Canonical(R"({"title":"Protocol","version":2})"));
  const std::string signature = SignApproval(key.secret_key, hash);
  EXPECT_TRUE(VerifyApproval(Base64(key.public_key), hash, signature));
  EXPECT_FALSE(VerifyApproval(Base64(other.public_key), hash, signature));
  EXPECT_FALSE(VerifyApproval(Base64(key.public_key),
                              Sha256Hex(Canonical(R"({"title":"Protocol","version":3})")),
                              signature));
  std::string tampered = *FromBase64(signature);
  tampered[0] = static_cast<char>(tampered[0] ^ 1);
  EXPECT_FALSE(VerifyApproval(Base64(key.public_key), hash, Base64(tampered)));
  EXPECT_FALSE(VerifyApproval("not base64!", hash, signature));
  EXPECT_FALSE(VerifyApproval(Base64(key.public_key), hash, "c2hvcnQ="));
  // Domain separation: the signature is over the prefixed message, not the bare hash.
  EXPECT_FALSE(Verify(key.public_key, hash, *FromBase64(signature)));
  EXPECT_TRUE(Verify(key.public_key, ApprovalMessage(hash), *FromBase64(signature)));
}

}  // namespace
}  // namespace amity::federation
