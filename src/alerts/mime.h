// Internet messages (RFC 5322 with MIME) for the alerts: one text/plain part in UTF-8, base64
// encoded, a subject written as RFC 2047 encoded-words when it is not plain ASCII, Date and
// Message-ID, and the one-click unsubscribe headers of RFC 2369 / RFC 8058. Pure.
#pragma once

#include <string>
#include <string_view>

#include "base/time.h"

namespace amity::alerts {

struct MailMessage {
  std::string from;     // an address, e.g. amity@izmir.bel.tr
  std::string to;       // an address
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text, lines ending in \n
  Instant date;
  std::string message_id;       // without angle brackets: id@host
  std::string unsubscribe_url;  // List-Unsubscribe (https or http); empty: no such headers
};

// `text` as a header value: unchanged when it is printable ASCII, else RFC 2047 "B" encoded-words
// of UTF-8 (each at most 75 characters, split between whole characters), separated by a folding
// line break so that no header line passes 78 characters.
std::string EncodeHeaderText(std::string_view text);

// Base64 of `bytes` in lines of 76 characters, each ending in CRLF (RFC 2045).
std::string Base64Lines(std::string_view bytes);

// "Mon, 07 Dec 2026 03:22:06 +0000" (RFC 5322 date-time, UTC).
std::string MailDate(Instant instant);

// The whole message, header and body, with CRLF line ends, ready for SMTP.
std::string ComposeMessage(const MailMessage& message);

}  // namespace amity::alerts
