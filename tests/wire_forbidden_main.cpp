// wire_forbidden DB [VALUE…]: writes the values the server of database DB must never send its
// peers (and each VALUE, e.g. a password only the caller knows) to
// $AMITY_WIRE_CAPTURE/<instance id>.forbidden, for the browser tests' servers
// (tests/ui/harness.mjs). Exits 1 when the database cannot be read.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "wire_forbidden.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);  // so that a failure is reported and counted
  if (argc < 2) {
    std::fprintf(stderr, "usage: wire_forbidden DB [VALUE…]\n");
    return 2;
  }
  const char* folder = std::getenv("AMITY_WIRE_CAPTURE");
  amity::testing::WriteForbiddenValues(folder ? folder : "", argv[1],
                                       std::vector<std::string>(argv + 2, argv + argc));
  return ::testing::UnitTest::GetInstance()->ad_hoc_test_result().Failed() ? 1 : 0;
}
