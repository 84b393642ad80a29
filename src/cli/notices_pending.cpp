// Linked into amity_unnoticed, the binary the notices are generated from (its libraries are the
// amity binary's): the real notices do not exist yet when it is linked.
#include "cli/notices.h"

namespace amity::cli {

std::string ThirdPartyNotices() { return "third-party notices not generated in this build\n"; }

}  // namespace amity::cli
