#include "store/changes.h"

#include <utility>
#include <variant>
#include <vector>

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kInsertChange[] =
    "INSERT INTO changes (entity, record_id, version, op, actor, at, instance_id, before, after) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kSelectChangeColumns[] =
    "SELECT seq, entity, record_id, version, op, actor, at, instance_id, before, after "
    "FROM changes";
const std::string kSelectLastWidening =
    "SELECT seq, at FROM changes WHERE entity = ? AND "
    "record_id = ? AND " +
    std::string(kWideningChangeSql) + " ORDER BY seq DESC LIMIT 1";

// A change that set the field at the JSON path bound (`$.name`): an update names the fields it
// changed, while a create names every field, null for those it left empty.
constexpr char kSetsFieldSql[] =
    "IFNULL(json_type(after, ?), 'absent') NOT IN "
    "('absent', CASE WHEN op = 'create' THEN 'null' ELSE 'absent' END)";

// Entries read past the page to learn a small total without counting.
constexpr int kCountAhead = 100;

std::optional<std::string> JsonText(const json::value& value) {
  if (value.is_null()) return std::nullopt;
  return json::serialize(value);
}

json::value ParseOrNull(const Stmt& stmt, int column) {
  return stmt.IsNull(column) ? json::value(nullptr) : json::parse(stmt.Text(column));
}

}  // namespace

void RecordChange(Db& db, std::string_view entity, std::string_view record_id, long long version,
                  std::string_view op, const WriteContext& context, const json::value& before,
                  const json::value& after) {
  db.Prepare(kInsertChange)
      .Bind(1, entity)
      .Bind(2, record_id)
      .Bind(3, version)
      .Bind(4, op)
      .Bind(5, context.actor)
      .Bind(6, FormatInstant(context.now))
      .Bind(7, context.instance_id)
      .Bind(8, JsonText(before))
      .Bind(9, JsonText(after))
      .Run();
}

Page ListChanges(Db& db, const ChangeQuery& query) {
  // Only the conditions asked for, so the planner sees which index serves them.
  std::string where;
  std::vector<std::pair<std::string, std::variant<std::string, long long>>> conditions;
  if (query.entity) conditions.push_back({"entity = ?", *query.entity});
  if (query.record_id) conditions.push_back({"record_id = ?", *query.record_id});
  if (query.actor) conditions.push_back({"actor = ?", *query.actor});
  if (query.op) conditions.push_back({"op = ?", *query.op});
  if (query.since) conditions.push_back({"at >= ?", *query.since});
  if (query.until) conditions.push_back({"at < ?", *query.until});
  if (query.from_seq) conditions.push_back({"seq >= ?", *query.from_seq});
  if (query.after_seq) conditions.push_back({"seq > ?", *query.after_seq});
  if (query.before_seq) conditions.push_back({"seq < ?", *query.before_seq});
  if (query.version) conditions.push_back({"version = ?", *query.version});
  if (query.field) conditions.push_back({kSetsFieldSql, "$." + *query.field});
  for (const auto& [sql, value] : conditions) where += (where.empty() ? " WHERE " : " AND ") + sql;
  const bool feed = query.after_seq.has_value();
  const int read_ahead = feed ? 1 : kCountAhead;
  Stmt select = db.Prepare(std::string(kSelectChangeColumns) + where + " ORDER BY seq" +
                           (feed ? " ASC" : " DESC") + " LIMIT ? OFFSET ?");
  int index = 1;
  for (const auto& [sql, value] : conditions) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      select.Bind(index++, *text);
    } else {
      select.Bind(index++, std::get<long long>(value));
    }
  }
  const int offset = feed ? 0 : query.offset;
  select.Bind(index, query.limit + read_ahead).Bind(index + 1, offset);
  Page page;
  int read = 0;
  while (select.Step()) {
    if (read++ >= query.limit) continue;
    page.items.push_back(json::object{
        {"seq", select.Int(0)},
        {"entity", select.Text(1)},
        {"record_id", select.Text(2)},
        {"version", select.Int(3)},
        {"op", select.Text(4)},
        {"actor", select.Text(5)},
        {"at", select.Text(6)},
        {"instance_id", select.Text(7)},
        {"before", ParseOrNull(select, 8)},
        {"after", ParseOrNull(select, 9)},
    });
  }
  page.info.has_more = read > query.limit;
  // The matches ended within what was read (unless the offset passed them all).
  if (!feed && read < query.limit + read_ahead && (read > 0 || offset == 0)) {
    page.info.total = static_cast<long long>(offset) + read;
  }
  return page;
}

std::optional<ChangeMark> LastWidening(Db& db, std::string_view entity,
                                       std::string_view record_id) {
  Stmt select = db.Prepare(kSelectLastWidening);
  if (!select.Bind(1, entity).Bind(2, record_id).Step()) return std::nullopt;
  return ChangeMark{select.Int(0), std::string(select.Text(1))};
}

}  // namespace amity::store
