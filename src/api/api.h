// The JSON API under /api/v1 (and /healthz): the route table and the entry point that turns an
// http::Request into an http::Response. Handlers borrow a database connection per request.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/list_query.h"
#include "base/time.h"
#include "domain/access.h"
#include "domain/resources.h"
#include "http/error.h"
#include "http/message.h"
#include "http/router.h"
#include "store/db.h"
#include "store/pool.h"

namespace amity::files {
class BlobStore;
}

namespace amity::federation {
class NonceCache;
class WireCapture;
}  // namespace amity::federation

namespace amity::api {

// What every handler may know about the server it runs in.
class CredentialCache;
class UploadRegistry;
class InquiryLimiter;

struct Context {
  std::string instance_id;
  std::string version;  // the running release (semantic version), named by GET /healthz
  std::function<Instant()> clock = Now;  // tests and the demo loader may fix the time
  int session_ttl_seconds = 12 * 3600;   // a login session's lifetime
  bool secure_cookies = false;           // mark the session cookie Secure (served over TLS)
  bool trust_proxy = false;  // X-Forwarded-For / X-Forwarded-Proto come from our own proxy
  // Recently read credentials (see api/auth.h); the Api makes one when none is given.
  std::shared_ptr<CredentialCache> credentials;
  // The text GET /metrics answers (Prometheus format), made by the server's composer on each
  // scrape; unset: /metrics answers 404.
  std::function<std::string()> metrics;
  // Files kept with records (api/files.cpp, api/uploads.cpp): where their bytes are (unset: the
  // file routes answer 503), the media types accepted (domain::FileTypeAllowed) and the largest.
  std::shared_ptr<files::BlobStore> blobs;
  std::vector<std::string> file_types;
  std::uint64_t max_file_bytes = std::uint64_t{2} << 30;
  // The uploads receiving bytes now (api/uploads.cpp); the Api makes one when none is given.
  std::shared_ptr<UploadRegistry> uploads;
  // Called after an upload became a file (its row committed): the server wakes the worker that
  // makes thumbnails and extracts text (previews::Worker). Unset: nobody is told.
  std::function<void()> file_created;
  // Whether e-mail alerts are configured (src/alerts), and what to call when an admin puts a
  // failed message back in the outbox (wakes the alerts worker). Unset: nobody is told.
  bool mail_configured = false;
  std::function<void()> mail_queued;
  // Federation (api/federation.cpp): the address peers reach this server at (named in
  // invitations) and the nonces of signed requests seen lately; the Api makes one when none.
  std::string public_url;
  std::shared_ptr<federation::NonceCache> nonces;
  // Called when peer `peer_id` tells this server (POST /federation/v1/notify) that its feed has
  // news: the sync worker pulls it now. Unset: nobody is told (the next regular pull reads it).
  std::function<void(const std::string& peer_id)> sync_requested;
  // Where what this server's federation client sends is appended (AMITY_WIRE_CAPTURE,
  // federation/wire_capture.h); unset: nothing is kept.
  std::shared_ptr<federation::WireCapture> wire_capture;
  // The portal's inquiry form: how many inquiries one client address may send per window
  // (capacity 0: no limit), and the buckets; the Api makes the limiter when none is given.
  int inquiry_limit = 5;
  int inquiry_window_seconds = 600;
  std::shared_ptr<InquiryLimiter> inquiry_limiter;
};

// Who may call a route: anyone, any signed-in user, the home city's roles (not partner users),
// or admins only. Finer rules (visibility, ownership) are checked by the handlers.
enum class Access { kPublic, kUser, kHome, kAdmin };

struct Route;

// One request being handled.
struct Call {
  const http::Request& request;
  const http::Params& params;
  const Route& route;
  store::Db& db;
  const Context& context;
  Instant now;
  // The caller: a signed-in user, or for kPublic routes possibly nobody (Principal{}: a partner
  // of no partnership, which sees public records only).
  domain::Principal principal;
  bool authenticated = false;
  // How the caller proved who it is: the digest of its session cookie ("" for a bearer token).
  std::string session_digest;

  // The path parameter `name` (e.g. "id"); empty when absent.
  std::string_view Param(std::string_view name) const;
  // The actor recorded in the change trail for writes made by this call: the user's e-mail.
  std::string Actor() const;
  // The client's address (X-Forwarded-For when the proxy is trusted).
  std::string ClientAddress() const;
};

using RouteHandler = http::Response (*)(Call& call);

struct Route {
  std::string method;   // GET, POST, PATCH, DELETE
  std::string pattern;  // e.g. /api/v1/commitments/{id}/transitions
  RouteHandler handler;
  std::string summary;                             // one line for the OpenAPI document
  const domain::ResourceSpec* resource = nullptr;  // for the generic record handlers
  std::string request_schema;   // component schema name of the body, empty for none
  std::string response_schema;  // component schema name of the answer, empty for none
  int success_status = 200;
  Access access = Access::kUser;
  // The query parameters the handler accepts (see CheckQuery); record lists take theirs from the
  // resource (ListParameters) instead.
  std::vector<QueryParameter> query = {};
};

// The 503 answer of a write the database did not keep (a full disk, a lost commit): nothing of it
// was stored, so retrying is safe. `message` says why.
http::HttpError NotSaved(std::string message);

// Every route the API serves, in the order they are matched.
const std::vector<Route>& Routes();

// "METHOD /pattern" of every route, in the order of Routes(): the templates http::Metrics
// counts requests by. The API sets Request::route to the index of the route a request matched.
std::vector<std::string> RouteTemplates();

class Api {
 public:
  Api(store::Pool& pool, Context context);

  // Answers any request under /api/ or /healthz: 404 for an unknown path, 405 with Allow for a
  // known path with another method. Throws http::HttpError for client errors and anything else
  // for server failures; the server adapter maps both to problem responses.
  http::Response Handle(const http::Request& request);

  // Answers `request` as `principal` without authenticating it: the demo loader and the command
  // line act as domain::SystemPrincipal().
  http::Response HandleAs(const http::Request& request, const domain::Principal& principal);

  // Whether `request` is a record write that may share its commit with others (create, update,
  // archive, transition, note, study-visit request). Sign-in, passwords, users and tokens may
  // not: they hash passwords (tens of milliseconds) or change who may call.
  bool SharesCommit(const http::Request& request) const;

  // Answers the requests `next` hands over (each SharesCommit, until it gives null) one after
  // another on one connection, inside one write transaction, so the batch pays for one commit
  // instead of one each. A failing request undoes only its own changes: the requests run without
  // savepoints, and should one fail after changing rows, the transaction is rolled back and they
  // run again, each in a savepoint (see store::Db::SkipSavepoints). Returns one response per
  // request, in order, after the commit. Should SQLite lose the transaction (an I/O error, a full
  // disk), the requests whose changes it held answer 503 instead of what they had done.
  std::vector<http::Response> HandleBatch(const http::NextRequest& next);

  // For http::ServerOptions::stream_body: the sink that takes the body of an upload's PATCH
  // (api/uploads.cpp) once the caller, the upload and the offset are checked; null for every
  // other request. Throws HttpError to refuse before the body is read.
  // `principal`: act as it without authenticating (the demo loader), as HandleAs does.
  std::shared_ptr<http::BodySink> OpenBodySink(const http::Request& head,
                                               const domain::Principal* principal = nullptr);

 private:
  // `db`: the connection to use (a batch's), or null to borrow one from the pool. Throws
  // HttpError 503 "not_saved" when the disk is full.
  http::Response Dispatch(const http::Request& request, const domain::Principal* principal,
                          store::Db* db = nullptr);
  // Dispatch without mapping database failures.
  http::Response Answer(const http::Request& request, const domain::Principal* principal,
                        store::Db* db);

  store::Pool& pool_;
  Context context_;
};

}  // namespace amity::api
