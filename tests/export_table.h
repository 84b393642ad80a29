// Exported tables (CSV, XLSX) read back by independent parsers (tests/read_table.py: Python's csv
// module, openpyxl), for the API tests of exports.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "test_server.h"

namespace amity::testing {

// The rows of an exported file as the independent readers parse them ({"rows": [[cell, …], …],
// "bom", "sheet"}); fails the test and returns an empty object when the file does not parse.
boost::json::object Parsed(const TestServer& server, const HttpResult& result,
                           const std::string& format, bool excel = false);

// The first cell of every row but the header: the records' ids in the file's order.
std::vector<std::string> Ids(const boost::json::object& table);

// The header row's cells.
std::vector<std::string> Header(const boost::json::object& table);

// True when some text cell of the table contains `part`.
bool Holds(const boost::json::object& table, const std::string& part);

// The `items`' ids of the JSON list at `path` (numbers as their decimal text), asked as the
// admin or with `headers`; expects a 200.
std::vector<std::string> ItemIds(const TestServer& server, const std::string& path,
                                 const std::vector<std::string>& headers = {});

// Asks `path` (an export) with each bad query ("query", "the parameter named") and expects a 400
// problem naming the parameter.
void ExpectExportRefused(const TestServer& server, const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& cases);

// The environment of a server whose SMTP server is down: every message fails and waits.
std::vector<std::string> DeadSmtpEnvironment();

// Creates a concert tomorrow in the first partnership, whose reminder reaches the admin (bell and
// outbox), and waits up to 30 s for the list at `path` to hold something: its ids.
std::vector<std::string> AwaitEventReminder(TestServer& server, const std::string& path);

}  // namespace amity::testing
