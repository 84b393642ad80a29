#include "config/config.h"

#include <charconv>
#include <filesystem>

namespace amity {
namespace {

std::optional<int> ParseCount(const std::string& text, int maximum) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > maximum) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<std::pair<std::string, std::uint16_t>> ParseListen(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string address = text.substr(0, colon);
  if (address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  const auto port = ParseCount(text.substr(colon + 1), 65535);
  if (!port || address.empty()) return std::nullopt;
  return std::make_pair(address, static_cast<std::uint16_t>(*port));
}

std::optional<Config> LoadConfig(const std::vector<std::string>& args,
                                 const std::function<const char*(const char*)>& getenv,
                                 std::string& error) {
  Config config;
  if (const char* db = getenv("AMITY_DB"); db && *db) config.db_path = db;
  if (const char* listen = getenv("AMITY_LISTEN"); listen && *listen) {
    const auto parsed = ParseListen(listen);
    if (!parsed) {
      error = "AMITY_LISTEN must be ADDR:PORT, e.g. 127.0.0.1:8080";
      return std::nullopt;
    }
    std::tie(config.listen_address, config.listen_port) = *parsed;
  }
  // A whole number from variable `name` within [minimum, maximum] into `field` when it is set;
  // false, with `error` set to `problem`, when it is not such a number.
  const auto count_from_env = [&getenv, &error](const char* name, int minimum, int maximum,
                                                int& field, const char* problem) {
    const char* text = getenv(name);
    if (!text || !*text) return true;
    const auto parsed = ParseCount(text, maximum);
    if (!parsed || *parsed < minimum) {
      error = problem;
      return false;
    }
    field = *parsed;
    return true;
  };
  if (!count_from_env("AMITY_THREADS", 0, 256, config.threads,
                      "AMITY_THREADS must be a number from 0 to 256") ||
      !count_from_env("AMITY_RECORD_CACHE_MIB", 0, 4096, config.record_cache_mib,
                      "AMITY_RECORD_CACHE_MIB must be a number from 0 to 4096")) {
    return std::nullopt;
  }
  if (const char* url = getenv("AMITY_TRANSLATE_URL"); url && *url) config.translate_url = url;
  if (const char* key = getenv("AMITY_TRANSLATE_KEY"); key && *key) config.translate_key = key;
  if (!count_from_env("AMITY_SESSION_TTL", 1, 30 * 24 * 3600, config.session_ttl_seconds,
                      "AMITY_SESSION_TTL must be seconds from 1 to 2592000 (30 days)") ||
      !count_from_env("AMITY_INQUIRY_LIMIT", 0, 100000, config.inquiry_limit,
                      "AMITY_INQUIRY_LIMIT must be a number from 0 (no limit) to 100000") ||
      !count_from_env("AMITY_INQUIRY_WINDOW", 1, 7 * 24 * 3600, config.inquiry_window_seconds,
                      "AMITY_INQUIRY_WINDOW must be seconds from 1 to 604800 (7 days)")) {
    return std::nullopt;
  }
  const auto flag = [&getenv](const char* name) {
    const char* value = getenv(name);
    return value && std::string(value) == "1";
  };
  config.secure_cookies = flag("AMITY_SECURE_COOKIES");
  config.trust_proxy = flag("AMITY_TRUST_PROXY");
  if (const char* email = getenv("AMITY_ADMIN_EMAIL"); email && *email) config.admin_email = email;
  if (const char* path = getenv("AMITY_INITIAL_PASSWORD_FILE"); path && *path) {
    config.initial_password_file = path;
  }
  if (const char* path = getenv("AMITY_BACKUP_DIR"); path && *path) config.backup_dir = path;
  if (const char* path = getenv("AMITY_WIRE_CAPTURE"); path && *path) config.wire_capture = path;
  if (const char* path = getenv("AMITY_FILES_DIR"); path && *path) config.files_dir = path;
  if (const char* types = getenv("AMITY_FILE_TYPES"); types && *types) config.file_types = types;
  if (!count_from_env("AMITY_MAX_FILE_MIB", 1, 1 << 20, config.max_file_mib,
                      "AMITY_MAX_FILE_MIB must be a number of MiB from 1 to 1048576")) {
    return std::nullopt;
  }
  if (const char* url = getenv("AMITY_PUBLIC_URL"); url && *url) {
    config.public_url = url;
    while (config.public_url.ends_with('/')) config.public_url.pop_back();
    if (!(config.public_url.starts_with("http://") || config.public_url.starts_with("https://"))) {
      error = "AMITY_PUBLIC_URL must be an http:// or https:// URL";
      return std::nullopt;
    }
  }
  if (const char* url = getenv("AMITY_SMTP_URL"); url && *url) {
    config.smtp_url = url;
    if (!(config.smtp_url.starts_with("smtp://") || config.smtp_url.starts_with("smtps://") ||
          config.smtp_url.starts_with("smtp+starttls://"))) {
      error = "AMITY_SMTP_URL must be smtp://, smtps:// or smtp+starttls://HOST:PORT";
      return std::nullopt;
    }
  }
  if (const char* from = getenv("AMITY_SMTP_FROM"); from && *from) config.smtp_from = from;
  if (!config.smtp_url.empty() && config.smtp_from.find('@') == std::string::npos) {
    error = "AMITY_SMTP_FROM must be the sender's e-mail address when AMITY_SMTP_URL is set";
    return std::nullopt;
  }
  if (const char* user = getenv("AMITY_SMTP_USER"); user && *user) config.smtp_user = user;
  if (const char* password = getenv("AMITY_SMTP_PASSWORD"); password && *password) {
    config.smtp_password = password;
  }
  if (const char* ca_file = getenv("AMITY_SMTP_CA_FILE"); ca_file && *ca_file) {
    config.smtp_ca_file = ca_file;
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(config.smtp_ca_file, ignored)) {
      error = "AMITY_SMTP_CA_FILE must be a PEM file of CA certificates";
      return std::nullopt;
    }
  }
  if (!count_from_env("AMITY_ALERTS_INTERVAL", 1, 86400, config.alerts_interval_seconds,
                      "AMITY_ALERTS_INTERVAL must be seconds from 1 to 86400") ||
      !count_from_env("AMITY_SMTP_RETRY", 1, 86400, config.smtp_retry_seconds,
                      "AMITY_SMTP_RETRY must be seconds from 1 to 86400")) {
    return std::nullopt;
  }
  if (const char* format = getenv("AMITY_LOG_FORMAT"); format && *format) {
    const auto parsed = ParseLogFormat(format);
    if (!parsed) {
      error = "AMITY_LOG_FORMAT must be json or plain";
      return std::nullopt;
    }
    config.log_format = *parsed;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      config.help = true;
    } else if (arg == "--db") {
      const auto path = value();
      if (!path || path->empty()) {
        error = "--db needs a file path";
        return std::nullopt;
      }
      config.db_path = *path;
    } else if (arg == "--listen") {
      const auto text = value();
      const auto parsed = text ? ParseListen(*text) : std::nullopt;
      if (!parsed) {
        error = "--listen needs ADDR:PORT, e.g. 127.0.0.1:8080";
        return std::nullopt;
      }
      std::tie(config.listen_address, config.listen_port) = *parsed;
    } else if (arg == "--threads") {
      const auto text = value();
      const auto parsed = text ? ParseCount(*text, 256) : std::nullopt;
      if (!parsed) {
        error = "--threads needs a number from 0 to 256";
        return std::nullopt;
      }
      config.threads = *parsed;
    } else if (arg == "--translate-url") {
      const auto url = value();
      if (!url || !(url->starts_with("http://") || url->starts_with("https://"))) {
        error = "--translate-url needs an http:// or https:// URL";
        return std::nullopt;
      }
      config.translate_url = *url;
    } else if (arg == "--scale") {
      const auto text = value();
      const auto parsed = text ? ParseCount(*text, 100000) : std::nullopt;
      if (!parsed) {
        error = "--scale needs a number from 0 to 100000";
        return std::nullopt;
      }
      config.scale = *parsed;
    } else if (arg == "--busy") {
      const auto text = value();
      const auto parsed = text ? ParseCount(*text, 1000000) : std::nullopt;
      if (!parsed) {
        error = "--busy needs a number of commitments from 0 to 1000000";
        return std::nullopt;
      }
      config.busy = *parsed;
    } else if (arg == "--session-ttl") {
      const auto text = value();
      const auto parsed = text ? ParseCount(*text, 30 * 24 * 3600) : std::nullopt;
      if (!parsed || *parsed == 0) {
        error = "--session-ttl needs seconds from 1 to 2592000 (30 days)";
        return std::nullopt;
      }
      config.session_ttl_seconds = *parsed;
    } else if (arg == "--log-format") {
      const auto text = value();
      const auto parsed = text ? ParseLogFormat(*text) : std::nullopt;
      if (!parsed) {
        error = "--log-format needs json or plain";
        return std::nullopt;
      }
      config.log_format = *parsed;
    } else if (arg == "--secure-cookies") {
      config.secure_cookies = true;
    } else if (arg == "--trust-proxy") {
      config.trust_proxy = true;
    } else if (arg == "--email" || arg == "--role" || arg == "--name" || arg == "--partnership") {
      const auto text = value();
      if (!text || text->empty()) {
        error = arg + " needs a value";
        return std::nullopt;
      }
      if (arg == "--email") config.email = *text;
      if (arg == "--role") config.role = *text;
      if (arg == "--name") config.name = *text;
      if (arg == "--partnership") config.partnerships.push_back(*text);
    } else if (arg.starts_with("--")) {
      error = "unknown option " + arg;
      return std::nullopt;
    } else {
      config.positional.push_back(arg);
    }
  }
  return config;
}

}  // namespace amity
