// The only translation unit that includes Boost.Beast and Boost.Asio (they are slow to compile).
//
// Why Beast and not RESTinio (used before): RESTinio 0.6 reads a whole request before the
// handler sees it and closes the connection without an answer when a limit is passed, so a
// declared 15 MB body was read into memory before the 413, and an over-long URL or header got no
// 414/431. Beast parses the head first, so limits answer before the body is read, and the
// connection loop is ours: pipelined requests are answered one after the other, in order.
#include "http/server.h"

#include <sys/sendfile.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "base/text.h"
#include "base/time.h"
#include "http/problem.h"
#include "http/query.h"

namespace amity::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// The request line and headers together; beyond it 431 (or 414 when the request line alone
// does not fit). Browsers send 1-2 KiB; nginx's default is 8 KiB per line.
constexpr std::uint32_t kHeaderLimit = 16 << 10;
// A request target longer than this answers 414.
constexpr std::size_t kTargetLimit = 8 << 10;
// What the bodies being received may hold in memory together, over every connection. A request
// whose body would pass it answers 503 (retry later) before its body is read.
constexpr std::int64_t kBodyBudget = 64 << 20;
// Open connections; one more is closed at once. With the header limit this bounds what
// unfinished request heads can hold (2,048 × 16 KiB = 32 MiB).
constexpr int kMaxConnections = 2048;
// How long a connection may stay idle between requests, take to send one, or take to read an
// answer.
constexpr auto kIdleTimeout = std::chrono::seconds(60);
constexpr auto kTransferTimeout = std::chrono::seconds(60);
// After an answer that closes a connection whose request was not read to its end, what is still
// sent is read and dropped for at most this long (closing with unread data would reset the
// connection and could destroy the answer before the client reads it).
constexpr auto kLingerTimeout = std::chrono::seconds(2);
// A streamed body (ServerOptions::stream_body) is read in pieces of at most this size, each
// handed to its sink before the next is read (bench/files.sh: 1 MiB reads gave uploads ~x the
// speed of Beast's parser reading through its 64 KiB buffer).
constexpr std::size_t kStreamPiece = 1 << 20;
// A file answer is sent by the kernel in calls of at most this many bytes; after this many in one
// turn, the connection yields to the others its thread serves.
constexpr std::size_t kSendfileCall = 1 << 20;
constexpr std::uint64_t kSendfileTurn = 16 << 20;

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
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
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return status < 500 ? "Client Error" : "Internal Server Error";
  }
}

// `batch`: how many requests shared the commit of this one (0: not a batched write). The path is
// logged without its query (search terms, filters), and no header or body is.
void LogRequest(LogFormat format, const Request& request, int status, double millis, size_t bytes,
                size_t batch) {
  LogLine line(format, status >= 500 ? "error" : "info", "request");
  line.Add("id", request.id).Add("method", request.method).Add("path", request.path);
  line.Add("status", static_cast<long long>(status)).Add("ms", millis);
  line.Add("bytes", static_cast<long long>(bytes));
  if (batch > 0) line.Add("batch", static_cast<long long>(batch));
  line.Write(stdout);
}

// The client's X-Request-Id when it is safe to log and echo, else a new one: this process's random
// prefix and a counter (unique per process, nothing about the client in it).
std::string RequestId(std::optional<std::string_view> given) {
  if (given && !given->empty() && given->size() <= 64 &&
      given->find_first_not_of(
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
          std::string_view::npos) {
    return std::string(*given);
  }
  static const std::uint32_t prefix = std::random_device()();
  static std::atomic<std::uint64_t> counter{0};
  // Written by hand: snprintf took ~1,400 instructions per request.
  const std::uint64_t value =
      (std::uint64_t{prefix} << 32) ^ counter.fetch_add(1, std::memory_order_relaxed);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15, shift = 0; i >= 0; --i, shift += 4) id[i] = kHex[(value >> shift) & 0xf];
  return id;
}

// A method is an upper-case token (RFC 9110 §9.1: methods are case-sensitive; all registered
// ones are upper case), so "get" is refused rather than taken for an unknown method.
bool IsUpperCaseToken(std::string_view method) {
  if (method.empty()) return false;
  for (const char c : method) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

struct ServerState;

// One client connection: reads a request head, checks its limits, reads its body, has it
// answered, writes the answer, and only then reads the next request, so pipelined requests
// (already in `buffer_`) are answered one by one, in order. While a request is being answered
// the connection has no operation pending (no read, no timer), which is what lets the writer
// thread's reply task call Send from any server thread.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, ServerState& state);
  ~Connection();

  void Start() { ReadHeader(); }

  // Writes the answer to the request being handled (logged with `batch`), then reads the next
  // request or closes the connection.
  void Send(const Request& request, Response response, Clock::time_point started, size_t batch);

 private:
  void ReadHeader();
  void OnHeader(beast::error_code error);
  // Fills request_ from the head just read; false when its path or query is badly escaped.
  bool ReadHead();
  // Reads the body (after a 100 Continue when the client expects one) with `read`.
  void ReadBodyWith(void (Connection::*read)());
  void ReadBody();
  void OnBody(beast::error_code error);
  void ReadStream();
  void OnStream(beast::error_code error);
  // A streamed body of declared length is read straight from the socket into stream_piece_
  // (no parser copy, no 64 KiB read buffer in between): raw_left_ bytes are still to come.
  void ReadRaw();
  void OnRaw(beast::error_code error, size_t got);
  // Hands `bytes` to the request's sink; false when the sink refused them (already answered).
  bool Feed(std::string_view bytes);
  void Handle();
  // Answers `status` without handling the request and closes the connection.
  void Refuse(int status, const std::string& title, const Problems& problems);
  void RefuseBodyTooLarge();  // 413: a declared or chunked body over max_body_bytes
  void RefuseUriTooLong();    // 414: a target over kTargetLimit
  void Write(Response response, bool head_only, std::string_view request_id);
  void SendFile();
  void AfterWrite(beast::error_code error);
  void Linger();
  void ReleaseBody();

  beast::tcp_stream stream_;
  ServerState& state_;
  beast::flat_buffer buffer_;
  // Bodies are read into the memory they are handed over in (Request::body).
  using BodyType = bhttp::basic_string_body<char, std::char_traits<char>, BodyAllocator<char>>;
  std::optional<bhttp::request_parser<BodyType>> parser_;
  // A streamed body is read through this parser instead, a piece at a time into stream_piece_.
  std::optional<bhttp::request_parser<bhttp::buffer_body>> stream_parser_;
  std::unique_ptr<char[]> stream_piece_;
  bool raw_ = false;
  std::uint64_t raw_left_ = 0;
  bool head_ok_ = false;  // request_'s path and query decoded
  std::string remote_address_;
  Request request_;  // the one being handled (its body moved out once handled)
  Clock::time_point started_;
  std::int64_t held_ = 0;  // taken from ServerState::body_budget for the body being read
  bool keep_alive_ = false;
  bool unread_input_ = false;  // the request was refused before its body was read
  std::string head_;           // of the answer being written
  std::string body_;
  std::shared_ptr<const FileSlice> file_;  // of the answer being written, when from a file
  std::uint64_t file_sent_ = 0;
  std::optional<asio::steady_timer> file_timer_;
  std::array<char, 4096> drain_{};
};

class WriteQueue;

struct ServerState {
  const ServerOptions& options;
  const Handler& handler;
  asio::io_context& io;
  WriteQueue* writes = nullptr;
  std::atomic<int> in_flight{0};
  std::atomic<int> connections{0};
  std::atomic<std::int64_t> body_budget{kBodyBudget};
};

// The writer thread of Batching: takes what is queued, hands it to Batching::handle, replies.
class WriteQueue {
 public:
  WriteQueue(const Batching& batching, asio::io_context& io, std::atomic<int>& in_flight,
             Metrics* metrics)
      : batching_(batching), io_(io), in_flight_(in_flight), metrics_(metrics), thread_([this] {
          Run();
        }) {}
  ~WriteQueue() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  void Push(Request request, std::shared_ptr<Connection> connection, Clock::time_point started) {
    {
      std::lock_guard lock(mutex_);
      waiting_.push_back({std::move(request), std::move(connection), started});
    }
    wake_.notify_one();
  }

 private:
  struct Waiting {
    Request request;
    std::shared_ptr<Connection> connection;
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
      for (size_t i = responses.size(); i < batch.size(); ++i) {
        responses.push_back(ProblemResponse(500, "Internal server error"));
      }
      if (metrics_ != nullptr) metrics_->CountBatch(batch.size());
      // Sent by one task on the server threads: a task per answer would wake them once for each
      // (an epoll_ctl and a switch of threads, ~5% of a POST).
      auto replies = std::make_shared<std::pair<std::vector<Waiting>, std::vector<Response>>>(
          std::move(batch), std::move(responses));
      batch = {};
      batch.reserve(batching_.max_batch);
      asio::post(io_, [replies, &in_flight = in_flight_] {
        auto& [answered, answers] = *replies;
        const size_t size = answered.size();
        for (size_t i = 0; i < size; ++i) {
          answered[i].connection->Send(answered[i].request, std::move(answers[i]),
                                       answered[i].started, size);
          --in_flight;
        }
      });
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
  asio::io_context& io_;
  std::atomic<int>& in_flight_;
  Metrics* metrics_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Waiting> waiting_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

Connection::Connection(tcp::socket socket, ServerState& state)
    : stream_(std::move(socket)), state_(state), buffer_(64 << 10) {
  beast::error_code error;
  const auto endpoint = stream_.socket().remote_endpoint(error);
  if (!error) remote_address_ = endpoint.address().to_string();
  stream_.socket().set_option(tcp::no_delay(true), error);
  ++state_.connections;
  if (state_.options.metrics) state_.options.metrics->ConnectionOpened();
}

Connection::~Connection() {
  ReleaseBody();
  --state_.connections;
  if (state_.options.metrics) state_.options.metrics->ConnectionClosed();
}

void Connection::ReleaseBody() {
  if (held_ > 0) state_.body_budget += held_;
  held_ = 0;
}

void Connection::ReadHeader() {
  request_ = Request{};
  head_ok_ = false;
  raw_ = false;
  parser_.emplace();
  parser_->header_limit(kHeaderLimit);
  // A declared length is judged once it is known whether the body is streamed (OnHeader).
  parser_->body_limit(boost::none);
  stream_.expires_after(kIdleTimeout);
  bhttp::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code error, size_t) { self->OnHeader(error); });
}

void Connection::OnHeader(beast::error_code error) {
  started_ = Clock::now();
  if (error == bhttp::error::end_of_stream || error == asio::error::eof ||
      error == beast::error::timeout || error == asio::error::operation_aborted ||
      error == asio::error::connection_reset) {
    return;  // the client went away (or stayed silent): nothing to answer
  }
  if (error == bhttp::error::header_limit || error == bhttp::error::buffer_overflow) {
    // Which part did not fit: the request line is parsed (and its target known) on its own.
    if (parser_->get().target().empty()) {
      RefuseUriTooLong();
    } else {
      Refuse(431, "Request header fields too large",
             {{"", "headers_too_large",
               "the request line and headers take more than " + std::to_string(kHeaderLimit) +
                   " bytes"}});
    }
    return;
  }
  if (error) {
    Refuse(400, "Malformed request", {{"", "malformed_request", error.message()}});
    return;
  }
  const auto& head = parser_->get();
  if (!IsUpperCaseToken(head.method_string())) {
    Refuse(400, "Malformed request",
           {{"", "invalid_method", "the method must be an upper-case token such as GET"}});
    return;
  }
  if (head.target().size() > kTargetLimit) {
    RefuseUriTooLong();
    return;
  }
  head_ok_ = ReadHead();
  if (head_ok_ && !parser_->is_done() && state_.options.stream_body) {
    std::shared_ptr<BodySink> sink;
    try {
      sink = state_.options.stream_body(request_);
    } catch (const HttpError& refusal) {
      unread_input_ = true;
      keep_alive_ = false;
      Send(request_, ProblemResponse(refusal), started_, 0);
      return;
    } catch (const std::exception& failure) {
      LogFailure(request_, failure);
      Refuse(500, "Internal server error", {});
      return;
    }
    if (sink) {
      request_.sink = std::move(sink);
      if (const auto length = parser_->content_length()) {
        raw_ = true;
        raw_left_ = *length;
        ReadBodyWith(&Connection::ReadRaw);
        return;
      }
      stream_parser_.emplace(std::move(*parser_));
      parser_.reset();
      ReadBodyWith(&Connection::ReadStream);
      return;
    }
  }
  if (!parser_->is_done()) {
    const std::uint64_t limit = state_.options.max_body_bytes;
    if (parser_->content_length().value_or(0) > limit) {  // declared over the limit
      RefuseBodyTooLarge();
      return;
    }
    parser_->body_limit(limit);  // a chunked body stops at the limit
    // Memory for the body is taken before it is read: declared, or the limit when chunked.
    const std::int64_t need = static_cast<std::int64_t>(parser_->content_length().value_or(limit));
    if (state_.body_budget.fetch_sub(need) < need) {
      state_.body_budget += need;
      Refuse(503, "Server busy",
             {{"", "server_busy", "too many request bodies are being received; try again"}});
      return;
    }
    held_ = need;
    ReadBodyWith(&Connection::ReadBody);
    return;
  }
  Handle();
}

bool Connection::ReadHead() {
  const auto& message = parser_->get();
  request_ = Request{};
  request_.method = std::string(message.method_string());
  const std::string_view target = message.target();
  const size_t question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  const std::string_view raw_query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  auto path = PercentDecode(raw_path, false);
  auto query = ParseQuery(raw_query);
  request_.path = path ? std::move(*path) : std::string(raw_path);
  request_.headers.reserve(std::distance(message.begin(), message.end()));
  for (const auto& field : message) {
    request_.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  request_.remote_address = remote_address_;
  request_.id = RequestId(request_.Header("X-Request-Id"));
  if (!path || !query) return false;
  request_.query = std::move(*query);
  return true;
}

void Connection::ReadBodyWith(void (Connection::*read)()) {
  if (!beast::iequals(request_.Header("Expect").value_or(""), "100-continue")) {
    (this->*read)();
    return;
  }
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  stream_.expires_after(kTransferTimeout);
  asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                    [self = shared_from_this(), read](beast::error_code write_error, size_t) {
                      if (!write_error) ((*self).*read)();
                    });
}

void Connection::ReadBody() {
  stream_.expires_after(kTransferTimeout);
  bhttp::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code error, size_t) { self->OnBody(error); });
}

void Connection::OnBody(beast::error_code error) {
  if (error == bhttp::error::body_limit) {  // chunked: stopped at the limit
    RefuseBodyTooLarge();
    return;
  }
  if (error == beast::error::timeout) {
    Refuse(408, "Request timeout", {{"", "timeout", "the body did not arrive in time"}});
    return;
  }
  if (error == bhttp::error::partial_message || error == bhttp::error::end_of_stream ||
      error == asio::error::eof || error == asio::error::connection_reset ||
      error == asio::error::operation_aborted) {
    return;  // the client went away mid-body
  }
  if (error) {
    Refuse(400, "Malformed request", {{"", "malformed_request", error.message()}});
    return;
  }
  Handle();
}

void Connection::ReadStream() {
  if (!stream_piece_) stream_piece_ = std::make_unique<char[]>(kStreamPiece);
  auto& body = stream_parser_->get().body();
  body.data = stream_piece_.get();
  body.size = kStreamPiece;
  stream_.expires_after(kTransferTimeout);  // a pause this long between pieces ends the upload
  bhttp::async_read_some(
      stream_, buffer_, *stream_parser_,
      [self = shared_from_this()](beast::error_code error, size_t) { self->OnStream(error); });
}

void Connection::OnStream(beast::error_code error) {
  if (error == bhttp::error::need_buffer) error = {};
  if (error) {
    OnBody(error);  // the same answers as for a body read into memory
    return;
  }
  const size_t got = kStreamPiece - stream_parser_->get().body().size;
  if (got > 0 && !Feed(std::string_view(stream_piece_.get(), got))) return;
  if (!stream_parser_->is_done()) {
    ReadStream();
    return;
  }
  stream_piece_.reset();
  Handle();
}

void Connection::ReadRaw() {
  // Body bytes that came with the head are in buffer_ already.
  if (buffer_.size() > 0 && raw_left_ > 0) {
    const size_t take = static_cast<size_t>(std::min<std::uint64_t>(buffer_.size(), raw_left_));
    const auto data = buffer_.data();
    const std::string piece(static_cast<const char*>(data.data()), take);
    buffer_.consume(take);
    raw_left_ -= take;
    if (!Feed(piece)) return;
  }
  if (raw_left_ == 0) {
    stream_piece_.reset();
    Handle();
    return;
  }
  if (!stream_piece_) stream_piece_ = std::make_unique<char[]>(kStreamPiece);
  stream_.expires_after(kTransferTimeout);  // a pause this long between pieces ends the upload
  stream_.async_read_some(
      asio::buffer(stream_piece_.get(),
                   static_cast<size_t>(std::min<std::uint64_t>(kStreamPiece, raw_left_))),
      [self = shared_from_this()](beast::error_code error, size_t got) {
        self->OnRaw(error, got);
      });
}

void Connection::OnRaw(beast::error_code error, size_t got) {
  if (error) {
    OnBody(error);  // the same answers as for a body read into memory
    return;
  }
  raw_left_ -= got;
  if (!Feed(std::string_view(stream_piece_.get(), got))) return;
  ReadRaw();
}

bool Connection::Feed(std::string_view bytes) {
  try {
    request_.sink->Write(bytes);
    return true;
  } catch (const HttpError& refusal) {
    unread_input_ = raw_ ? raw_left_ > 0 : !stream_parser_->is_done();
    keep_alive_ = false;
    Send(request_, ProblemResponse(refusal), started_, 0);
  } catch (const std::exception& failure) {
    LogFailure(request_, failure);
    Refuse(500, "Internal server error", {});
  }
  return false;
}

void Connection::Handle() {
  stream_.expires_never();
  if (raw_) {
    keep_alive_ = parser_->get().keep_alive();
    parser_.reset();
    raw_ = false;
  } else if (stream_parser_) {
    keep_alive_ = stream_parser_->get().keep_alive();
    stream_parser_.reset();
  } else {
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    request_.body = std::move(message.body());
  }
  ++state_.in_flight;
  if (!head_ok_) {
    Send(request_,
         ProblemResponse(400, "Malformed URL",
                         {{"", "bad_escape", "the path or query is badly escaped"}}),
         started_, 0);
    --state_.in_flight;
    return;
  }
  const Batching& batching = state_.options.batching;
  if (state_.writes != nullptr && batching.batchable(request_)) {
    // Answered by the writer thread, which calls Send.
    state_.writes->Push(std::move(request_), shared_from_this(), started_);
    return;
  }
  Response response = Guarded(request_, [&] { return state_.handler(request_); });
  request_.body = Body();  // freed now, not with the next request
  request_.sink.reset();
  Send(request_, std::move(response), started_, 0);
  --state_.in_flight;
}

void Connection::Send(const Request& request, Response response, Clock::time_point started,
                      size_t batch) {
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (state_.options.metrics) {
    state_.options.metrics->CountRequest(request.route, response.status, seconds);
  }
  LogRequest(state_.options.log_format, request, response.status, seconds * 1000,
             response.file ? response.file->length() : response.body.size(), batch);
  ReleaseBody();
  Write(std::move(response), request.method == "HEAD", request.id);
}

void Connection::Refuse(int status, const std::string& title, const Problems& problems) {
  unread_input_ = true;
  keep_alive_ = false;
  Request request;
  if (!request_.method.empty()) {
    request.method = request_.method;
    request.path = request_.path.substr(0, 200);
  } else if (parser_ && parser_->is_header_done()) {
    request.method = std::string(parser_->get().method_string());
    const std::string_view target = parser_->get().target();
    request.path = std::string(target.substr(0, std::min<size_t>(target.find('?'), 200)));
  }
  request.id = RequestId(std::nullopt);
  Response response = ProblemResponse(status, title, problems);
  if (status == 503) response.headers.emplace_back("Retry-After", "1");
  Send(request, std::move(response), started_, 0);
}

void Connection::RefuseBodyTooLarge() {
  Refuse(413, "Request body too large",
         {{"", "body_too_large",
           "the body is larger than the limit of " + std::to_string(state_.options.max_body_bytes) +
               " bytes"}});
}

void Connection::RefuseUriTooLong() {
  Refuse(414, "URI too long",
         {{"", "uri_too_long",
           "the request target is longer than " + std::to_string(kTargetLimit) + " bytes"}});
}

void Connection::Write(Response response, bool head_only, std::string_view request_id) {
  head_.clear();
  head_ += "HTTP/1.1 ";
  head_ += std::to_string(response.status);
  head_ += ' ';
  head_ += ReasonPhrase(response.status);
  head_ += "\r\n";
  if (!response.content_type.empty()) {
    head_ += "Content-Type: ";
    head_ += response.content_type;
    head_ += "\r\n";
  }
  for (const auto& [name, value] : response.headers) {
    head_ += name;
    head_ += ": ";
    head_ += value;
    head_ += "\r\n";
  }
  head_ += "X-Request-Id: ";
  head_ += request_id;
  head_ += "\r\n";
  // A HEAD answer says how long the GET answer would be (RFC 9110 §9.3.2), without the body.
  const bool no_body = response.status == 204 || response.status == 304;
  if (!no_body) {
    head_ += "Content-Length: ";
    head_ += std::to_string(response.file ? response.file->length() : response.body.size());
    head_ += "\r\n";
  }
  if (!keep_alive_) head_ += "Connection: close\r\n";
  head_ += "\r\n";
  body_ = (head_only || no_body) ? std::string() : std::move(response.body);
  if (!head_only && !no_body && response.file && response.file->length() > 0) {
    file_ = std::move(response.file);
    file_sent_ = 0;
  }
  stream_.expires_after(kTransferTimeout);
  const std::array<asio::const_buffer, 2> buffers{asio::buffer(head_), asio::buffer(body_)};
  asio::async_write(stream_, buffers, [self = shared_from_this()](beast::error_code error, size_t) {
    if (!error && self->file_) {
      self->SendFile();
      return;
    }
    self->AfterWrite(error);
  });
}

// Sends file_ with sendfile(2) on the non-blocking socket: as much as the socket takes, then
// waits until it takes more (for at most kTransferTimeout), yielding to the thread's other
// connections after kSendfileTurn bytes.
void Connection::SendFile() {
  auto& socket = stream_.socket();
  beast::error_code error;
  socket.native_non_blocking(true, error);
  if (error) {
    AfterWrite(error);
    return;
  }
  std::uint64_t this_turn = 0;
  while (file_sent_ < file_->length()) {
    if (this_turn >= kSendfileTurn) {
      asio::post(stream_.get_executor(), [self = shared_from_this()] { self->SendFile(); });
      return;
    }
    off_t offset = static_cast<off_t>(file_->offset() + file_sent_);
    const std::uint64_t want = std::min<std::uint64_t>(file_->length() - file_sent_, kSendfileCall);
    const ssize_t sent = ::sendfile(socket.native_handle(), file_->fd(), &offset, want);
    if (sent > 0) {
      file_sent_ += static_cast<std::uint64_t>(sent);
      this_turn += static_cast<std::uint64_t>(sent);
      continue;
    }
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!file_timer_) file_timer_.emplace(stream_.get_executor());
      file_timer_->expires_after(kTransferTimeout);
      file_timer_->async_wait([self = shared_from_this()](beast::error_code timer_error) {
        if (timer_error) return;  // cancelled: the socket took more in time
        beast::error_code ignored;
        self->stream_.socket().cancel(ignored);
      });
      socket.async_wait(tcp::socket::wait_write,
                        [self = shared_from_this()](beast::error_code wait_error) {
                          self->file_timer_->cancel();
                          if (wait_error) {
                            self->AfterWrite(wait_error);
                            return;
                          }
                          self->SendFile();
                        });
      return;
    }
    // The file ended before its length (truncated meanwhile) or the socket failed: the answer
    // cannot be completed, so the connection closes without it.
    AfterWrite(sent == 0 ? beast::error_code(asio::error::eof)
                         : beast::error_code(errno, boost::system::system_category()));
    return;
  }
  AfterWrite({});
}

void Connection::AfterWrite(beast::error_code error) {
  body_.clear();
  body_.shrink_to_fit();
  file_.reset();
  if (error) return;  // the client went away; the connection closes with this object
  if (keep_alive_) {
    ReadHeader();
    return;
  }
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  if (!unread_input_) return;
  stream_.expires_after(kLingerTimeout);
  Linger();
}

void Connection::Linger() {
  stream_.async_read_some(asio::buffer(drain_),
                          [self = shared_from_this()](beast::error_code error, size_t) {
                            if (!error) self->Linger();
                          });
}

void Accept(tcp::acceptor& acceptor, ServerState& state) {
  acceptor.async_accept(asio::make_strand(state.io),
                        [&acceptor, &state](beast::error_code error, tcp::socket socket) {
                          if (error == asio::error::operation_aborted) return;  // stopping
                          if (!error) {
                            if (state.connections.load() >= kMaxConnections) {
                              beast::error_code ignored;
                              socket.close(ignored);
                            } else {
                              std::make_shared<Connection>(std::move(socket), state)->Start();
                            }
                          }
                          Accept(acceptor, state);
                        });
}

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
  const int threads = std::max(1, options.threads);
  // Destroyed explicitly, in order, before `state`: tasks still queued in `io` own connections,
  // whose destructors use `state`.
  auto io = std::make_unique<asio::io_context>(threads);  // the server threads run it
  ServerState state{options, handler, *io};
  std::optional<WriteQueue> writes;
  if (options.batching.batchable) {
    writes.emplace(options.batching, *io, state.in_flight, options.metrics);
    state.writes = &*writes;
  }
  const tcp::endpoint endpoint(asio::ip::make_address(options.address), options.port);
  std::optional<tcp::acceptor> acceptor(std::in_place, *io);
  acceptor->open(endpoint.protocol());
  acceptor->set_option(asio::socket_base::reuse_address(true));
  acceptor->bind(endpoint);
  acceptor->listen(asio::socket_base::max_listen_connections);
  Accept(*acceptor, state);
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back([&io] { io->run(); });
  on_ready();
  int received = 0;
  sigwait(&signals, &received);
  // No new connections; requests already being handled write their answers first.
  asio::post(*io, [&acceptor] {
    beast::error_code ignored;
    acceptor->close(ignored);
  });
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (state.in_flight.load() > 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  io->stop();
  for (std::thread& thread : pool) thread.join();
  // After the server threads: they no longer queue writes. What is still queued is handled (and
  // its answers dropped with their connections) before the thread stops.
  writes.reset();
  acceptor.reset();
  io.reset();
  serving = false;
  flusher.join();
  std::fflush(stdout);
}

}  // namespace amity::http
