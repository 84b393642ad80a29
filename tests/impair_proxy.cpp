#include "impair_proxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <deque>
#include <stdexcept>
#include <vector>

namespace amity::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Sleeps until `until` in short steps, so that a stopping proxy is not held up.
void SleepUntil(Clock::time_point until, const std::atomic<bool>& stopping) {
  while (!stopping && Clock::now() < until) {
    std::this_thread::sleep_for(
        std::min<Clock::duration>(until - Clock::now(), std::chrono::milliseconds(20)));
  }
}

int ConnectLoopback(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

void NoDelay(int fd) {
  int yes = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
}

}  // namespace

struct ImpairProxy::Direction {
  int from_fd = -1;
  int to_fd = -1;
  bool to_target = true;
  std::mutex mutex;
  std::condition_variable ready;
  struct Chunk {
    std::string bytes;
    Clock::time_point due;
  };
  std::deque<Chunk> queue;
  bool eof = false;
  Clock::time_point last_due{};
};

struct ImpairProxy::Connection {
  int client_fd = -1;
  int target_fd = -1;
  Direction up;    // client → target
  Direction down;  // target → client
  std::vector<std::thread> threads;
  std::atomic<int> finished{0};
};

ImpairProxy::ImpairProxy(Impairment impairment, uint32_t seed)
    : impairment_(std::move(impairment)), random_(seed) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  int yes = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(listen_fd_, 128) != 0) {
    throw std::runtime_error("impair proxy: cannot listen");
  }
  socklen_t length = sizeof address;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  accept_thread_ = std::thread([this] { AcceptLoop(); });
}

ImpairProxy::~ImpairProxy() {
  {
    std::lock_guard lock(heal_mutex_);
    stopping_ = true;
  }
  healed_.notify_all();
  accept_thread_.join();
  close(listen_fd_);
  Reap(/*all=*/true);
}

void ImpairProxy::Partition() { partitioned_ = true; }

void ImpairProxy::Heal() {
  {
    std::lock_guard lock(heal_mutex_);
    partitioned_ = false;
  }
  healed_.notify_all();
}

void ImpairProxy::ResetCounters() {
  bytes_to_target_ = 0;
  bytes_from_target_ = 0;
  connections_ = 0;
}

void ImpairProxy::AcceptLoop() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    Reap(/*all=*/false);
    if (poll(&waiting, 1, 50) <= 0) continue;
    const int client = accept(listen_fd_, nullptr, nullptr);
    if (client < 0) continue;
    const int target = partitioned_ || target_port_ == 0 ? -1 : ConnectLoopback(target_port_);
    if (target < 0) {  // refused: the caller sees the connection closed at once
      close(client);
      continue;
    }
    NoDelay(client);
    NoDelay(target);
    ++connections_;
    auto connection = std::make_unique<Connection>();
    Connection& c = *connection;
    c.client_fd = client;
    c.target_fd = target;
    c.up.from_fd = client;
    c.up.to_fd = target;
    c.down.from_fd = target;
    c.down.to_fd = client;
    c.down.to_target = false;
    c.threads.emplace_back([this, &c] { Pump(c, c.up); });
    c.threads.emplace_back([this, &c] { Deliver(c, c.up); });
    c.threads.emplace_back([this, &c] { Pump(c, c.down); });
    c.threads.emplace_back([this, &c] { Deliver(c, c.down); });
    connections_open_.push_back(std::move(connection));
  }
}

void ImpairProxy::Reap(bool all) {
  for (auto it = connections_open_.begin(); it != connections_open_.end();) {
    Connection& c = **it;
    if (!all && c.finished < 4) {
      ++it;
      continue;
    }
    if (all) {
      shutdown(c.client_fd, SHUT_RDWR);
      shutdown(c.target_fd, SHUT_RDWR);
      for (Direction* d : {&c.up, &c.down}) {
        std::lock_guard lock(d->mutex);
        d->ready.notify_all();
      }
    }
    for (std::thread& thread : c.threads) thread.join();
    close(c.client_fd);
    close(c.target_fd);
    it = connections_open_.erase(it);
  }
}

Clock::time_point ImpairProxy::DueTime(Direction& direction) {
  Clock::duration delay = impairment_.round_trip / 2;
  if (impairment_.loss > 0) {
    std::lock_guard lock(random_mutex_);
    if (std::uniform_real_distribution<double>(0, 1)(random_) < impairment_.loss) {
      delay += std::chrono::milliseconds(std::uniform_int_distribution<int>(200, 400)(random_));
    }
  }
  // In order, as on a link: a chunk held for a retransmission holds up those behind it.
  direction.last_due = std::max(direction.last_due, Clock::now() + delay);
  return direction.last_due;
}

void ImpairProxy::Capture(const char* data, size_t size) {
  if (impairment_.capture_path.empty()) return;
  std::lock_guard lock(capture_mutex_);
  const int fd = open(impairment_.capture_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return;
  (void)!write(fd, data, size);
  close(fd);
}

void ImpairProxy::Pump(Connection& connection, Direction& direction) {
  char buffer[16384];
  while (true) {
    const ssize_t n = read(direction.from_fd, buffer, sizeof buffer);
    if (n <= 0) break;
    Capture(buffer, static_cast<size_t>(n));
    (direction.to_target ? bytes_to_target_ : bytes_from_target_) += static_cast<uint64_t>(n);
    std::lock_guard lock(direction.mutex);
    const Clock::time_point due = DueTime(direction);
    direction.queue.push_back({std::string(buffer, static_cast<size_t>(n)), due});
    direction.ready.notify_all();
  }
  {
    std::lock_guard lock(direction.mutex);
    direction.eof = true;
    direction.ready.notify_all();
  }
  ++connection.finished;
}

void ImpairProxy::Deliver(Connection& connection, Direction& direction) {
  while (true) {
    Direction::Chunk chunk;
    {
      std::unique_lock lock(direction.mutex);
      direction.ready.wait(lock, [&] { return !direction.queue.empty() || direction.eof; });
      if (direction.queue.empty()) {  // the sender finished: pass the end on
        shutdown(direction.to_fd, SHUT_WR);
        break;
      }
      chunk = std::move(direction.queue.front());
      direction.queue.pop_front();
    }
    SleepUntil(chunk.due, stopping_);
    {
      std::unique_lock lock(heal_mutex_);
      healed_.wait(lock, [&] { return !partitioned_ || stopping_; });
    }
    if (stopping_) break;
    size_t sent = 0;
    while (sent < chunk.bytes.size()) {
      const ssize_t n =
          send(direction.to_fd, chunk.bytes.data() + sent, chunk.bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    if (sent < chunk.bytes.size()) {  // the receiver went: stop reading from the sender too
      shutdown(direction.from_fd, SHUT_RDWR);
      break;
    }
  }
  ++connection.finished;
}

}  // namespace amity::testing
