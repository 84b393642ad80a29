// The HTTP/1.1 server: Boost.Beast on Asio with a pool of threads, each request handed to a plain
// function as an http::Request. Limits are answered before a body is read (see server.cpp) and
// pipelined requests are answered in order. It logs one line per request (JSON or plain, with the
// request's id, which it answers as X-Request-Id; no query, header or body) and stops cleanly on
// SIGTERM or SIGINT after letting in-flight requests finish.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/log.h"
#include "http/message.h"
#include "http/metrics.h"

namespace amity::http {

// Writes that may share one database commit (group commit). Requests for which `batchable`
// answers true are not handled on the thread that read them: they queue for one writer thread.
// It starts a batch as soon as one request waits and calls `handle` with a source of requests:
// each call of `next` hands over the next request waiting, or null once none waits or the batch
// holds `max_batch`. So a lone write waits for nothing, and a request that arrives while a batch
// is being handled joins it rather than waiting for it to end. `handle` answers every request it
// took, one response each, in order; the answers are sent once it returns, that is after the
// batch's commit. Then, if no request waits, the writer thread calls `idle` (when set): work
// that would otherwise land in a batch, done while none is waiting (a request that arrives
// meanwhile waits for it). Off when `batchable` is empty.
struct Batching {
  std::function<bool(const Request&)> batchable;
  std::function<std::vector<Response>(const NextRequest& next)> handle;
  std::function<void()> idle;
  std::size_t max_batch = 64;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 1;
  std::size_t max_body_bytes = 1 << 20;  // larger bodies answer 413
  Batching batching;
  LogFormat log_format = LogFormat::kJson;  // of the line logged per request
  // Counts requests, connections and batches when set; must outlive Serve.
  Metrics* metrics = nullptr;
  // Decides, once a request's head is read (`head` has no body yet), whether its body is streamed
  // into a sink instead of being read into memory: file uploads, whatever their size, take one
  // buffer of a few hundred KiB. Null: read as usual, up to max_body_bytes. May throw HttpError to
  // refuse the request before its body is read (the connection then closes). Unset: nothing is
  // streamed.
  std::function<std::shared_ptr<BodySink>(const Request& head)> stream_body;
};

// Handles one request; may throw HttpError (mapped to a problem response) or anything else
// (logged, answered 500 with no internal detail).
using Handler = std::function<Response(const Request&)>;

// Serves until SIGTERM or SIGINT, then returns. `on_ready` runs once the socket is listening.
// Throws std::exception when the address cannot be bound. Blocks SIGTERM/SIGINT in the calling
// thread (and the threads it starts) to receive them with sigwait.
void Serve(const ServerOptions& options, Handler handler, const std::function<void()>& on_ready);

}  // namespace amity::http
