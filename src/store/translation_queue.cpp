#include "store/translation_queue.h"

#include "domain/resources.h"

namespace amity::store {
namespace json = boost::json;

namespace {

// One SELECT per translatable field of every resource, united: ?1 is the language.
std::string QueueSql() {
  std::string sql;
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    for (const domain::FieldSpec& field : spec->fields) {
      if (field.type != domain::FieldType::kText) continue;
      const std::string column(field.name), table(spec->name);
      if (!sql.empty()) sql += " UNION ALL ";
      sql += "SELECT '" + table + "' AS kind, id, '" + column +
             "' AS field, updated_at, "
             "CASE WHEN json_extract(" +
             column +
             ", '$.' || ?1) IS NULL THEN 'missing' "
             "ELSE 'unreviewed' END AS state, " +
             column + " AS text FROM " + table + " WHERE archived = 0 AND " + column +
             " IS NOT NULL AND json_extract(" + column +
             ", '$.original') <> ?1 AND (json_extract(" + column +
             ", '$.' || ?1) IS NULL OR "
             "coalesce(json_extract(" +
             column + ", '$.translations.' || ?1 || '.reviewed'), 0) = 0)";
    }
  }
  return "SELECT kind, id, field, updated_at, state, text FROM (" + sql +
         ") WHERE (?2 IS NULL OR state = ?2) AND (?3 IS NULL OR kind = ?3)";
}

}  // namespace

Page ListTranslationQueue(Db& db, const TranslationQuery& query) {
  static const std::string queue_sql = QueueSql();
  Page page;
  {
    Stmt select = db.Prepare(queue_sql + " ORDER BY updated_at DESC, id LIMIT ?4 OFFSET ?5");
    select.Bind(1, query.lang).Bind(2, query.state).Bind(3, query.kind);
    select.Bind(4, query.limit).Bind(5, query.offset);
    while (select.Step()) {
      page.items.push_back(json::object{{"kind", select.Text(0)},
                                        {"id", select.Text(1)},
                                        {"field", select.Text(2)},
                                        {"updated_at", select.Text(3)},
                                        {"state", select.Text(4)},
                                        {"text", json::parse(select.Text(5))}});
    }
  }
  Stmt count = db.Prepare("SELECT count(*) FROM (" + queue_sql + ")");
  count.Bind(1, query.lang).Bind(2, query.state).Bind(3, query.kind);
  count.Step();
  page.info.total = count.Int(0);
  return page;
}

}  // namespace amity::store
