#include "store/commitment_history.h"

#include "base/id.h"

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kInsertEntry[] =
    "INSERT INTO commitment_history (id, commitment_id, kind, from_status, to_status, note, at, "
    "actor, instance_id, commitment_partnership_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "(SELECT partnership_id FROM commitments WHERE id = ?2))";
constexpr char kSelectEntries[] =
    "SELECT id, kind, from_status, to_status, note, at, actor FROM commitment_history "
    "WHERE commitment_id = ?1 AND (?2 IS NULL OR at > ?2) ORDER BY at, rowid";

json::value TextOrNull(const Stmt& stmt, int column) {
  return stmt.IsNull(column) ? json::value(nullptr) : json::value(stmt.Text(column));
}

std::optional<std::string> NonEmpty(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

json::object Append(Db& db, std::string_view commitment_id, std::string_view kind,
                    std::string_view from, std::string_view to, std::string_view note,
                    const WriteContext& context) {
  const std::string id = NewId();
  const std::string at = FormatInstant(context.now);
  db.Prepare(kInsertEntry)
      .Bind(1, id)
      .Bind(2, commitment_id)
      .Bind(3, kind)
      .Bind(4, NonEmpty(from))
      .Bind(5, NonEmpty(to))
      .Bind(6, NonEmpty(note))
      .Bind(7, at)
      .Bind(8, context.actor)
      .Bind(9, context.instance_id)
      .Run();
  return {{"id", id},
          {"kind", kind},
          {"from", from.empty() ? json::value(nullptr) : json::value(from)},
          {"to", to.empty() ? json::value(nullptr) : json::value(to)},
          {"note", note.empty() ? json::value(nullptr) : json::value(note)},
          {"at", at},
          {"actor", context.actor}};
}

}  // namespace

void AppendTransition(Db& db, std::string_view commitment_id, std::string_view from,
                      std::string_view to, std::string_view note, const WriteContext& context) {
  Append(db, commitment_id, "transition", from, to, note, context);
}

json::object AppendNote(Db& db, std::string_view commitment_id, std::string_view note,
                        const WriteContext& context) {
  return Append(db, commitment_id, "note", "", "", note, context);
}

json::array ListHistory(Db& db, std::string_view commitment_id,
                        const std::optional<std::string>& after) {
  json::array entries;
  Stmt select = db.Prepare(kSelectEntries);
  select.Bind(1, commitment_id).Bind(2, after);
  while (select.Step()) {
    entries.push_back(json::object{{"id", select.Text(0)},
                                   {"kind", select.Text(1)},
                                   {"from", TextOrNull(select, 2)},
                                   {"to", TextOrNull(select, 3)},
                                   {"note", TextOrNull(select, 4)},
                                   {"at", select.Text(5)},
                                   {"actor", select.Text(6)}});
  }
  return entries;
}

}  // namespace amity::store
