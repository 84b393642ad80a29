// The only translation unit that instantiates RESTinio (it is slow to compile).
#include "http/server.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <thread>

#include "base/text.h"
#include "base/time.h"
#include "http/problem.h"
#include "http/query.h"

namespace amity::http {
namespace {

// Bodies beyond this are cut by the parser (connection closed); below it and above
// max_body_bytes the handler answers 413 with a problem body.
constexpr std::uint64_t kParserBodyLimit = 16u << 20;

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return status < 500 ? "Client Error" : "Internal Server Error";
  }
}

// `batch`: how many requests shared the commit of this one (0: not a batched write).
void LogRequest(const Request& request, int status, double millis, size_t bytes, size_t batch) {
  std::string line = "{\"time\":\"" + FormatInstant(Now()) + "\",\"method\":";
  AppendJsonString(line, request.method);
  line += ",\"path\":";
  AppendJsonString(line, request.path);
  line += ",\"status\":" + std::to_string(status) + ",\"ms\":" + std::to_string(millis) +
          ",\"bytes\":" + std::to_string(bytes);
  if (batch > 0) line += ",\"batch\":" + std::to_string(batch);
  line += "}\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
}

bool TooLarge(const Request& request, std::size_t max_body_bytes) {
  return request.body.size() > max_body_bytes;
}

Response Dispatch(const Handler& handler, const Request& request, std::size_t max_body_bytes) {
  if (TooLarge(request, max_body_bytes)) {
    return ProblemResponse(413, "Request body too large",
                           {{"", "body_too_large",
                             "the body has " + std::to_string(request.body.size()) +
                                 " bytes; the limit is " + std::to_string(max_body_bytes)}});
  }
  return Guarded(request, [&] { return handler(request); });
}

using Clock = std::chrono::steady_clock;

using Reply = restinio::response_builder_t<restinio::restinio_controlled_output_t>;

// The answer `response` on the connection of `raw`, ready to send with done(); logs the request.
Reply MakeReply(const restinio::request_handle_t& raw, const Request& request, Response response,
                Clock::time_point started, size_t batch) {
  auto reply = raw->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      ReasonPhrase(response.status)});
  if (!response.content_type.empty()) {
    reply.append_header(restinio::http_field::content_type, response.content_type);
  }
  for (const auto& [name, value] : response.headers) reply.append_header(name, value);
  const size_t bytes = response.body.size();
  if (request.method != "HEAD") reply.set_body(std::move(response.body));
  LogRequest(request, response.status,
             std::chrono::duration<double, std::milli>(Clock::now() - started).count(), bytes,
             batch);
  return reply;
}

// The writer thread of Batching: takes what is queued, hands it to Batching::handle, replies.
class WriteQueue {
 public:
  WriteQueue(const Batching& batching, restinio::asio_ns::io_context& io,
             std::atomic<int>& in_flight)
      : batching_(batching), io_(io), in_flight_(in_flight), thread_([this] { Run(); }) {}
  ~WriteQueue() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  void Push(Request request, restinio::request_handle_t raw, Clock::time_point started) {
    {
      std::lock_guard lock(mutex_);
      waiting_.push_back({std::move(request), std::move(raw), started});
    }
    wake_.notify_one();
  }

 private:
  struct Waiting {
    Request request;
    restinio::request_handle_t raw;
    Clock::time_point started;
  };

  void Run() {
    std::vector<Waiting> batch;
    batch.reserve(batching_.max_batch);  // `next` hands out pointers into it: it must not move
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
        if (waiting_.empty()) return;  // stopping, and nothing left to answer
      }
      const NextRequest next = [this, &batch]() -> const Request* {
        std::unique_lock lock(mutex_);
        if (batch.size() >= batching_.max_batch) return nullptr;
        if (waiting_.empty() && !batch.empty()) {
          lock.unlock();
          std::this_thread::yield();
          lock.lock();
        }
        if (waiting_.empty()) return nullptr;
        batch.push_back(std::move(waiting_.front()));
        waiting_.pop_front();
        return &batch.back().request;
      };
      std::vector<Response> responses;
      try {
        responses = batching_.handle(next);
      } catch (const std::exception&) {
        const std::exception_ptr failure = std::current_exception();
        responses.clear();
        for (const Waiting& waiting : batch) {
          responses.push_back(
              Guarded(waiting.request, [&]() -> Response { std::rethrow_exception(failure); }));
        }
      }
      // Sent by one task on the server threads: a reply sent from here would wake them once
      // for each (an epoll_ctl and a switch of threads, ~5% of a POST).
      auto replies = std::make_shared<std::vector<Reply>>();
      replies->reserve(batch.size());
      for (size_t i = 0; i < batch.size(); ++i) {
        Response response = i < responses.size() ? std::move(responses[i])
                                                 : ProblemResponse(500, "Internal server error");
        replies->push_back(MakeReply(batch[i].raw, batch[i].request, std::move(response),
                                     batch[i].started, batch.size()));
      }
      restinio::asio_ns::post(io_, [replies, &in_flight = in_flight_] {
        for (Reply& reply : *replies) {
          reply.done();
          --in_flight;
        }
      });
      batch.clear();
      if (batching_.idle) {
        bool waiting = false;
        {
          std::lock_guard lock(mutex_);
          waiting = !waiting_.empty();
        }
        if (!waiting) {
          try {
            batching_.idle();
          } catch (const std::exception& error) {  // housekeeping: the next batch comes first
            std::fprintf(stderr, "amity: after a batch: %s\n", error.what());
          }
        }
      }
    }
  }

  const Batching& batching_;
  restinio::asio_ns::io_context& io_;
  std::atomic<int>& in_flight_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Waiting> waiting_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace

void Serve(const ServerOptions& options, Handler handler, const std::function<void()>& on_ready) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // One line per request: block-buffered (a write(2) per line would cost more than a small
  // request), flushed at least every 200 ms by `flusher` so the log stays current.
  static char log_buffer[1 << 16];
  std::setvbuf(stdout, log_buffer, _IOFBF, sizeof log_buffer);
  std::atomic<bool> serving{true};
  std::thread flusher([&serving] {
    while (serving.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      std::fflush(stdout);
    }
  });
  std::atomic<int> in_flight{0};
  restinio::asio_ns::io_context io;  // the server threads run it
  std::optional<WriteQueue> writes;
  if (options.batching.batchable) writes.emplace(options.batching, io, in_flight);
  using Traits = restinio::default_traits_t;
  auto settings =
      restinio::server_settings_t<Traits>{}
          .address(options.address)
          .port(options.port)
          .incoming_http_msg_limits(
              restinio::incoming_http_msg_limits_t{}.max_body_size(kParserBodyLimit))
          .request_handler([&](const restinio::request_handle_t& raw) {
            ++in_flight;
            const auto started = Clock::now();
            Request request;
            request.method = raw->header().method().c_str();
            const std::string_view raw_path = raw->header().path();
            auto path = PercentDecode(raw_path, false);
            auto query = ParseQuery(raw->header().query());
            request.path = path ? std::move(*path) : std::string(raw_path);
            raw->header().for_each_field([&request](const restinio::http_header_field_t& field) {
              request.headers.emplace_back(field.name(), field.value());
            });
            request.body = raw->body();
            request.remote_address = raw->remote_endpoint().address().to_string();

            Response response;
            if (!path || !query) {
              response = ProblemResponse(
                  400, "Malformed URL", {{"", "bad_escape", "the path or query is badly escaped"}});
            } else {
              request.query = std::move(*query);
              if (writes && !TooLarge(request, options.max_body_bytes) &&
                  options.batching.batchable(request)) {
                writes->Push(std::move(request), raw, started);  // answered by the writer thread
                return restinio::request_accepted();
              }
              response = Dispatch(handler, request, options.max_body_bytes);
            }
            MakeReply(raw, request, std::move(response), started, 0).done();
            --in_flight;
            return restinio::request_accepted();
          });

  auto server = restinio::run_async<Traits>(restinio::external_io_context(io), std::move(settings),
                                            static_cast<std::size_t>(options.threads));
  on_ready();
  int received = 0;
  sigwait(&signals, &received);
  // Let requests already being handled write their responses before the sockets close.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  server->stop();
  server->wait();
  // After the server threads: they no longer queue writes. What is still queued is handled (and
  // its answers dropped with their closed connections) before the thread stops.
  writes.reset();
  serving = false;
  flusher.join();
  std::fflush(stdout);
}

}  // namespace amity::http
