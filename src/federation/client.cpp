#include "federation/client.h"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "federation/signature.h"
#include "federation/wire_capture.h"

namespace amity::federation {
namespace {

size_t Append(char* data, size_t size, size_t count, void* out) {
  auto* body = static_cast<std::string*>(out);
  if (body->size() > (16u << 20)) return 0;  // a feed page is < 1 MiB or so; refuse a flood
  body->append(data, size * count);
  return size * count;
}

// The base URL without a trailing slash, and where its path starts (npos: none).
std::string Trimmed(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  return url;
}

}  // namespace

std::string AuthorityOf(const std::string& base_url) {
  std::string_view rest = base_url;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return "";
  }
  std::string authority(rest.substr(0, rest.find('/')));
  if (authority.find('@') != std::string::npos) return "";  // no credentials in a peer URL
  std::transform(authority.begin(), authority.end(), authority.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return authority;
}

namespace {

// The connections this thread keeps open to peers: each peer's puller (one thread per peer)
// reuses its connection from page to page, which saves a TCP handshake (a round trip: 300 ms
// between İzmir and Harbin) per page. Per thread, so no locks are needed.
class ThreadConnections {
 public:
  ThreadConnections() : share_(curl_share_init()) {
    if (share_ != nullptr) curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
  }
  ~ThreadConnections() {
    if (share_ != nullptr) curl_share_cleanup(share_);
  }
  ThreadConnections(const ThreadConnections&) = delete;
  ThreadConnections& operator=(const ThreadConnections&) = delete;
  CURLSH* get() const { return share_; }

 private:
  CURLSH* share_;
};

void ShareThisThreadsConnections(CURL* handle) {
  thread_local ThreadConnections connections;
  if (connections.get() != nullptr) curl_easy_setopt(handle, CURLOPT_SHARE, connections.get());
}

// The bytes libcurl sent for one call, appended to the capture as one message once the call is
// over (answered, failed or cancelled).
struct SentBytes {
  WireCapture* capture = nullptr;
  std::string head;
  std::string body;
  SentBytes() = default;
  SentBytes(const SentBytes&) = delete;
  SentBytes& operator=(const SentBytes&) = delete;
  ~SentBytes() {
    if (!head.empty()) capture->Append("request", head, body);
  }
};

int CollectSent(CURL*, curl_infotype type, char* data, size_t size, void* out) {
  auto* sent = static_cast<SentBytes*>(out);
  if (type == CURLINFO_HEADER_OUT) sent->head.append(data, size);
  if (type == CURLINFO_DATA_OUT) sent->body.append(data, size);
  return 0;
}

// A libcurl handle set up for one signed call, with the header list it points at.
struct SignedCall {
  std::unique_ptr<SentBytes> sent;  // when capturing; destroyed last
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl{nullptr, curl_easy_cleanup};
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers{nullptr, curl_slist_free_all};
};

int Cancelled(void* flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(flag)->load() ? 1 : 0;
}

// Prepares `method` `base_url` + `path` with `body`, signed with `key` at `now`. The body must
// outlive the call.
SignedCall PrepareCall(const std::string& base_url, const std::string& method,
                       const std::string& path, const std::string& body, const SigningKey& key,
                       long long now, const std::atomic<bool>* cancelled) {
  const std::string authority = AuthorityOf(base_url);
  if (authority.empty()) throw std::runtime_error("the peer's URL is not http(s)://host[:port]");
  const std::string base = Trimmed(base_url);
  // The path the peer sees: the base URL's own path (a reverse proxy's prefix) and `path`.
  const size_t scheme_end = base.find("://") + 3;
  const size_t path_start = base.find('/', scheme_end);
  const std::string prefix = path_start == std::string::npos ? "" : base.substr(path_start);
  const SignedParts parts{method, authority, prefix + path, body};
  SignedCall call;
  call.curl.reset(curl_easy_init());
  if (!call.curl) throw std::runtime_error("libcurl failed to start");
  curl_slist* headers = nullptr;
  for (const auto& [name, value] :
       SignRequest(parts, key.key_id, key.secret_key, now, RandomNonce())) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  if (!body.empty()) headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Accept: application/json");
  headers = curl_slist_append(headers, "Expect:");
  call.headers.reset(headers);
  const std::string url = base + path;
  CURL* handle = call.curl.get();
  ShareThisThreadsConnections(handle);
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (!body.empty() || method == "POST") {
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, call.headers.get());
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  if (cancelled != nullptr) {
    // Checked about once a second while waiting, and on every piece received.
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, Cancelled);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(cancelled));
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  }
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  if (key.capture != nullptr) {
    // libcurl hands what it sends (before TLS) to the debug function, which needs VERBOSE.
    call.sent = std::make_unique<SentBytes>();
    call.sent->capture = key.capture;
    curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, CollectSent);
    curl_easy_setopt(handle, CURLOPT_DEBUGDATA, call.sent.get());
    curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);
  }
  return call;
}

// Where a blob's bytes go: the file, while the answer is a 200 and within the bound.
struct BlobSink {
  CURL* curl = nullptr;
  int fd = -1;
  unsigned long long max_bytes = 0;
  unsigned long long written = 0;
  bool too_large = false;
};

size_t WriteBlob(char* data, size_t size, size_t count, void* out) {
  auto* sink = static_cast<BlobSink*>(out);
  const size_t length = size * count;
  long status = 0;
  curl_easy_getinfo(sink->curl, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) return length;  // an error's problem body: not kept
  if (sink->written + length > sink->max_bytes) {
    sink->too_large = true;
    return 0;
  }
  for (size_t done = 0; done < length;) {
    const ssize_t wrote = write(sink->fd, data + done, length - done);
    if (wrote <= 0) return 0;
    done += static_cast<size_t>(wrote);
  }
  sink->written += length;
  return length;
}

}  // namespace

PeerAnswer CallPeer(const std::string& base_url, const std::string& method, const std::string& path,
                    const std::string& body, const SigningKey& key, long long now,
                    long timeout_seconds, const std::atomic<bool>* cancelled) {
  SignedCall call = PrepareCall(base_url, method, path, body, key, now, cancelled);
  CURL* handle = call.curl.get();
  PeerAnswer answer;
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, timeout_seconds);
  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    throw std::runtime_error(std::string("the peer did not answer: ") + curl_easy_strerror(code));
  }
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

long FetchPeerFile(const std::string& base_url, const std::string& path, const SigningKey& key,
                   long long now, int fd, unsigned long long max_bytes, long stall_seconds,
                   const std::atomic<bool>* cancelled) {
  SignedCall call = PrepareCall(base_url, "GET", path, "", key, now, cancelled);
  CURL* handle = call.curl.get();
  BlobSink sink{.curl = handle, .fd = fd, .max_bytes = max_bytes};
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, WriteBlob);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &sink);
  // A large file may take long on a slow link; a stalled one may not.
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, 1024L);
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, stall_seconds);
  const CURLcode code = curl_easy_perform(handle);
  if (sink.too_large) {
    throw std::runtime_error("the peer sent more than the " + std::to_string(max_bytes) +
                             " bytes announced");
  }
  if (code != CURLE_OK) {
    throw std::runtime_error(std::string("the peer did not answer: ") + curl_easy_strerror(code));
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  return status;
}

}  // namespace amity::federation
