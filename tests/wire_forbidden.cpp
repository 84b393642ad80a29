#include "wire_forbidden.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <functional>
#include <set>

#include "domain/resources.h"

namespace amity::testing {
namespace json = boost::json;
using domain::FieldType;

namespace {

// Shorter values would match bytes of the capture by chance.
constexpr size_t kShortest = 6;

// Calls `row` with the text of each column of each row `sql` gives (with `instance` bound to ?1
// when the statement has a parameter); missing tables or columns give no rows.
void EachRow(sqlite3* db, const std::string& sql, const std::string& instance,
             const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db) << ": " << sql;
    return;
  }
  if (sqlite3_bind_parameter_count(stmt) > 0) {
    sqlite3_bind_text(stmt, 1, instance.c_str(), -1, SQLITE_TRANSIENT);
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) row(stmt);
  sqlite3_finalize(stmt);
}

std::string Column(sqlite3_stmt* stmt, int i) {
  const auto* text = sqlite3_column_text(stmt, i);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// Every string in `value`, at any depth.
void StringLeaves(const json::value& value, std::set<std::string>& out) {
  if (value.is_string()) out.emplace(value.as_string());
  if (value.is_array()) {
    for (const json::value& item : value.as_array()) StringLeaves(item, out);
  }
  if (value.is_object()) {
    for (const auto& member : value.as_object()) StringLeaves(member.value(), out);
  }
}

json::value Parsed(const std::string& text) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  return error ? json::value(json::string(text)) : value;
}

// The values of field `field` (stored as `text`) that must not travel: a translatable text's
// wording in each language (not its "original" or review marks), a plain string as it is. Not
// the fields the server sets to name someone else: the account that created the record
// (`created_by`, which the same account's shared records carry by design, docs/API.md) and the
// approving server's key (`key_id`, `public_key`, which it sends with every signed request).
void FieldValues(const domain::FieldSpec& field, const std::string& text,
                 std::set<std::string>& out) {
  if (text.empty()) return;
  if (!field.writable &&
      (field.name == "created_by" || field.name == "key_id" || field.name == "public_key")) {
    return;
  }
  if (field.type == FieldType::kText) {
    const json::value value = Parsed(text);
    if (!value.is_object()) return;
    for (const auto& member : value.as_object()) {
      if (member.key() != "original" && member.value().is_string()) {
        out.emplace(member.value().as_string());
      }
    }
  } else if (field.type == FieldType::kString || field.type == FieldType::kUrl) {
    out.insert(text);
  }
}

// SQL: whether record `alias`.id of `table` was ever shared (a change left it shared or public).
std::string NeverShared(std::string_view table, const std::string& alias) {
  return "NOT EXISTS (SELECT 1 FROM changes c WHERE c.entity = '" + std::string(table) +
         "' AND c.record_id = " + alias + ".id AND json_extract(c.after, '$.visibility') IN " +
         "('shared', 'public'))";
}

}  // namespace

std::string InstanceIdOf(const std::string& db_path) {
  sqlite3* db = nullptr;
  std::string id;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    EachRow(db, "SELECT id FROM instance", "", [&](sqlite3_stmt* row) { id = Column(row, 0); });
  }
  sqlite3_close(db);
  return id;
}

std::vector<std::string> ForbiddenValues(const std::string& db_path,
                                         const std::vector<std::string>& extra) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db_path;
    sqlite3_close(db);
    return {};
  }
  const std::string instance = InstanceIdOf(db_path);
  std::set<std::string> values(extra.begin(), extra.end());
  const auto add_column = [&](int i) {
    return [&, i](sqlite3_stmt* row) { values.insert(Column(row, i)); };
  };
  // Files the peers may not hold, by the holder's table; and the bytes they may.
  std::string kept_files;
  std::string shared_files;
  std::string resources;
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    const std::string table(spec->name);
    resources += (resources.empty() ? "'" : ", '") + table + "'";
    std::string columns = "id";
    for (const domain::FieldSpec& field : spec->fields) {
      columns += ", \"" + std::string(field.name) + "\"";
    }
    const auto record = [&](bool private_only) {
      return [&, private_only](sqlite3_stmt* row) {
        if (private_only) values.insert(Column(row, 0));
        for (size_t i = 0; i < spec->fields.size(); ++i) {
          const domain::FieldSpec& field = spec->fields[i];
          const std::string text = Column(row, static_cast<int>(i) + 1);
          if (field.personal &&
              (field.type == FieldType::kString || field.type == FieldType::kUrl)) {
            values.insert(text);
          } else if (field.personal && !text.empty()) {
            StringLeaves(Parsed(text), values);
          } else if (private_only) {
            FieldValues(field, text, values);
          }
          for (const domain::FieldSpec& member : field.members) {
            if (!member.personal || text.empty()) continue;
            const json::value value = Parsed(text);
            const auto take = [&](const json::value& object) {
              if (const auto* found =
                      object.is_object() ? object.as_object().if_contains(member.name) : nullptr) {
                StringLeaves(*found, values);
              }
            };
            if (value.is_array()) {
              for (const json::value& item : value.as_array()) take(item);
            } else {
              take(value);
            }
          }
        }
      };
    };
    const std::string kept =
        "t.instance_id = ?1 AND t.visibility = 'private' AND " + NeverShared(table, "t");
    EachRow(db, "SELECT " + columns + " FROM \"" + table + "\" t WHERE " + kept, instance,
            record(true));
    EachRow(db, "SELECT " + columns + " FROM \"" + table + "\" t WHERE NOT (" + kept + ")",
            instance, record(false));
    kept_files += " OR (f.holder = '" + table + "' AND f.holder_id IN (SELECT id FROM \"" + table +
                  "\" t WHERE " + kept + "))";
    shared_files += " OR (f.holder = '" + table + "' AND f.holder_id IN (SELECT id FROM \"" +
                    table + "\" t WHERE t.visibility <> 'private'))";
  }
  // A private commitment's notes.
  EachRow(db,
          "SELECT h.id, h.note FROM commitment_history h JOIN commitments t ON t.id = "
          "h.commitment_id WHERE t.instance_id = ?1 AND t.visibility = 'private' AND " +
              NeverShared("commitments", "t"),
          instance, [&](sqlite3_stmt* row) {
            values.insert(Column(row, 0));
            values.insert(Column(row, 1));
          });
  // Files: those of records kept here, personal data, and exchange applications' documents
  // (their holder is no resource); their bytes only when no shared file has the same.
  const std::string private_file =
      "(f.personal_data = 1 OR f.holder NOT IN (" + resources + ")" + kept_files + ")";
  EachRow(db, "SELECT f.id FROM files f WHERE " + private_file, instance, add_column(0));
  EachRow(
      db,
      "SELECT f.sha256 FROM files f WHERE " + private_file +
          " AND f.sha256 NOT IN (SELECT f.sha256 FROM files f WHERE f.personal_data = 0 AND (0" +
          shared_files + "))",
      instance, add_column(0));
  // Students' applications never travel.
  EachRow(db, "SELECT id, name_native, name_latin, student_number FROM exchange_applications", "",
          [&](sqlite3_stmt* row) {
            for (int i = 0; i < 4; ++i) values.insert(Column(row, i));
          });
  // Accounts and secrets.
  EachRow(db, "SELECT email FROM users", "", add_column(0));
  EachRow(db, "SELECT password_hash FROM users", "", add_column(0));
  EachRow(db, "SELECT token_hash FROM api_tokens", "", add_column(0));
  EachRow(db, "SELECT token_hash FROM sessions UNION SELECT csrf_token FROM sessions", "",
          add_column(0));
  EachRow(db, "SELECT secret_key FROM federation_keys", "", add_column(0));
  sqlite3_close(db);
  std::vector<std::string> forbidden;
  for (const std::string& value : values) {
    // One value per line: a value of several lines goes as its lines.
    size_t start = 0;
    while (start <= value.size()) {
      const size_t end = std::min(value.find('\n', start), value.size());
      std::string line = value.substr(start, end - start);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.size() >= kShortest) forbidden.push_back(std::move(line));
      start = end + 1;
    }
  }
  return forbidden;
}

void WriteForbiddenValues(const std::string& folder, const std::string& db_path,
                          const std::vector<std::string>& extra) {
  if (folder.empty()) return;
  const std::string instance = InstanceIdOf(db_path);
  if (instance.empty()) {
    ADD_FAILURE() << "no instance id in " << db_path;
    return;
  }
  std::ofstream out(folder + "/" + instance + ".forbidden", std::ios::trunc);
  for (const std::string& value : ForbiddenValues(db_path, extra)) out << value << "\n";
  EXPECT_TRUE(out.good()) << "cannot write the forbidden values to " << folder;
}

}  // namespace amity::testing
