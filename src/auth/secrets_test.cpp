#include "auth/secrets.h"

#include <gtest/gtest.h>

#include <set>

namespace amity::auth {
namespace {

TEST(SecretsTest, PasswordsHashWithArgon2idAndVerify) {
  const std::string hash = HashPassword("correct horse battery");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_EQ(hash.find("correct"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse batterx"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
  // Each hash has its own salt.
  EXPECT_NE(hash, HashPassword("correct horse battery"));
}

TEST(SecretsTest, TokensAreRandomUrlSafeAndStoredAsDigests) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 43u);  // 32 bytes in unpadded base64
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(TokenDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(RandomPassword().size(), 20u);
}

TEST(SecretsTest, PasswordRules) {
  EXPECT_EQ(PasswordProblems("short").at(0).code, "too_short");
  EXPECT_EQ(PasswordProblems("aaaaaaaaaaaaaaaa").at(0).code, "too_weak");
  EXPECT_EQ(PasswordProblems(std::string(300, 'x') + "y").at(0).code, "too_long");
  // Characters, not bytes: twelve Chinese characters are enough.
  EXPECT_TRUE(PasswordProblems("哈尔滨冰雪大世界哈尔滨冰雪").empty());
  EXPECT_EQ(PasswordProblems("哈尔滨冰雪").at(0).code, "too_short");
  EXPECT_TRUE(PasswordProblems("İzmir-Harbin-2026").empty());
}

TEST(SecretsTest, EqualSecretsComparesWholeStrings) {
  EXPECT_TRUE(EqualSecrets("abc", "abc"));
  EXPECT_FALSE(EqualSecrets("abc", "abd"));
  EXPECT_FALSE(EqualSecrets("abc", "abcd"));
}

}  // namespace
}  // namespace amity::auth
