#include "federation/approval.h"

#include "federation/signature.h"

namespace amity::federation {

std::string ApprovalMessage(std::string_view content_hash) {
  return "amity-approval-v1\n" + std::string(content_hash);
}

std::string SignApproval(std::string_view secret_key, std::string_view content_hash) {
  return Base64(Sign(secret_key, ApprovalMessage(content_hash)));
}

bool VerifyApproval(std::string_view public_key, std::string_view content_hash,
                    std::string_view signature) {
  const std::optional<std::string> key = FromBase64(public_key);
  const std::optional<std::string> raw = FromBase64(signature);
  if (!key || !raw || key->size() != 32 || raw->size() != 64) return false;
  return Verify(*key, ApprovalMessage(content_hash), *raw);
}

}  // namespace amity::federation
