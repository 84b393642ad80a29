#include "store/records.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "base/id.h"
#include "base/text.h"
#include "store/changes.h"
#include "store/record_cache.h"
#include "store/search_index.h"

namespace amity::store {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::ResourceSpec;

namespace {

// Columns every record table has besides the resource's own fields, in output order.
constexpr std::string_view kTrailingColumns[] = {"version", "created_at", "updated_at",
                                                 "instance_id", "archived"};

bool IsJsonValued(FieldType type) {
  switch (type) {
    case FieldType::kText:
    case FieldType::kEnumList:
    case FieldType::kReferenceList:
    case FieldType::kLanguageList:
    case FieldType::kObject:
    case FieldType::kObjectList:
    case FieldType::kStringList:
    case FieldType::kCountryList:
      return true;
    default:
      return false;
  }
}

std::string BuildSelectColumns(const ResourceSpec& spec) {
  std::string columns = "id";
  for (const FieldSpec& field : spec.fields) (columns += ", ") += field.name;
  for (std::string_view column : kTrailingColumns) (columns += ", ") += column;
  return columns;
}

// Text built once per resource by `build` (one instantiation per call site's lambda), for SQL
// that every read of that resource would otherwise assemble again.
template <typename Build>
const std::string& PerResource(const ResourceSpec& spec, Build build) {
  static const auto* cache = [&] {
    auto* built = new std::unordered_map<const ResourceSpec*, std::string>();
    for (const ResourceSpec* known : domain::AllResources()) built->emplace(known, build(*known));
    return built;
  }();
  const auto found = cache->find(&spec);
  if (found != cache->end()) return found->second;
  thread_local std::string other;  // a resource outside AllResources (tests)
  other = build(spec);
  return other;
}

// "id, <fields…>, version, …": it prefixes every read.
const std::string& SelectColumns(const ResourceSpec& spec) {
  return PerResource(spec, [](const ResourceSpec& known) { return BuildSelectColumns(known); });
}

// "SELECT <columns> FROM <table> WHERE id = ?".
const std::string& SelectByIdSql(const ResourceSpec& spec) {
  return PerResource(spec, [](const ResourceSpec& known) {
    return "SELECT " + BuildSelectColumns(known) + " FROM " + std::string(known.name) +
           " WHERE id = ?";
  });
}

// "SELECT version, archived FROM <table> WHERE id = ?": what a cached record is checked by.
const std::string& SelectVersionByIdSql(const ResourceSpec& spec) {
  return PerResource(spec, [](const ResourceSpec& known) {
    return "SELECT version, archived FROM " + std::string(known.name) + " WHERE id = ?";
  });
}

void AppendNumber(std::string& out, double number) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, result.ptr);
}

void AppendKey(std::string& out, std::string_view key) {
  out.push_back(',');
  out.push_back('"');
  out.append(key);
  out += "\":";
}

// Column of `field_name` in a row selected with SelectColumns, or -1.
int ColumnOf(const ResourceSpec& spec, std::string_view field_name) {
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].name == field_name) return static_cast<int>(i) + 1;
  }
  return -1;
}

}  // namespace

void AppendRecordJson(const Stmt& stmt, const ResourceSpec& spec, std::string& out) {
  out += "{\"id\":";
  AppendJsonString(out, stmt.Text(0));
  // Time-zoned records also show every "…_at" instant as local time in their zone.
  const int zone_column = ColumnOf(spec, "time_zone");
  const std::string_view zone =
      zone_column > 0 && !stmt.IsNull(zone_column) ? stmt.Text(zone_column) : std::string_view();
  std::string locals;
  int column = 1;
  for (const FieldSpec& field : spec.fields) {
    AppendKey(out, field.name);
    if (stmt.IsNull(column)) {
      out += domain::IsListType(field.type) ? "[]" : "null";
    } else if (IsJsonValued(field.type)) {
      out.append(stmt.Text(column));  // stored as serialized JSON
    } else if (field.type == FieldType::kNumber) {
      AppendNumber(out, stmt.Real(column));
    } else {
      const std::string_view text = stmt.Text(column);
      AppendJsonString(out, text);
      if (field.type == FieldType::kInstant && !zone.empty() && field.name.ends_with("_at")) {
        if (const auto instant = ParseInstant(text)) {
          AppendKey(locals, std::string(field.name.substr(0, field.name.size() - 3)) + "_local");
          AppendJsonString(locals, FormatLocal(*instant, zone));
        }
      }
    }
    ++column;
  }
  out += locals;
  out += ",\"version\":";
  out += std::to_string(stmt.Int(column++));
  AppendKey(out, "created_at");
  AppendJsonString(out, stmt.Text(column++));
  AppendKey(out, "updated_at");
  AppendJsonString(out, stmt.Text(column++));
  AppendKey(out, "instance_id");
  AppendJsonString(out, stmt.Text(column++));
  out += stmt.Int(column++) != 0 ? ",\"archived\":true}" : ",\"archived\":false}";
}

namespace {

// Reads the current row of `stmt` (selected with SelectColumns) into a record object: the same
// shape AppendRecordJson writes, so every path shows a record alike.
json::object ReadRecord(const Stmt& stmt, const ResourceSpec& spec) {
  std::string text;
  AppendRecordJson(stmt, spec, text);
  return json::parse(text).as_object();
}

void BindValue(Stmt& stmt, int index, const FieldSpec& field, const json::value* value) {
  if (value == nullptr || value->is_null()) {
    if (domain::IsListType(field.type)) {
      stmt.Bind(index, "[]");
    } else {
      stmt.BindNull(index);
    }
  } else if (IsJsonValued(field.type)) {
    stmt.Bind(index, json::serialize(*value));
  } else if (field.type == FieldType::kNumber) {
    stmt.Bind(index, value->to_number<double>());
  } else {
    stmt.Bind(index, std::string_view(value->as_string()));
  }
}

// The value a field takes on create when the caller gave none.
const json::value* ValueOrDefault(const json::object& fields, const FieldSpec& field,
                                  json::value& scratch) {
  if (const json::value* given = fields.if_contains(field.name)) return given;
  if (!field.default_value.empty()) {
    scratch = json::string(field.default_value);
    return &scratch;
  }
  return nullptr;
}

}  // namespace

std::string StringMember(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

std::optional<json::object> GetRecord(Db& db, const ResourceSpec& spec, std::string_view id) {
  const std::optional<RecordJson> record = GetRecordJson(db, spec, id);
  if (!record) return std::nullopt;
  return json::parse(record->json).as_object();
}

namespace {

// Optional fields without a default may hold NULL (a column with a default is NOT NULL).
bool NullableColumn(const ResourceSpec& spec, std::string_view column) {
  const FieldSpec* field = spec.Field(column);
  return field != nullptr && !field->required && field->default_value.empty();
}

// The WHERE clause of `query` (live records unless it includes archived ones, and its
// conditions) with its parameters in order; its paging and sort left out.
struct Where {
  std::string sql;
  std::vector<std::string> params;
};
Where WhereOf(const ListQuery& query) {
  const bool selective =
      std::any_of(query.conditions.begin(), query.conditions.end(),
                  [](const Condition& condition) { return condition.selective; });
  Where where{query.include_archived ? "1"
              : selective            ? "likely(archived = 0)"
                                     : "archived = 0",
              {}};
  for (const Condition& condition : query.conditions) {
    where.sql += " AND (" + condition.sql + ")";
    where.params.insert(where.params.end(), condition.params.begin(), condition.params.end());
  }
  return where;
}

// What ReadPage read: the page, and past it the rows asked for (to learn a small total, or
// whether there is more).
struct PageRead {
  int rows = 0;                    // rows read, up to the page and what was read past it
  std::optional<ListCursor> last;  // the cursor of the page's last record
};

template <typename RowHandler>
PageRead ReadPage(Db& db, const ResourceSpec& spec, const ListQuery& query,
                  const std::string& columns, int sort_index, int read_ahead, RowHandler row) {
  const int wanted = query.limit + read_ahead;
  PageRead read;
  for (const PageStatement& part : PageStatements(spec, query, columns)) {
    if (read.rows >= wanted) break;
    Stmt stmt = db.Prepare(part.sql);
    int index = 1;
    for (const std::string& param : part.params) stmt.Bind(index++, param);
    stmt.Bind(index, wanted - read.rows).Bind(index + 1, part.offset);
    while (stmt.Step()) {
      if (read.rows++ < query.limit) {
        row(stmt);
        read.last =
            ListCursor{stmt.IsNull(sort_index) ? std::nullopt
                                               : std::optional<std::string>(stmt.Text(sort_index)),
                       std::string(stmt.Text(0))};
      }
    }
  }
  return read;
}

// The page's PageInfo from what ReadPage read (with `read_ahead` rows past the page).
PageInfo Describe(Db& db, const ResourceSpec& spec, const ListQuery& query, const PageRead& read,
                  int read_ahead) {
  PageInfo info;
  info.has_more = read.rows > query.limit;
  if (info.has_more) info.next = read.last;
  if (!query.count_total) {
    info.total = static_cast<long long>(query.offset) + read.rows;
  } else if (!query.after && read.rows < query.limit + read_ahead &&
             (read.rows > 0 || query.offset == 0)) {
    // The matches ended within what was read (unless the offset passed them all).
    info.total = static_cast<long long>(query.offset) + read.rows;
  } else if (query.conditions.empty()) {
    info.total = CountRecords(db, spec, query.include_archived);
  }
  return info;
}

// Where the sort column's value is in SelectColumns(spec): id, the fields, then kTrailingColumns.
int SortIndex(const ResourceSpec& spec, std::string_view column) {
  if (column == "id") return 0;
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].name == column) return static_cast<int>(i) + 1;
  }
  for (size_t i = 0; i < std::size(kTrailingColumns); ++i) {
    if (kTrailingColumns[i] == column) return static_cast<int>(spec.fields.size() + i) + 1;
  }
  throw std::logic_error("no column " + std::string(column) + " in " + std::string(spec.name));
}

}  // namespace

// Without a cursor a page is one query with LIMIT and OFFSET. With one, the page starts where the
// cursor points: `(sort, id) > (value, id)` (or `<` descending), which an index on (sort, id)
// answers as a range, so every page costs what the first does. A sort column that may be NULL
// is read in two parts, its NULL records (ordered by id) and the others, because SQLite orders
// NULL first and a row-value comparison with NULL matches nothing: ascending the NULL part comes
// first, descending last; the cursor says in which part the page starts.
std::vector<PageStatement> PageStatements(const ResourceSpec& spec, const ListQuery& query,
                                          const std::string& columns) {
  const Where filter = WhereOf(query);
  const std::string& where = filter.sql;
  const std::vector<std::string>& params = filter.params;
  const std::string& column = query.sort_column;
  const char* direction = query.descending ? " DESC" : " ASC";
  const std::string after = query.descending ? " < " : " > ";
  const std::string select = "SELECT " + columns + " FROM " + std::string(spec.name) + " WHERE ";
  const bool by_id = column == "id";
  const std::string order =
      " ORDER BY " + (by_id ? std::string() : column + direction + ", ") + "id" + direction;
  const std::string tail = " LIMIT ? OFFSET ?";
  if (!query.after) return {{select + where + order + tail, params, query.offset}};
  const ListCursor& cursor = *query.after;
  const auto with = [&params](std::initializer_list<std::string> more) {
    std::vector<std::string> all = params;
    all.insert(all.end(), more);
    return all;
  };
  if (by_id) return {{select + where + " AND id" + after + "?" + order + tail, with({cursor.id})}};
  if (!NullableColumn(spec, column)) {
    return {{select + where + " AND (" + column + ", id)" + after + "(?, ?)" + order + tail,
             with({cursor.value.value_or(""), cursor.id})}};
  }
  // The NULL part: all of it, or what follows the cursor's id when the cursor lies in it.
  const PageStatement null_part =
      cursor.value ? PageStatement{select + where + " AND " + column + " IS NULL ORDER BY id" +
                                       direction + tail,
                                   params}
                   : PageStatement{select + where + " AND " + column + " IS NULL AND id" + after +
                                       "? ORDER BY id" + direction + tail,
                                   with({cursor.id})};
  // The part with values: what follows the cursor, or all of it when the cursor lies in the NULL
  // part (ascending, which comes first).
  const PageStatement value_part =
      cursor.value ? PageStatement{select + where + " AND " + column + " IS NOT NULL AND (" +
                                       column + ", id)" + after + "(?, ?)" + order + tail,
                                   with({*cursor.value, cursor.id})}
                   : PageStatement{
                         select + where + " AND " + column + " IS NOT NULL" + order + tail, params};
  if (query.descending) {
    if (cursor.value) return {value_part, null_part};
    return {null_part};
  }
  if (cursor.value) return {value_part};
  return {null_part, value_part};
}

Page ListRecords(Db& db, const ResourceSpec& spec, const ListQuery& query) {
  Page page;
  const PageRead read =
      ReadPage(db, spec, query, SelectColumns(spec), SortIndex(spec, query.sort_column), 1,
               [&](const Stmt& row) { page.items.push_back(ReadRecord(row, spec)); });
  page.info = Describe(db, spec, query, read, 1);
  return page;
}

long long CountMatching(Db& db, const ResourceSpec& spec, const ListQuery& query) {
  const Where where = WhereOf(query);
  Stmt count = db.Prepare("SELECT count(*) FROM " + std::string(spec.name) + " WHERE " + where.sql);
  int index = 1;
  for (const std::string& param : where.params) count.Bind(index++, param);
  count.Step();
  return count.Int(0);
}

long long CountRecords(Db& db, const ResourceSpec& spec, bool include_archived) {
  Stmt count = db.Prepare(
      "SELECT coalesce(sum(n), 0) FROM record_counts WHERE resource = ? AND archived <= ?");
  count.Bind(1, spec.name).Bind(2, include_archived ? 1 : 0).Step();
  return count.Int(0);
}

namespace {

// Rows a cached page query reads past the page to learn the total without a second query: a
// partnership's commitments (~100) end within them, a filter over all partnerships does not.
constexpr int kCountAhead = 100;

// The cache to read and fill, or null: what a write transaction reads may still be rolled back,
// and a version rolled back could later be reused for other content.
RecordCache* UsableCache(const Db& db) {
  return db.InWriteTransaction() ? nullptr : db.record_cache();
}

// Appends record `id` at the current row of `select` (SelectByIdSql, stepped) and caches it.
long long AppendAndCache(const Stmt& select, const ResourceSpec& spec, std::string_view id,
                         RecordCache* cache, std::string& out) {
  const size_t start = out.size();
  AppendRecordJson(select, spec, out);
  const long long version = select.Int(static_cast<int>(spec.fields.size()) + 1);
  if (cache) cache->Put(id, version, std::string_view(out).substr(start));
  return version;
}

}  // namespace

PageInfo AppendRecordsJson(Db& db, const ResourceSpec& spec, const ListQuery& query,
                           std::string& out) {
  // Room for a page of typical records up front, rather than doubling (and copying) as it grows.
  constexpr size_t kTypicalRecordBytes = 1024;
  out.reserve(out.size() + static_cast<size_t>(query.limit) * kTypicalRecordBytes);
  out.push_back('[');
  const size_t empty = out.size();
  // Past the page: enough to learn a small total, or one row to learn whether there is more.
  const int read_ahead = query.count_total && !query.after ? kCountAhead : 1;
  PageRead read;
  RecordCache* cache = query.use_cache ? UsableCache(db) : nullptr;
  if (cache == nullptr) {
    read = ReadPage(db, spec, query, SelectColumns(spec), SortIndex(spec, query.sort_column),
                    read_ahead, [&](const Stmt& row) {
                      if (out.size() > empty) out.push_back(',');
                      AppendRecordJson(row, spec, out);
                    });
  } else {
    // Ids and versions first (the list indexes carry both, so this reads no table row), then
    // each record from the cache or, when missing, by id: inside the page query's read
    // transaction, so the row is there and at that version.
    read = ReadPage(db, spec, query, "id, version, " + query.sort_column, 2, read_ahead,
                    [&](const Stmt& row) {
                      if (out.size() > empty) out.push_back(',');
                      const std::string_view id = row.Text(0);
                      if (cache->Append(id, row.Int(1), out)) return;
                      Stmt select = db.Prepare(SelectByIdSql(spec));
                      if (select.Bind(1, id).Step()) AppendAndCache(select, spec, id, cache, out);
                    });
  }
  out.push_back(']');
  return Describe(db, spec, query, read, read_ahead);
}

TextPage ListRecordsJson(Db& db, const ResourceSpec& spec, const ListQuery& query) {
  TextPage page;
  page.info = AppendRecordsJson(db, spec, query, page.items_json);
  return page;
}

std::optional<RecordJson> GetRecordJson(Db& db, const ResourceSpec& spec, std::string_view id) {
  RecordCache* cache = UsableCache(db);
  RecordJson record;
  if (cache) {
    Stmt probe = db.Prepare(SelectVersionByIdSql(spec));
    if (!probe.Bind(1, id).Step()) return std::nullopt;
    record.version = probe.Int(0);
    record.archived = probe.Int(1) != 0;
    if (cache->Append(id, record.version, record.json)) return record;
  }
  Stmt select = db.Prepare(SelectByIdSql(spec));
  select.Bind(1, id);
  if (!select.Step()) return std::nullopt;
  record.json.clear();
  record.version = AppendAndCache(select, spec, id, cache, record.json);
  record.archived = select.Int(static_cast<int>(spec.fields.size()) + 5) != 0;
  return record;
}

bool IsLiveRecord(Db& db, std::string_view table, std::string_view id, const Condition* visible) {
  std::string sql = "SELECT 1 FROM " + std::string(table) + " WHERE id = ? AND archived = 0";
  if (visible != nullptr) sql += " AND (" + visible->sql + ")";
  Stmt select = db.Prepare(sql);
  select.Bind(1, id);
  int index = 2;
  if (visible != nullptr) {
    for (const std::string& param : visible->params) select.Bind(index++, param);
  }
  return select.Step();
}

std::vector<std::string> MatchingIds(Db& db, std::string_view table,
                                     const std::vector<std::string>& ids,
                                     const Condition& visible) {
  std::vector<std::string> matching;
  if (ids.empty()) return matching;
  // The ids travel as one JSON array, so the statement is the same (and prepared once) for any
  // number of them.
  json::array list;
  for (const std::string& id : ids) list.emplace_back(id);
  Stmt select =
      db.Prepare("SELECT id FROM " + std::string(table) +
                 " WHERE id IN (SELECT value FROM json_each(?)) AND (" + visible.sql + ")");
  select.Bind(1, json::serialize(list));
  int index = 2;
  for (const std::string& param : visible.params) select.Bind(index++, param);
  while (select.Step()) matching.emplace_back(select.Text(0));
  return matching;
}

json::object InsertRecord(Db& db, const ResourceSpec& spec, const json::object& fields,
                          const WriteContext& context, RecordJson* stored) {
  std::string columns = "id, version, created_at, updated_at, instance_id, archived";
  std::string placeholders = "?, 1, ?, ?, ?, 0";
  for (const FieldSpec& field : spec.fields) {
    (columns += ", ") += field.name;
    placeholders += ", ?";
  }
  const std::string id = NewId();
  const std::string now = FormatInstant(context.now);
  {
    Stmt insert = db.Prepare("INSERT INTO " + std::string(spec.name) + " (" + columns +
                             ") VALUES (" + placeholders + ")");
    insert.Bind(1, id).Bind(2, now).Bind(3, now).Bind(4, context.instance_id);
    int index = 5;
    json::value scratch;
    for (const FieldSpec& field : spec.fields) {
      BindValue(insert, index++, field, ValueOrDefault(fields, field, scratch));
    }
    insert.Run();
  }
  std::optional<RecordJson> text = GetRecordJson(db, spec, id);
  json::object record = json::parse(text->json).as_object();
  json::object after;
  for (const FieldSpec& field : spec.fields) after.emplace(field.name, record.at(field.name));
  RecordChange(db, spec.name, id, 1, "create", context, nullptr, after);
  IndexRecord(db, spec, record, /*new_record=*/true);
  if (stored != nullptr) *stored = std::move(*text);
  return record;
}

json::object UpdateRecord(Db& db, const ResourceSpec& spec, const json::object& current,
                          const json::object& changes, const WriteContext& context,
                          std::string_view op) {
  std::string assignments = "version = version + 1, updated_at = ?";
  std::vector<const FieldSpec*> changed;
  json::object before, after;
  for (const FieldSpec& field : spec.fields) {
    const json::value* value = changes.if_contains(field.name);
    if (value == nullptr) continue;
    const json::value& old_value = current.at(field.name);
    const bool cleared_list = domain::IsListType(field.type) && value->is_null();
    if (*value == old_value || (cleared_list && old_value.as_array().empty())) continue;
    changed.push_back(&field);
    before.emplace(field.name, old_value);
    after.emplace(field.name, cleared_list ? json::value(json::array()) : *value);
    ((assignments += ", ") += field.name) += " = ?";
  }
  const std::string id(current.at("id").as_string());
  if (changed.empty()) return current;  // nothing differs: no new version, no change row
  {
    Stmt update =
        db.Prepare("UPDATE " + std::string(spec.name) + " SET " + assignments + " WHERE id = ?");
    update.Bind(1, FormatInstant(context.now));
    int index = 2;
    for (const FieldSpec* field : changed) {
      BindValue(update, index++, *field, changes.if_contains(field->name));
    }
    update.Bind(index, id).Run();
  }
  json::object record = *GetRecord(db, spec, id);
  RecordChange(db, spec.name, id, record.at("version").as_int64(), op, context, before, after);
  // Only a change to a text can change what the index holds (status moves cannot).
  const bool texts_changed = std::any_of(changed.begin(), changed.end(), [](const FieldSpec* f) {
    return f->type == FieldType::kText || f->type == FieldType::kString ||
           f->type == FieldType::kReference;
  });
  if (texts_changed) IndexRecord(db, spec, record);
  return record;
}

void ArchiveRecord(Db& db, const ResourceSpec& spec, const json::object& current,
                   const WriteContext& context) {
  const std::string id(current.at("id").as_string());
  db.Prepare("UPDATE " + std::string(spec.name) +
             " SET archived = 1, version = version + 1, updated_at = ? WHERE id = ?")
      .Bind(1, FormatInstant(context.now))
      .Bind(2, id)
      .Run();
  RecordChange(db, spec.name, id, current.at("version").as_int64() + 1, "archive", context,
               json::object{{"archived", false}}, json::object{{"archived", true}});
  UnindexRecord(db, id);
}

bool PutReplica(Db& db, const ResourceSpec& spec, const json::object& record,
                const WriteContext& context) {
  const std::string id = StringMember(record, "id");
  const std::optional<json::object> local = GetRecord(db, spec, id);
  const long long version = record.at("version").to_number<long long>();
  if (local && (StringMember(*local, "instance_id") != context.instance_id ||
                local->at("version").as_int64() >= version)) {
    return false;
  }
  std::string sql;
  if (local) {
    sql = "UPDATE " + std::string(spec.name) +
          " SET version = ?1, created_at = ?2, updated_at = ?3, instance_id = ?4, archived = 0";
    int index = 5;
    for (const FieldSpec& field : spec.fields) {
      sql += ", " + std::string(field.name) + " = ?" + std::to_string(index++);
    }
    sql += " WHERE id = ?" + std::to_string(index);
  } else {
    std::string columns = "version, created_at, updated_at, instance_id, archived";
    std::string placeholders = "?1, ?2, ?3, ?4, 0";
    int index = 5;
    for (const FieldSpec& field : spec.fields) {
      (columns += ", ") += field.name;
      placeholders += ", ?" + std::to_string(index++);
    }
    sql = "INSERT INTO " + std::string(spec.name) + " (" + columns + ", id) VALUES (" +
          placeholders + ", ?" + std::to_string(index) + ")";
  }
  {
    Stmt write = db.Prepare(sql);
    write.Bind(1, version)
        .Bind(2, StringMember(record, "created_at"))
        .Bind(3, StringMember(record, "updated_at"))
        .Bind(4, context.instance_id);
    int index = 5;
    for (const FieldSpec& field : spec.fields) {
      BindValue(write, index++, field, record.if_contains(field.name));
    }
    write.Bind(index, id).Run();
  }
  json::object stored = *GetRecord(db, spec, id);
  json::object before, after;
  for (const FieldSpec& field : spec.fields) {
    const json::value& value = stored.at(field.name);
    if (local && local->at(field.name) == value) continue;
    if (local) before.emplace(field.name, local->at(field.name));
    after.emplace(field.name, value);
  }
  RecordChange(db, spec.name, id, version, local ? "update" : "create", context,
               local ? json::value(std::move(before)) : json::value(nullptr), after);
  IndexRecord(db, spec, stored, /*new_record=*/!local);
  return true;
}

void ArchiveReplica(Db& db, const ResourceSpec& spec, std::string_view id,
                    std::string_view local_instance_id) {
  db.Prepare("UPDATE " + std::string(spec.name) +
             " SET archived = 1 WHERE id = ? AND instance_id <> ? AND archived = 0")
      .Bind(1, id)
      .Bind(2, local_instance_id)
      .Run();
  UnindexRecord(db, id);
}

std::vector<std::pair<std::string, std::string>> DeleteReplica(Db& db, const ResourceSpec& spec,
                                                               std::string_view id,
                                                               std::string_view local_instance_id) {
  const std::optional<json::object> local = GetRecord(db, spec, id);
  if (!local || StringMember(*local, "instance_id") == local_instance_id) return {};
  const std::string owner = StringMember(*local, "instance_id");
  std::vector<std::pair<std::string, std::string>> deleted{
      {std::string(spec.name), std::string(id)}};
  bool needed = false;
  // Records pointing at it: an optional reference is cleared, a required one (a meeting's
  // partnership) means that record goes too when it is the same owner's replica.
  for (const ResourceSpec* other : domain::AllResources()) {
    for (const FieldSpec& field : other->fields) {
      if (field.type != FieldType::kReference || field.references != spec.name) continue;
      const std::string table(other->name);
      const std::string column(field.name);
      if (!field.required) {
        db.Prepare("UPDATE " + table + " SET " + column + " = NULL WHERE " + column + " = ?")
            .Bind(1, id)
            .Run();
        continue;
      }
      std::vector<std::string> dependents;
      {
        Stmt select =
            db.Prepare("SELECT id FROM " + table + " WHERE " + column + " = ? AND instance_id = ?");
        select.Bind(1, id).Bind(2, owner);
        while (select.Step()) dependents.push_back(select.String(0));
      }
      for (const std::string& dependent : dependents) {
        for (auto& gone : DeleteReplica(db, *other, dependent, local_instance_id)) {
          deleted.push_back(std::move(gone));
        }
      }
      // Another server's record (this one's own) still needs it.
      if (db.Prepare("SELECT 1 FROM " + table + " WHERE " + column + " = ? LIMIT 1")
              .Bind(1, id)
              .Step()) {
        needed = true;
      }
    }
  }
  if (needed) {
    ArchiveReplica(db, spec, id, local_instance_id);
    return deleted;
  }
  if (spec.name == "commitments") {
    db.Prepare("DELETE FROM commitment_history WHERE commitment_id = ?").Bind(1, id).Run();
  }
  if (spec.name == "partnerships") {
    db.Prepare("DELETE FROM user_partnerships WHERE partnership_id = ?").Bind(1, id).Run();
  }
  UnindexRecord(db, id);
  db.Prepare("DELETE FROM " + std::string(spec.name) + " WHERE id = ?").Bind(1, id).Run();
  return deleted;
}

}  // namespace amity::store
