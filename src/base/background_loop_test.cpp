#include "base/background_loop.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace amity {
namespace {

// Waits up to 5 s for `done`.
template <class Done>
bool Eventually(Done done) {
  for (int i = 0; i < 500 && !done(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

TEST(BackgroundLoopTest, RunsAtStartAgainWhenWokenAndGoesOnAfterAFailure) {
  std::atomic<int> passes = 0;
  std::atomic<int> failures = 0;
  BackgroundLoop loop(
      [&] {
        if (++passes == 2) throw std::runtime_error("second pass fails");
      },
      [&](const std::exception&) { ++failures; }, std::chrono::hours(1));
  loop.Start();
  EXPECT_TRUE(Eventually([&] { return passes == 1; }));
  loop.Wake();
  EXPECT_TRUE(Eventually([&] { return passes == 2 && failures == 1; }));
  loop.Wake();
  EXPECT_TRUE(Eventually([&] { return passes == 3; }));
  EXPECT_FALSE(loop.Stopping());
  loop.Stop();  // does not wait for the hour
  EXPECT_TRUE(loop.Stopping());
  EXPECT_EQ(passes, 3);
}

TEST(BackgroundLoopTest, RunsAgainAfterItsInterval) {
  std::atomic<int> passes = 0;
  BackgroundLoop loop([&] { ++passes; }, [](const std::exception&) {},
                      std::chrono::milliseconds(5));
  loop.Start();
  EXPECT_TRUE(Eventually([&] { return passes >= 3; }));
}

}  // namespace
}  // namespace amity
