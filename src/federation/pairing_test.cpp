#include "federation/pairing.h"

#include <gtest/gtest.h>

#include "federation/signature.h"

namespace amity::federation {
namespace {

TEST(PairingTest, InvitationRoundTrips) {
  const KeyPair key = NewKeyPair();
  const Invitation invitation{.url = "https://amity.izmir.bel.tr",
                              .instance_id = "0191a000-0000-7000-8000-000000000001",
                              .key_id = KeyId(key.public_key),
                              .public_key = key.public_key,
                              .code = "c0de",
                              .expires_at = "2026-12-08T06:00:00Z"};
  const std::string text = EncodeInvitation(invitation);
  EXPECT_TRUE(text.starts_with(kInvitationPrefix));
  EXPECT_EQ(text.find_first_of(" +/=\n"), std::string::npos);  // one word, safe to paste
  const auto decoded = DecodeInvitation("  " + text + "\n");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->url, invitation.url);
  EXPECT_EQ(decoded->instance_id, invitation.instance_id);
  EXPECT_EQ(decoded->key_id, invitation.key_id);
  EXPECT_EQ(decoded->public_key, invitation.public_key);
  EXPECT_EQ(decoded->code, invitation.code);
  EXPECT_EQ(decoded->expires_at, invitation.expires_at);
  EXPECT_FALSE(DecodeInvitation(text.substr(0, text.size() - 4)));
  EXPECT_FALSE(DecodeInvitation("amity-invite-1." + Base64Url("{\"v\":2}")));
  EXPECT_FALSE(DecodeInvitation("hello"));
}

TEST(PairingTest, FingerprintIsSymmetricSixGroupsOfFiveDigits) {
  const KeyPair a = NewKeyPair();
  const KeyPair b = NewKeyPair();
  const std::string fingerprint = Fingerprint(a.public_key, b.public_key);
  EXPECT_EQ(fingerprint, Fingerprint(b.public_key, a.public_key));
  ASSERT_EQ(fingerprint.size(), 35u);
  for (size_t i = 0; i < fingerprint.size(); ++i) {
    if (i % 6 == 5) {
      EXPECT_EQ(fingerprint[i], ' ');
    } else {
      EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(fingerprint[i])));
    }
  }
  EXPECT_NE(fingerprint, Fingerprint(a.public_key, NewKeyPair().public_key));
  // A fixed example, written down in docs/FEDERATION.md: keys of all 0x01 and all 0x02 bytes.
  EXPECT_EQ(Fingerprint(std::string(32, '\x02'), std::string(32, '\x01')),
            "65530 50779 08935 73050 68020 31794");
}

}  // namespace
}  // namespace amity::federation
