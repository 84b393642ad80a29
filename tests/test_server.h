// A real amity server for tests: its own temporary folder and database file, a free loopback
// port, HTTP through libcurl, and a snapshot of every table to prove a request changed nothing.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace amity::testing {

struct HttpResult {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case

  std::string Header(const std::string& lower_name) const;
  boost::json::value Json() const;  // parses body; fails the test when it is not JSON
};

class TestServer;

// The id of the first partnership `server` lists (newest first); fails the test when none.
std::string FirstPartnershipId(const TestServer& server);

// Runs the amity binary with `args` and returns its exit code; stdout+stderr go to `output`.
int RunAmity(const std::vector<std::string>& args, std::string* output = nullptr);

// `at` as a UTC instant of the API, e.g. 2026-12-07T14:00:00Z.
std::string Stamp(std::chrono::system_clock::time_point at);
// The instant `hours` from now, as Stamp writes it.
std::string In(std::chrono::hours hours);

// A free TCP port on 127.0.0.1.
int FreePort();

// True when something accepts connections on 127.0.0.1:`port`.
bool PortOpen(int port);

// Reads a whole file ("" when missing).
std::string ReadFile(const std::string& path);

// The first column of the first row `sql` gives on the database file at `db_path`, opened read
// only (-1 when there is no row); fails the test when the file or the query does not open.
long long QueryNumber(const std::string& db_path, const std::string& sql);

// A user made with `amity user add`, with an API token from `amity token add`.
struct TestUser {
  std::string id;
  std::string email;
  std::string role;
  std::string password;
  std::string token;
  std::string Bearer() const { return "Authorization: Bearer " + token; }
};

class TestServer {
 public:
  // Creates a fresh database (with the İzmir–Harbin demo when `demo`) and starts the server
  // with extra environment variables `environment` ("NAME=value"). The database goes into
  // `folder` when given (an empty folder the caller owns, e.g. a small mount), else into a new
  // temporary folder.
  explicit TestServer(bool demo = true, const std::vector<std::string>& environment = {},
                      const std::string& folder = "");
  // Stops the server with SIGTERM and removes the folder (only its files when the caller's).
  // Whenever the server stops (Stop, Kill, here), the values it must never send its peers are
  // written for the suite's scan of the wire capture (tests/wire_forbidden.h).
  ~TestServer();

  // Sends a request as the admin (its bearer token) unless `headers` carry an Authorization or
  // Cookie header of their own; "Authorization:" alone sends none (an anonymous caller).
  HttpResult Request(const std::string& method, const std::string& path,
                     const std::string& body = "",
                     const std::vector<std::string>& headers = {}) const;
  HttpResult Get(const std::string& path) const { return Request("GET", path); }
  HttpResult Post(const std::string& path, const boost::json::value& body) const;

  // Adds a user with `role` (and for partners their partnerships) and an API token for it.
  TestUser AddUser(const std::string& email, const std::string& role,
                   const std::vector<std::string>& partnerships = {}) const;
  const TestUser& admin() const { return admin_; }

  // Every row of every table, in a stable order: equal snapshots mean an unchanged database.
  std::string Snapshot() const;
  // Waits (up to 30 s, else fails the test) until the background worker has made the thumbnails
  // and texts of every live file (previews::Worker).
  void WaitForPreviews() const;

  // Kills the server with SIGKILL (no clean stop: what it had not committed is lost) and serves
  // the same database again, on a new port.
  void KillAndRestart();

  // Kills the server with SIGKILL and leaves it down; StartAgain serves the same database again
  // on the same port (so a peer finds it where it was).
  void Kill();
  void StartAgain();

  // Sends SIGTERM and waits; returns the exit status (0 for a clean stop).
  int Stop();

  const std::string& db_path() const { return db_path_; }
  const std::string& folder() const { return folder_; }
  int port() const { return port_; }
  int pid() const { return pid_; }  // of the server process

 private:
  // Runs `amity serve` on the database (on a new free port unless `same_port`) and waits until
  // it answers.
  void Start(bool same_port = false);
  std::string folder_;
  bool own_folder_ = true;
  std::string db_path_;
  int port_ = 0;
  int pid_ = -1;
  // The values the server must never send its peers, from its database once it stopped.
  void WriteForbidden() const;
  std::vector<std::string> environment_;
  TestUser admin_;
  std::string token_;
  mutable std::vector<std::string> secrets_;  // tokens and passwords of the users added
};

}  // namespace amity::testing
