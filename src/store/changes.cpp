#include "store/changes.h"

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kInsertChange[] =
    "INSERT INTO changes (entity, record_id, version, op, actor, at, instance_id, before, after) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
const std::string kChangeFilter =
    "FROM changes WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR record_id = ?2) AND "
    "(?3 IS NULL OR actor = ?3) AND (?4 IS NULL OR op = ?4) AND (?5 IS NULL OR at >= ?5) AND "
    "(?6 IS NULL OR at < ?6) AND (?9 IS NULL OR seq >= ?9)";
const std::string kSelectChanges =
    "SELECT seq, entity, record_id, version, op, actor, at, instance_id, before, after " +
    kChangeFilter + " ORDER BY seq DESC LIMIT ?7 OFFSET ?8";
const std::string kCountChanges = "SELECT count(*) " + kChangeFilter;
const std::string kSelectLastWidening =
    "SELECT seq, at FROM changes WHERE entity = ? AND "
    "record_id = ? AND " +
    std::string(kWideningChangeSql) + " ORDER BY seq DESC LIMIT 1";

void BindFilter(Stmt& stmt, const ChangeQuery& query) {
  stmt.Bind(1, query.entity)
      .Bind(2, query.record_id)
      .Bind(3, query.actor)
      .Bind(4, query.op)
      .Bind(5, query.since)
      .Bind(6, query.until);
  if (query.from_seq) {
    stmt.Bind(9, *query.from_seq);
  } else {
    stmt.BindNull(9);
  }
}

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
  Page page;
  {
    Stmt select = db.Prepare(kSelectChanges);
    BindFilter(select, query);
    select.Bind(7, query.limit).Bind(8, query.offset);
    while (select.Step()) {
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
  }
  Stmt count = db.Prepare(kCountChanges);
  BindFilter(count, query);
  count.Step();
  page.total = count.Int(0);
  return page;
}

std::optional<ChangeMark> LastWidening(Db& db, std::string_view entity,
                                       std::string_view record_id) {
  Stmt select = db.Prepare(kSelectLastWidening);
  if (!select.Bind(1, entity).Bind(2, record_id).Step()) return std::nullopt;
  return ChangeMark{select.Int(0), std::string(select.Text(1))};
}

}  // namespace amity::store
