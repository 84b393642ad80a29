// Retries that never duplicate: a POST sent with an Idempotency-Key header is answered once; the
// same key from the same user within 24 hours gets that first answer again (with
// "Idempotency-Replayed: true") and writes nothing, and the same key with another request
// answers 422. The kept answer is written in the transaction of the write it answers.
#pragma once

#include <functional>

#include "api/api.h"

namespace amity::api {

// Whether `call` (a POST by a signed-in user) carries an Idempotency-Key header.
bool HasIdempotencyKey(const Call& call);

// Answers `call` by `handle` once per key (see above). Throws HttpError 400 naming
// Idempotency-Key for a malformed key and 422 for a key reused with another request; what
// `handle` throws passes through, keeping nothing.
http::Response AnswerOnce(Call& call, const std::function<http::Response()>& handle);

}  // namespace amity::api
