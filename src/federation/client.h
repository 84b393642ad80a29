// The signed HTTP client one server uses to call another (libcurl): every request carries an
// RFC 9421 signature made with the caller's current key (federation/signature.h).
#pragma once

#include <atomic>
#include <string>

namespace amity::federation {

class WireCapture;

struct SigningKey {
  std::string key_id;
  std::string secret_key;  // raw 64 bytes
  // When set, every request signed with this key is appended there as libcurl sent it (head
  // and body; federation/wire_capture.h). Must outlive the call.
  WireCapture* capture = nullptr;
};

struct PeerAnswer {
  long status = 0;
  std::string body;
};

// Calls `method` `base_url` + `path` (path may carry a query) with `body` (sent as JSON when not
// empty), signed with `key` at Unix time `now` and a random nonce. Connects within 5 s and gives
// up after `timeout_seconds` in all, or soon after `*cancelled` turns true (a server stopping).
// Redirects are not followed. Returns the answer whatever its status; throws
// std::runtime_error (no secrets in the message) when no answer came.
PeerAnswer CallPeer(const std::string& base_url, const std::string& method, const std::string& path,
                    const std::string& body, const SigningKey& key, long long now,
                    long timeout_seconds = 10, const std::atomic<bool>* cancelled = nullptr);

// Calls GET `base_url` + `path` signed like CallPeer and writes a 200 answer's body to the file
// open as `fd` as it arrives (never whole in memory), refusing more than `max_bytes`. Connects
// within 5 s; gives up when less than 1 KiB/s arrives for `stall_seconds`, or soon after
// `*cancelled` turns true. Returns the status (a body other than a 200's is not written); throws
// std::runtime_error when no answer came or the body passed `max_bytes`.
long FetchPeerFile(const std::string& base_url, const std::string& path, const SigningKey& key,
                   long long now, int fd, unsigned long long max_bytes, long stall_seconds = 30,
                   const std::atomic<bool>* cancelled = nullptr);

// The authority (host[:port], lower case) of `base_url`, as the Host header will carry it;
// empty when the URL is not http:// or https://.
std::string AuthorityOf(const std::string& base_url);

}  // namespace amity::federation
