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

}  // namespace amity::testing
