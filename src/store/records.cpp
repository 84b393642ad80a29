#include "store/records.h"

#include <algorithm>

#include "base/id.h"
#include "store/changes.h"
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
      return true;
    default:
      return false;
  }
}

std::string SelectColumns(const ResourceSpec& spec) {
  std::string columns = "id";
  for (const FieldSpec& field : spec.fields) (columns += ", ") += field.name;
  for (std::string_view column : kTrailingColumns) (columns += ", ") += column;
  return columns;
}

// Reads the current row of `stmt` (selected with SelectColumns) into a record object.
json::object ReadRecord(const Stmt& stmt, const ResourceSpec& spec) {
  json::object record;
  record.reserve(spec.fields.size() + 6);
  record.emplace("id", stmt.Text(0));
  int column = 1;
  for (const FieldSpec& field : spec.fields) {
    if (stmt.IsNull(column)) {
      record.emplace(field.name,
                     domain::IsListType(field.type) ? json::value(json::array()) : nullptr);
    } else if (IsJsonValued(field.type)) {
      record.emplace(field.name, json::parse(stmt.Text(column)));
    } else if (field.type == FieldType::kNumber) {
      record.emplace(field.name, stmt.Real(column));
    } else {
      record.emplace(field.name, stmt.Text(column));
    }
    ++column;
  }
  record.emplace("version", stmt.Int(column++));
  record.emplace("created_at", stmt.Text(column++));
  record.emplace("updated_at", stmt.Text(column++));
  record.emplace("instance_id", stmt.Text(column++));
  record.emplace("archived", stmt.Int(column++) != 0);
  return record;
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

std::optional<json::object> GetRecord(Db& db, const ResourceSpec& spec, std::string_view id) {
  Stmt select = db.Prepare("SELECT " + SelectColumns(spec) + " FROM " + std::string(spec.name) +
                           " WHERE id = ?");
  select.Bind(1, id);
  if (!select.Step()) return std::nullopt;
  return ReadRecord(select, spec);
}

Page ListRecords(Db& db, const ResourceSpec& spec, const ListQuery& query) {
  std::string where = query.include_archived ? "1" : "archived = 0";
  for (const Condition& condition : query.conditions) where += " AND (" + condition.sql + ")";
  const std::string table(spec.name);
  const auto bind_conditions = [&query](Stmt& stmt) {
    int index = 1;
    for (const Condition& condition : query.conditions) {
      for (const std::string& param : condition.params) stmt.Bind(index++, param);
    }
    return index;
  };

  Page page;
  {
    const char* direction = query.descending ? " DESC" : " ASC";
    Stmt select = db.Prepare("SELECT " + SelectColumns(spec) + " FROM " + table + " WHERE " +
                             where + " ORDER BY " + query.sort_column + direction + ", id" +
                             direction + " LIMIT ? OFFSET ?");
    const int next = bind_conditions(select);
    select.Bind(next, query.limit).Bind(next + 1, query.offset);
    while (select.Step()) page.items.push_back(ReadRecord(select, spec));
  }
  Stmt count = db.Prepare("SELECT count(*) FROM " + table + " WHERE " + where);
  bind_conditions(count);
  count.Step();
  page.total = count.Int(0);
  return page;
}

bool IsLiveRecord(Db& db, std::string_view table, std::string_view id) {
  Stmt select =
      db.Prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ? AND archived = 0");
  return select.Bind(1, id).Step();
}

json::object InsertRecord(Db& db, const ResourceSpec& spec, const json::object& fields,
                          const WriteContext& context) {
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
  json::object record = *GetRecord(db, spec, id);
  json::object after;
  for (const FieldSpec& field : spec.fields) after.emplace(field.name, record.at(field.name));
  RecordChange(db, spec.name, id, 1, "create", context, nullptr, after);
  IndexRecord(db, spec, record);
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

}  // namespace amity::store
