#include "federation/pairing.h"

#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>

#include "federation/signature.h"

namespace amity::federation {
namespace json = boost::json;

std::string EncodeInvitation(const Invitation& invitation) {
  const json::object object{{"v", 1},
                            {"url", invitation.url},
                            {"instance_id", invitation.instance_id},
                            {"key_id", invitation.key_id},
                            {"public_key", Base64(invitation.public_key)},
                            {"code", invitation.code},
                            {"expires_at", invitation.expires_at}};
  return std::string(kInvitationPrefix) + Base64Url(json::serialize(object));
}

std::optional<Invitation> DecodeInvitation(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  if (!text.starts_with(kInvitationPrefix) || text.size() > 4096) return std::nullopt;
  const auto bytes = FromBase64Url(text.substr(kInvitationPrefix.size()));
  if (!bytes) return std::nullopt;
  boost::system::error_code error;
  const json::value value = json::parse(*bytes, error);
  if (error || !value.is_object()) return std::nullopt;
  const json::object& object = value.as_object();
  const json::value* version = object.if_contains("v");
  if (version == nullptr || !version->is_int64() || version->as_int64() != 1) return std::nullopt;
  Invitation invitation;
  const auto member = [&](std::string_view name, std::string& out) {
    const json::value* found = object.if_contains(name);
    if (found == nullptr || !found->is_string() || found->as_string().empty()) return false;
    out = std::string(found->as_string());
    return true;
  };
  std::string public_key;
  if (!member("url", invitation.url) || !member("instance_id", invitation.instance_id) ||
      !member("key_id", invitation.key_id) || !member("public_key", public_key) ||
      !member("code", invitation.code) || !member("expires_at", invitation.expires_at)) {
    return std::nullopt;
  }
  const auto key = FromBase64(public_key);
  if (!key || key->size() != 32) return std::nullopt;
  invitation.public_key = *key;
  return invitation;
}

std::string Fingerprint(std::string_view public_key, std::string_view other_public_key) {
  std::string both = public_key < other_public_key
                         ? std::string(public_key) + std::string(other_public_key)
                         : std::string(other_public_key) + std::string(public_key);
  const std::string digest = Sha256(both);
  std::string out;
  for (int group = 0; group < 6; ++group) {
    std::uint64_t number = 0;
    for (int i = 0; i < 5; ++i) {
      number = (number << 8) | static_cast<unsigned char>(digest[group * 5 + i]);
    }
    char digits[8];
    std::snprintf(digits, sizeof digits, "%05llu",
                  static_cast<unsigned long long>(number % 100000));
    if (group > 0) out += ' ';
    out += digits;
  }
  return out;
}

}  // namespace amity::federation
