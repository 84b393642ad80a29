#include <cstdio>

#include "cli/notices.h"
#include "cli/run.h"

namespace amity::cli {

int Licenses(const Config&) {
  std::fputs(
      "Amity is free software: GNU Affero General Public License, version 3 or later\n"
      "(AGPL-3.0-or-later). Whoever runs a changed Amity for others over a network must offer\n"
      "them its source.\n\n",
      stdout);
  const std::string notices = ThirdPartyNotices();
  std::fwrite(notices.data(), 1, notices.size(), stdout);
  return 0;
}

}  // namespace amity::cli
