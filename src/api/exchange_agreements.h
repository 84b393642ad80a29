// What the exchange routes share (api/exchange_agreements.cpp, api/exchange_calls.cpp): who sees
// an agreement, who writes exchange records, and the agreement a request names.
#pragma once

#include <string_view>

#include "api/api.h"
#include "store/exchange_agreements.h"

namespace amity::api {

// Home roles see every agreement; a partner user the shared ones of its partnerships.
bool SeesAgreement(const domain::Principal& principal, const store::ExchangeAgreement& agreement);

// Admins and officers of the home city write agreements, calls and applications.
bool IsExchangeWriter(const domain::Principal& principal);

// The agreement `id` (400 when not a UUID), or the 404 of a missing one when the caller may not
// see it.
store::ExchangeAgreement LoadVisibleAgreement(Call& call, std::string_view id);

}  // namespace amity::api
