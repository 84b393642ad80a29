// An impairment proxy for tests and benchmarks: a TCP relay on a loopback port that forwards to a
// target port and makes the link between them look like a long, lossy one, since the kernel here
// has no netem. Each direction delays every chunk it reads by half the round trip (in order, as a
// link does, not per connection); with probability `loss` a chunk is held an extra 200–400 ms,
// the retransmission TCP would need; a partition stops forwarding on open connections and refuses
// new ones until healed; every byte crossing in either direction can be appended to a file.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

namespace amity::testing {

struct Impairment {
  std::chrono::milliseconds round_trip{0};  // half of it each way
  double loss = 0;                          // probability a chunk waits for a "retransmission"
  std::string capture_path;                 // every byte that crossed, appended; "" for none
};

class ImpairProxy {
 public:
  // Listens on a free loopback port at once; forwards once a target is set. `seed` drives the
  // loss draws.
  explicit ImpairProxy(Impairment impairment = {}, uint32_t seed = 1);
  // Stops accepting, closes every connection and joins its threads.
  ~ImpairProxy();
  ImpairProxy(const ImpairProxy&) = delete;
  ImpairProxy& operator=(const ImpairProxy&) = delete;

  int port() const { return port_; }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // Connections made from now on go to 127.0.0.1:`port` (e.g. a server restarted on a new port);
  // before the first call, connections are refused.
  void SetTarget(int port) { target_port_ = port; }

  // Partition: open connections stop forwarding (what they read waits), new ones are closed at
  // once. Heal forwards what waited and accepts again.
  void Partition();
  void Heal();
  bool partitioned() const { return partitioned_; }

  // Bytes read from the client side (towards the target) and from the target (back), and
  // connections accepted, since the start or the last ResetCounters.
  uint64_t bytes_to_target() const { return bytes_to_target_; }
  uint64_t bytes_from_target() const { return bytes_from_target_; }
  uint64_t connections() const { return connections_; }
  void ResetCounters();

 private:
  struct Connection;
  struct Direction;
  void AcceptLoop();
  void Reap(bool all);
  void Pump(Connection& connection, Direction& direction);
  void Deliver(Connection& connection, Direction& direction);
  std::chrono::steady_clock::time_point DueTime(Direction& direction);
  void Capture(const char* data, size_t size);

  Impairment impairment_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<int> target_port_{0};
  std::atomic<bool> partitioned_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> bytes_to_target_{0};
  std::atomic<uint64_t> bytes_from_target_{0};
  std::atomic<uint64_t> connections_{0};
  std::mutex random_mutex_;
  std::mt19937 random_;
  std::mutex capture_mutex_;
  std::mutex heal_mutex_;
  std::condition_variable healed_;
  std::list<std::unique_ptr<Connection>> connections_open_;  // the accept thread's only
  std::thread accept_thread_;
};

}  // namespace amity::testing
