// Secrets, on libsodium: password hashing with Argon2id, random tokens for sessions, CSRF and
// API access, and the digests under which tokens are stored. Nothing here logs or keeps a
// secret; callers store only HashPassword and TokenDigest results.
#pragma once

#include <string>
#include <string_view>

#include "base/problem.h"

namespace amity::auth {

// A URL-safe random token carrying `bytes` bytes of entropy (default 256 bits).
std::string RandomToken(size_t bytes = 32);

// A random password for a new account or a reset: 20 characters, 120 bits.
std::string RandomPassword();

// The SHA-256 digest of `token` in hex: how session and API tokens are stored and looked up.
// (Tokens are random, so a fast hash is enough; passwords need HashPassword.)
std::string TokenDigest(std::string_view token);

// An Argon2id string (libsodium's crypto_pwhash_str at the INTERACTIVE limits: about 90 ms and
// 64 MiB). At most two hashes run at once; further callers wait, so a burst of logins cannot
// exhaust memory.
std::string HashPassword(std::string_view password);

// True when `password` matches `hash` (as made by HashPassword). Same cost and bound.
bool VerifyPassword(std::string_view hash, std::string_view password);

// Spends the time of one VerifyPassword on nothing, so an unknown account answers as slowly
// as a known one with a wrong password.
void VerifyNothing(std::string_view password);

// Problems with a new password (field "password"): at least 12 characters, at most 256 bytes,
// not only one repeated character. Empty when acceptable.
Problems PasswordProblems(std::string_view password);

// Compares two strings in time independent of where they differ (for CSRF tokens).
bool EqualSecrets(std::string_view left, std::string_view right);

}  // namespace amity::auth
