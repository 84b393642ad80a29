// Configuration: one Config value made from command-line flags over environment variables over
// defaults, then passed down. Nothing else reads the environment.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/log.h"

namespace amity {

struct Config {
  std::string db_path = "var/amity.db";  // AMITY_DB, --db
  std::string listen_address = "127.0.0.1";
  std::uint16_t listen_port = 8080;  // AMITY_LISTEN, --listen ADDR:PORT
  int threads = 0;                   // AMITY_THREADS, --threads; 0 = one per core
  int scale = 0;                     // --scale N (demo)
  int busy = 0;                      // --busy N (demo): commitments of the first generated one
  // Memory for records kept serialized between requests (src/store/record_cache.h); 0 = none.
  int record_cache_mib = 16;  // AMITY_RECORD_CACHE_MIB
  // Machine translation (off when the URL is empty): a LibreTranslate-compatible API.
  std::string translate_url;  // AMITY_TRANSLATE_URL, --translate-url
  std::string translate_key;  // AMITY_TRANSLATE_KEY only: never on a command line
  // Accounts and sessions.
  int session_ttl_seconds = 12 * 3600;  // AMITY_SESSION_TTL, --session-ttl SECONDS
  bool secure_cookies = false;          // AMITY_SECURE_COOKIES=1, --secure-cookies (TLS)
  // Behind a reverse proxy: client address from X-Forwarded-For, Secure cookies when
  // X-Forwarded-Proto is https. Off by default: those headers are easy to forge.
  bool trust_proxy = false;  // AMITY_TRUST_PROXY=1, --trust-proxy
  // The portal's inquiry form: at most this many inquiries per client address per window
  // (0: no limit), refilled evenly.
  int inquiry_limit = 5;                        // AMITY_INQUIRY_LIMIT
  int inquiry_window_seconds = 600;             // AMITY_INQUIRY_WINDOW (seconds)
  std::string admin_email = "admin@localhost";  // AMITY_ADMIN_EMAIL: the first admin's address
  // Where the first start writes that admin's password (0600) instead of printing it; empty:
  // printed to stderr.
  std::string initial_password_file;  // AMITY_INITIAL_PASSWORD_FILE
  // Where the daily backups are kept (packaging/amity-backup); /metrics reports the newest one's
  // time. Empty: not reported.
  std::string backup_dir;  // AMITY_BACKUP_DIR
  // A folder where everything the federation sends peers is appended, one file per instance
  // (federation/wire_capture.h): an audit of what left. Empty: nothing is kept.
  std::string wire_capture;  // AMITY_WIRE_CAPTURE
  // Files kept with records: where (empty: `files` beside the database), how large at most, and
  // which media types (empty: the default allow-list of domain/files.h; else a comma-separated
  // list, "type/*" allowed).
  std::string files_dir;    // AMITY_FILES_DIR
  int max_file_mib = 2048;  // AMITY_MAX_FILE_MIB
  std::string file_types;   // AMITY_FILE_TYPES
  // Alerts (src/alerts): the address links in notices and e-mail start with (empty: the listen
  // address as http://), and e-mail through SMTP, off unless a URL is set: smtp://host:25,
  // smtps://host:465 (TLS) or smtp+starttls://host:587 (STARTTLS required). The user and password
  // come from the environment only and are never logged.
  std::string public_url;     // AMITY_PUBLIC_URL
  std::string smtp_url;       // AMITY_SMTP_URL
  std::string smtp_from;      // AMITY_SMTP_FROM: the sender's address (required with a URL)
  std::string smtp_user;      // AMITY_SMTP_USER
  std::string smtp_password;  // AMITY_SMTP_PASSWORD
  // PEM file of the CA(s) the SMTP server's certificate is verified against instead of the
  // system's (a private CA or a self-signed server); verification itself is never turned off.
  std::string smtp_ca_file;  // AMITY_SMTP_CA_FILE
  // How often the alerts worker looks for something to tell (digests are weekly whatever this
  // is; tests shorten it), and the wait after a first failed attempt to send (then doubled).
  int alerts_interval_seconds = 300;  // AMITY_ALERTS_INTERVAL
  int smtp_retry_seconds = 60;        // AMITY_SMTP_RETRY
  // The lines logged per request and background job: JSON objects or plain text.
  LogFormat log_format = LogFormat::kJson;  // AMITY_LOG_FORMAT, --log-format json|plain
  // `amity user …` and `amity token …`
  std::string email;                      // --email
  std::string role;                       // --role
  std::string name;                       // --name (display name or token name)
  std::vector<std::string> partnerships;  // --partnership ID (repeatable)
  std::vector<std::string> positional;    // e.g. the backup FILE
  bool help = false;
};

// Parses "127.0.0.1:8080" or "[::1]:8080" into address and port; nullopt when malformed.
std::optional<std::pair<std::string, std::uint16_t>> ParseListen(const std::string& text);

// Builds the Config for `args` (the arguments after the command name). `getenv` reads the
// environment (std::getenv in the program, a table in tests). On a bad flag or value returns
// nullopt and sets `error` to a message naming it.
std::optional<Config> LoadConfig(const std::vector<std::string>& args,
                                 const std::function<const char*(const char*)>& getenv,
                                 std::string& error);

}  // namespace amity
