// impair_proxy: the impairment proxy (impair_proxy.h) as a command for benchmark scripts.
//   impair_proxy --target PORT [--listen-file FILE] [--rtt-ms N] [--loss P] [--capture FILE]
// Prints the port it listens on (and writes it to --listen-file), then forwards to
// 127.0.0.1:PORT until SIGTERM or SIGINT. SIGUSR1 partitions, SIGUSR2 heals, SIGHUP prints the
// byte counters; on exit it prints them too: "bytes_to_target N bytes_from_target N connections N".
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "impair_proxy.h"

namespace {

void PrintCounters(const amity::testing::ImpairProxy& proxy) {
  std::printf("bytes_to_target %llu bytes_from_target %llu connections %llu\n",
              static_cast<unsigned long long>(proxy.bytes_to_target()),
              static_cast<unsigned long long>(proxy.bytes_from_target()),
              static_cast<unsigned long long>(proxy.connections()));
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  amity::testing::Impairment impairment;
  int target = 0;
  std::string listen_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const char* value = argv[i + 1];
    if (name == "--target") {
      target = std::atoi(value);
    } else if (name == "--rtt-ms") {
      impairment.round_trip = std::chrono::milliseconds(std::atoi(value));
    } else if (name == "--loss") {
      impairment.loss = std::atof(value);
    } else if (name == "--capture") {
      impairment.capture_path = value;
    } else if (name == "--listen-file") {
      listen_file = value;
    } else {
      std::fprintf(stderr, "impair_proxy: unknown option %s\n", name.c_str());
      return 2;
    }
  }
  sigset_t handled;
  sigemptyset(&handled);
  for (const int signal : {SIGTERM, SIGINT, SIGUSR1, SIGUSR2, SIGHUP}) {
    sigaddset(&handled, signal);
  }
  pthread_sigmask(SIG_BLOCK, &handled, nullptr);  // the proxy's threads inherit it
  amity::testing::ImpairProxy proxy(impairment);
  proxy.SetTarget(target);
  std::printf("%d\n", proxy.port());
  std::fflush(stdout);
  if (!listen_file.empty()) {
    if (FILE* file = std::fopen(listen_file.c_str(), "w")) {
      std::fprintf(file, "%d\n", proxy.port());
      std::fclose(file);
    }
  }
  while (true) {
    int signal = 0;
    if (sigwait(&handled, &signal) != 0) break;
    if (signal == SIGUSR1) proxy.Partition();
    if (signal == SIGUSR2) proxy.Heal();
    if (signal == SIGHUP) PrintCounters(proxy);
    if (signal == SIGTERM || signal == SIGINT) break;
  }
  PrintCounters(proxy);
  return 0;
}
