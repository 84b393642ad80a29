#include "base/background_loop.h"

namespace amity {

BackgroundLoop::BackgroundLoop(std::function<void()> pass,
                               std::function<void(const std::exception&)> failed,
                               std::chrono::milliseconds interval)
    : pass_(std::move(pass)), failed_(std::move(failed)), interval_(interval) {}

BackgroundLoop::~BackgroundLoop() { Stop(); }

void BackgroundLoop::Start() {
  thread_ = std::thread([this] { Run(); });
}

void BackgroundLoop::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundLoop::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool BackgroundLoop::Stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void BackgroundLoop::Run() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      woken_ = false;  // what woke the loop is seen by the pass that starts now
    }
    try {
      pass_();
    } catch (const std::exception& failure) {
      failed_(failure);
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, interval_, [this] { return stopping_ || woken_; });
    if (stopping_) return;
  }
}

}  // namespace amity
