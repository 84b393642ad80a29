// Signed approvals of an agreement text (docs/FEDERATION.md, "Approvals"): an instance approves
// the exact canonical content (RFC 8785) of one version by signing its SHA-256 with its Ed25519
// federation key, so any server that knows the key can prove the approval later.
#pragma once

#include <string>
#include <string_view>

namespace amity::federation {

// The domain-separated message an approval signs: "amity-approval-v1\n" + content_hash (64
// lower-case hex characters), so an approval signature can never pass as a request signature.
std::string ApprovalMessage(std::string_view content_hash);

// The Base64 Ed25519 signature of ApprovalMessage(content_hash) with raw `secret_key`.
std::string SignApproval(std::string_view secret_key, std::string_view content_hash);

// True when `signature` (Base64) is the signature of ApprovalMessage(content_hash) by
// `public_key` (Base64 of the raw 32 bytes); false on anything malformed.
bool VerifyApproval(std::string_view public_key, std::string_view content_hash,
                    std::string_view signature);

}  // namespace amity::federation
