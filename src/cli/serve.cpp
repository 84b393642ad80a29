#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "alerts/smtp.h"
#include "alerts/worker.h"
#include "api/api.h"
#include "api/federation.h"
#include "cli/database.h"
#include "cli/files.h"
#include "cli/run.h"
#include "cli/server_metrics.h"
#include "domain/files.h"
#include "federation/wire_capture.h"
#include "http/error.h"
#include "http/problem.h"
#include "http/server.h"
#include "previews/worker.h"
#include "store/accounts.h"
#include "store/migrations.h"
#include "store/pool.h"
#include "sync/worker.h"
#include "translate/libretranslate.h"
#include "translate/worker.h"
#include "web/assets.h"

namespace amity::cli {
namespace {

// Only for builds without mimalloc (AMITY_MIMALLOC=OFF: the sanitizer builds), whose allocator
// is glibc's; with mimalloc linked, as by default, nothing calls glibc's malloc. glibc gives freed
// memory at the top of a heap back to the kernel once more than 128 KiB is free there, and the next
// request takes it back page by page (a page fault, zeroed by the kernel, per 4 KiB). Whether a
// response's buffers sit at the top depends on what earlier requests left behind: measured, a page
// of 50 commitments took 8 page faults and 90 µs of CPU per request after a run of detail requests,
// and none and 57 µs without. A server keeps what it freed, up to a bound: 32 MiB per heap.
// (Setting it also stops glibc raising its mmap threshold on its own; large blocks above 1 MiB
// still get their own mapping.)
void KeepFreedMemory() {
#ifndef AMITY_WITH_MIMALLOC
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

// Writes `text` to `path`, readable and writable by this account only (0600, whatever the
// umask; an existing file is truncated and its mode set). Throws when the file cannot be written.
void WritePrivateFile(const std::string& path, const std::string& text) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod(fd, 0600) != 0 ||
      write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) || fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) close(fd);
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(error) +
                             " (set a new password with `amity user reset-password`)");
  }
  close(fd);
}

// The head of `response` as the wire capture keeps it: the status line and the headers the
// handler set (the server adds only Date, Content-Length, Connection and X-Request-Id).
std::string AnswerHead(const http::Response& response) {
  std::string head = "HTTP/1.1 " + std::to_string(response.status) + "\r\n";
  head += "Content-Type: " + response.content_type + "\r\n";
  for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
  return head + "\r\n";
}

// Appends the answer to a /federation/v1 request to the capture, body and all: a file's bytes
// (a blob sent with sendfile) are read for it.
void CaptureAnswer(federation::WireCapture& capture, const http::Response& response) {
  if (response.file) {
    capture.AppendFile("answer", AnswerHead(response), response.file->fd(), response.file->offset(),
                       response.file->length());
  } else {
    capture.Append("answer", AnswerHead(response), response.body);
  }
}

}  // namespace

int Serve(const Config& config) {
  // Every thread started from here on (the checkpointer, the previews and translation workers)
  // inherits SIGTERM and SIGINT blocked: the kernel would otherwise hand a SIGTERM to one of them,
  // whose default action ends the process at once, before http::Serve's sigwait can stop cleanly.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  KeepFreedMemory();
  std::string instance_id;
  {
    auto db = OpenMigrated(config.db_path);
    instance_id = store::InstanceId(*db);
    store::RefreshStatistics(*db);
  }
  // Uploaded files: their folder, and what the settings accept.
  Problems type_problems;
  std::vector<std::string> file_types =
      config.file_types.empty()
          ? domain::DefaultFileTypes()
          : domain::ParseFileTypes(config.file_types, type_problems, "AMITY_FILE_TYPES");
  if (!type_problems.empty()) throw std::runtime_error(type_problems[0].message);
  const auto blobs = OpenBlobStore(config);
  // Thumbnails and documents' text are made in the background, one blob at a time.
  previews::Worker previews(config.db_path, blobs, config.log_format);
  // Notices under the bell always; their e-mail only when SMTP is configured. Its thread never
  // runs on a request's path: the outbox is a table, filled and emptied by the worker alone.
  const std::string listen_host = config.listen_address.find(':') != std::string::npos
                                      ? "[" + config.listen_address + "]"
                                      : config.listen_address;
  alerts::Worker alerts_worker(
      config.db_path,
      alerts::Settings{
          .public_url = config.public_url.empty()
                            ? "http://" + listen_host + ":" + std::to_string(config.listen_port)
                            : config.public_url,
          .from = config.smtp_from,
          .interval = std::chrono::seconds(config.alerts_interval_seconds),
          .retry = std::chrono::seconds(config.smtp_retry_seconds)},
      config.smtp_url.empty()
          ? nullptr
          : std::make_unique<alerts::SmtpMailer>(config.smtp_url, config.smtp_user,
                                                 config.smtp_password, config.smtp_ca_file),
      config.log_format);
  // An audit of what is sent to peers, when asked for (docs/FEDERATION.md, "Capturing what is
  // sent").
  std::shared_ptr<federation::WireCapture> wire_capture;
  if (!config.wire_capture.empty()) {
    wire_capture = std::make_shared<federation::WireCapture>(config.wire_capture, instance_id);
    std::fprintf(stderr, "amity: what is sent to peers is appended to %s\n",
                 wire_capture->path().c_str());
  }
  // Shared records to and from paired peers (docs/FEDERATION.md, "Sync").
  sync::Worker sync_worker(config.db_path, instance_id, blobs, config.log_format, wire_capture);
  const int threads =
      config.threads > 0 ? config.threads : std::max(1u, std::thread::hardware_concurrency());
  // One connection per server thread, and one for the writer thread that gives concurrent
  // record writes one commit (http::Batching).
  store::Pool pool(config.db_path, threads + 1,
                   {.record_cache_bytes = static_cast<size_t>(config.record_cache_mib) << 20,
                    .background_checkpoints = true});
  // Requests are counted by the API's route templates, and the web UI's files as one more.
  std::vector<std::string> route_templates = api::RouteTemplates();
  const int ui_route = static_cast<int>(route_templates.size());
  route_templates.push_back("GET /{ui file}");
  http::Metrics metrics(std::move(route_templates));
  api::Api api(
      pool,
      api::Context{
          .instance_id = instance_id,
          .version = AMITY_VERSION,
          .session_ttl_seconds = config.session_ttl_seconds,
          .secure_cookies = config.secure_cookies,
          .trust_proxy = config.trust_proxy,
          .metrics =
              [&] { return ServerMetricsText(metrics, config.db_path, config.backup_dir, pool); },
          .blobs = blobs,
          .file_types = std::move(file_types),
          .max_file_bytes = static_cast<std::uint64_t>(config.max_file_mib) << 20,
          .file_created = [&previews] { previews.Wake(); },
          .mail_configured = !config.smtp_url.empty(),
          .mail_queued = [&alerts_worker] { alerts_worker.Wake(); },
          .public_url = config.public_url,
          .sync_requested = [&sync_worker](const std::string& peer) { sync_worker.PullNow(peer); },
          .wire_capture = wire_capture,
          .inquiry_limit = config.inquiry_limit,
          .inquiry_window_seconds = config.inquiry_window_seconds});
  {
    // The instance's federation identity exists from the first start (docs/FEDERATION.md).
    auto db = pool.Acquire();
    api::EnsureFederationKey(*db, Now());
  }
  bool first_start = false;
  {
    auto db = pool.Acquire();
    first_start = store::CountUsers(*db) == 0;
  }
  if (first_start) {
    // No default password: a random one, printed once or written to the file the settings name
    // (the Debian package's, 0600 in the service's state directory), never logged.
    const auto password = CreateFirstAdmin(api, config.admin_email);
    if (!config.initial_password_file.empty()) {
      WritePrivateFile(config.initial_password_file, *password + "\n");
      std::fprintf(stderr,
                   "\namity: created the first admin account %s; its password is in %s "
                   "(readable by this account and root only)\n\n",
                   config.admin_email.c_str(), config.initial_password_file.c_str());
    } else {
      std::fprintf(
          stderr,
          "\namity: created the first admin account (shown only now)\n"
          "  e-mail:   %s\n  password: %s\n"
          "  Sign in and change it under Account; add users there or with `amity user add`.\n\n",
          config.admin_email.c_str(), password->c_str());
    }
  }

  previews.Start();
  std::unique_ptr<translate::Worker> translator;
  if (!config.translate_url.empty()) {
    translator = std::make_unique<translate::Worker>(
        config.db_path, instance_id,
        std::make_unique<translate::LibreTranslate>(config.translate_url, config.translate_key),
        config.log_format);
    translator->Start();
    std::fprintf(stderr, "amity: machine translation on through %s\n",
                 config.translate_url.c_str());
  }

  alerts_worker.Start();
  sync_worker.Start();
  if (!config.smtp_url.empty()) {
    // Not the URL: it may carry credentials, which are never printed.
    std::fprintf(stderr, "amity: e-mail alerts on, from %s\n", config.smtp_from.c_str());
  }

  http::ServerOptions options{config.listen_address, config.listen_port, threads};
  options.metrics = &metrics;
  options.log_format = config.log_format;
  // Uploads stream to disk as they arrive, whatever their size (api/uploads.h).
  options.stream_body = [&api](const http::Request& head) { return api.OpenBodySink(head); };
  // Record writes that arrive together share one commit: SQLite writes one at a time anyway, and
  // a commit (WAL frames, their checksums, the search index's segment) costs more than most
  // writes themselves.
  options.batching = {
      .batchable = [&api](const http::Request& request) { return api.SharesCommit(request); },
      .handle =
          [&api, &sync_worker](const http::NextRequest& next) {
            std::vector<http::Response> responses = api.HandleBatch(next);
            sync_worker.LocalChange();
            return responses;
          },
      // Between batches the writer copies the end of the log, so that the log starts over
      // without a RESTART checkpoint holding writes back (store::Checkpointer::CatchUp).
      .idle = [&pool] { pool.CatchUpCheckpoint(); }};
  const auto handler = [&api, &sync_worker, &wire_capture,
                        ui_route](const http::Request& request) -> http::Response {
    if (request.path.starts_with("/api/") || request.path == "/healthz" ||
        request.path == "/metrics" || request.path == "/public" ||
        request.path.starts_with("/public/") || request.path.starts_with("/federation/")) {
      const bool captured = wire_capture && request.path.starts_with("/federation/");
      // A captured answer may be an error: mapped here as the server would, to be kept too.
      http::Response response = captured
                                    ? http::Guarded(request, [&] { return api.Handle(request); })
                                    : api.Handle(request);
      if (captured) CaptureAnswer(*wire_capture, response);
      // A local write may have news for the peers: they are told to pull.
      // So may a peer's proposal applied here (api/proposals.h).
      if (request.method != "GET" && request.method != "HEAD" && response.status < 400 &&
          (request.path.starts_with("/api/") || request.path == "/federation/v1/proposals")) {
        sync_worker.LocalChange();
      }
      return response;
    }
    if (auto asset = web::Serve(request)) {
      request.route = ui_route;
      return std::move(*asset);
    }
    throw http::HttpError(404, "Not found", {{"", "no_route", "no such path: " + request.path}});
  };
  http::Serve(options, handler, [&] {
    const std::string host = options.address.find(':') != std::string::npos
                                 ? "[" + options.address + "]"
                                 : options.address;
    std::fprintf(stderr, "amity: serving %s on http://%s:%u/ with %d threads\n",
                 config.db_path.c_str(), host.c_str(), options.port, threads);
  });
  alerts_worker.Stop();
  sync_worker.Stop();
  if (translator) translator->Stop();
  previews.Stop();
  std::fprintf(stderr, "amity: stopped\n");
  return 0;
}

}  // namespace amity::cli
