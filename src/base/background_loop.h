// A thread that does one piece of background work again and again: at start, then each time it is
// woken or its interval has passed, until stopped (the translation and previews workers).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace amity {

class BackgroundLoop {
 public:
  // `pass` runs on the loop's thread; what it throws is handed to `failed` (which must not
  // throw), and the loop goes on.
  BackgroundLoop(std::function<void()> pass, std::function<void(const std::exception&)> failed,
                 std::chrono::milliseconds interval);
  ~BackgroundLoop();  // stops and joins
  BackgroundLoop(const BackgroundLoop&) = delete;
  BackgroundLoop& operator=(const BackgroundLoop&) = delete;

  void Start();
  // Asks the loop to end after the pass under way (see Stopping) and waits for it.
  void Stop();
  // Runs another pass as soon as the one under way (if any) ends.
  void Wake();
  // True once Stop was called: a long pass checks it between its steps.
  bool Stopping();

 private:
  void Run();

  std::function<void()> pass_;
  std::function<void(const std::exception&)> failed_;
  std::chrono::milliseconds interval_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace amity
