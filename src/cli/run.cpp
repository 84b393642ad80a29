#include "cli/run.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

namespace amity::cli {
namespace {

constexpr char kUsage[] =
    "usage: amity COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  serve    serve the API and web UI           amity serve [--listen ADDR:PORT] [--db PATH] "
    "[--threads N]\n"
    "  migrate  create or upgrade the database     amity migrate [--db PATH]\n"
    "  demo     load the İzmir–Harbin demo data    amity demo [--db PATH] [--scale N]\n"
    "  backup   copy the database (and files) out  amity backup [--db PATH] FILE.tar\n"
    "  restore  bring a backup back               amity restore [--db PATH] FILE.tar\n"
    "  reindex  rebuild the search index           amity reindex [--db PATH]\n"
    "  files    verify or tidy the stored files    amity files check|sweep [--db PATH]\n"
    "  user     add, list users, reset a password  amity user add --email E --role R\n"
    "  token    create an API token for a user     amity token add --email E --name NAME\n"
    "  licenses print Amity's licence and the third-party notices\n"
    "\n"
    "  amity --version | amity COMMAND --help\n"
    "\n"
    "environment: AMITY_DB (default var/amity.db), AMITY_LISTEN (default 127.0.0.1:8080),\n"
    "AMITY_THREADS (default: one per core), AMITY_RECORD_CACHE_MIB (default 16; 0 = off),\n"
    "AMITY_TRANSLATE_URL, AMITY_TRANSLATE_KEY, AMITY_SESSION_TTL (seconds, default 43200),\n"
    "AMITY_SECURE_COOKIES=1, AMITY_TRUST_PROXY=1,\n"
    "AMITY_ADMIN_EMAIL (the first admin, default admin@localhost),\n"
    "AMITY_INITIAL_PASSWORD_FILE (the first admin's password goes there, 0600, not to stderr),\n"
    "AMITY_BACKUP_DIR (the daily backups; /metrics reports the newest one's time),\n"
    "AMITY_FILES_DIR (uploaded files, default: files beside the database),\n"
    "AMITY_MAX_FILE_MIB (largest file, default 2048), AMITY_FILE_TYPES (accepted media types,\n"
    "comma-separated, type/* allowed; default: PDF, images, Office, text, audio, video),\n"
    "AMITY_LOG_FORMAT (json, the default, or plain: the per-request and background job lines).\n"
    "Flags override the environment.\n";

struct Command {
  const char* name;
  int (*run)(const Config&);
  const char* help;
};

const Command kCommands[] = {
    {"serve", Serve,
     "usage: amity serve [--listen ADDR:PORT] [--db PATH] [--threads N] [--translate-url URL]\n"
     "                   [--log-format json|plain]\n"
     "Applies pending migrations, then serves the JSON API (/api/v1), the web UI and /healthz.\n"
     "With --translate-url (or AMITY_TRANSLATE_URL; key in AMITY_TRANSLATE_KEY) a background\n"
     "worker fills missing languages through a LibreTranslate-compatible API, marked machine.\n"
     "Logs one line per request to stdout and per background job to stderr, as JSON or plain\n"
     "text (--log-format, AMITY_LOG_FORMAT), each request with its id, answered as\n"
     "X-Request-Id. SIGTERM or SIGINT stop it cleanly.\n"
     "On the first start (no users yet) it creates an admin (AMITY_ADMIN_EMAIL, default\n"
     "admin@localhost) with a random password printed once. Sessions last AMITY_SESSION_TTL\n"
     "(--session-ttl) seconds; --secure-cookies marks the cookie Secure (TLS); --trust-proxy\n"
     "takes the client address from X-Forwarded-For and Secure from X-Forwarded-Proto.\n"},
    {"migrate", Migrate,
     "usage: amity migrate [--db PATH]\n"
     "Creates the database file if needed and applies every pending migration.\n"},
    {"demo", Demo,
     "usage: amity demo [--db PATH] [--scale N [--busy M]]\n"
     "Loads the İzmir–Harbin demo (once; skipped when the database already has it).\n"
     "--scale N adds N generated partnerships, each with meetings, ~100 commitments and events;\n"
     "--busy M gives the first of them M commitments instead (a busy partnership, for "
     "benchmarks).\n"},
    {"backup", Backup,
     "usage: amity backup [--db PATH] FILE.tar\n"
     "       amity backup [--db PATH] FILE.db\n"
     "Writes a consistent backup, also while the server runs. FILE.tar: one archive of the\n"
     "database (one moment of it) and every stored file (AMITY_FILES_DIR, by default files\n"
     "beside the database); bring it back with `amity restore`. Any other FILE: the database\n"
     "alone, in rollback-journal mode (a single file). Shows progress on a terminal. On\n"
     "failure nothing is left beside FILE.\n"},
    {"restore", Restore,
     "usage: amity restore [--db PATH] FILE.tar\n"
     "Brings a backup archive back into a place with no database at PATH and an empty files\n"
     "folder, checks every file against its SHA-256 and that every file the database names is\n"
     "there, then applies pending migrations. On failure nothing is left.\n"},
    {"reindex", Reindex,
     "usage: amity reindex [--db PATH]\n"
     "Rebuilds the full-text search index from every live record, in one transaction.\n"},
    {"user", User,
     "usage: amity user add --email E --role R [--name NAME] [--partnership ID]... [--db PATH]\n"
     "       amity user list [--db PATH]\n"
     "       amity user reset-password --email E [--db PATH]\n"
     "Roles: admin, officer, contributor, partner (give its --partnership), viewer.\n"
     "add and reset-password print a random password once; only its Argon2id hash is kept.\n"},
    {"token", Token,
     "usage: amity token add --email E --name NAME [--db PATH]\n"
     "Prints a new API token for the user (send it as Authorization: Bearer TOKEN). It is\n"
     "shown once; revoke it in the web UI under Account or with DELETE /api/v1/tokens/ID.\n"},
    {"files", Files,
     "usage: amity files check [--db PATH]\n"
     "       amity files sweep [--db PATH]\n"
     "check reads every stored file and compares its bytes with their SHA-256 (exit 1 when one\n"
     "is missing or damaged). sweep removes uploads past their 24 hours, and bytes no record\n"
     "names any more (after an hour's grace, for uploads finishing right now).\n"
     "The files are in AMITY_FILES_DIR, by default the folder files beside the database.\n"},
    {"licenses", Licenses,
     "usage: amity licenses\n"
     "Prints Amity's licence and the notices of the third-party software in this binary.\n"},
};

}  // namespace

int Run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("amity %s\n", AMITY_VERSION);
    return 0;
  }
  for (const Command& command : kCommands) {
    if (args[0] != command.name) continue;
    std::string error;
    const auto config = LoadConfig({args.begin() + 1, args.end()}, std::getenv, error);
    if (!config) {
      std::fprintf(stderr, "amity %s: %s\n%s", command.name, error.c_str(), command.help);
      return 2;
    }
    if (config->help) {
      std::fputs(command.help, stdout);
      return 0;
    }
    try {
      return command.run(*config);
    } catch (const std::exception& failure) {
      std::fprintf(stderr, "amity %s: %s\n", command.name, failure.what());
      return 1;
    }
  }
  std::fprintf(stderr, "amity: unknown command '%s'\n\n%s", args[0].c_str(), kUsage);
  return 2;
}

}  // namespace amity::cli
