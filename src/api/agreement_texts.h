// Signed approvals of agreement texts and their proof (docs/FEDERATION.md, "Approvals").
#pragma once

#include <boost/json.hpp>
#include <string>

#include "api/api.h"

namespace amity::api {

// The canonical content (RFC 8785) of agreement text `text`: the JCS bytes of its id,
// partnership_id, kind, title, body and version. Both servers compute the same bytes from their
// copy of the record, since replicas keep the owner's content and version.
std::string CanonicalAgreementText(const boost::json::object& text);

// POST /agreement_texts/{id}/approvals: this instance approves the text's current version, signed
// with its federation key (officers and admins; 409 already_approved, or stale_hash when the body's
// content_hash is not the current one).
http::Response ApproveAgreementText(Call& call);

// GET /agreement_texts/{id}/proof: the canonical bytes, their hash and every approval with
// whether its key is known, its signature valid and its version current.
http::Response AgreementTextProof(Call& call);

}  // namespace amity::api
