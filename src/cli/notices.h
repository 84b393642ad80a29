// The third-party notices of this binary: the licences of the Debian packages it loads or was
// compiled from and of the npm packages in its web UI. Generated when the binary is built
// (scripts/third_party_notices.py); `amity licenses` prints them.
#pragma once

#include <string>

namespace amity::cli {

// Returns the notices text. Defined by the generated notices.cpp in the amity binary; the
// binary the notices are generated from links notices_pending.cpp instead.
std::string ThirdPartyNotices();

}  // namespace amity::cli
