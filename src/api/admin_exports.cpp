// The administrators' lists for spreadsheets (issue 19): user accounts, the security log, the
// change trail and the e-mail outbox, as CSV, CSV for Excel or XLSX. Their routes are for admins
// only (403 to anyone else, as the lists). Each takes its list's filters and holds what the list
// shows, with the column names and choices in the export's language; the logs and the outbox are
// read in keyset batches and written row by row (TableStream), so memory stays flat however long
// they are. Never exported: password hashes, tokens, and the outbox's composed messages (their
// links carry each recipient's unsubscribe secret).
#include <boost/json.hpp>

#include "api/exports.h"
#include "api/handlers.h"
#include "domain/resources.h"
#include "store/accounts.h"
#include "store/alerts.h"
#include "store/changes.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// Rows read per batch of the logs and the outbox.
constexpr int kBatch = 500;

}  // namespace

http::Response ExportUsers(Call& call) {
  const TableExport options = ParseTableExport(call);
  const json::object list = AnswerOf(ListUsers, call);  // the list's filter (role)
  const UiWords word{options.language};
  TableStream table(call, options, "users", word({"nav", "users"}, "Users"));
  table.Row(std::vector<std::string>{
      "ID", word({"fields", "email"}, "E-mail"), word({"fields", "display_name"}, "Display name"),
      word({"fields", "user_role"}, "Role"), word({"fields", "person_id"}, "Person"),
      word({"fields", "partnerships"}, "Partnerships"), word({"fields", "status"}, "Status"),
      word({"users", "createdAt"}, "Created"), word({"fields", "updated_at"}, "Last change")});
  const domain::ResourceSpec& people = *domain::FindResource("people");
  const domain::ResourceSpec& partnerships = *domain::FindResource("partnerships");
  const json::array& items = list.at("items").as_array();
  for (const json::value& item : items) {
    const json::object& user = item.as_object();
    const std::string role = store::StringMember(user, "role");
    std::string assigned;
    const json::array& ids = user.at("partnerships").as_array();
    for (const json::value& id : ids) {
      if (!assigned.empty()) assigned += ", ";
      assigned += RecordTitle(call, partnerships, id.as_string(), options.language);
    }
    const json::value* disabled = user.if_contains("disabled");
    const bool is_disabled = disabled != nullptr && disabled->is_bool() && disabled->as_bool();
    table.Row(std::vector<std::string>{
        store::StringMember(user, "id"), store::StringMember(user, "email"),
        store::StringMember(user, "display_name"), word({"enum", "userRole", role}, role),
        RecordTitle(call, people, store::StringMember(user, "person_id"), options.language),
        assigned,
        is_disabled ? word({"users", "disabled"}, "Disabled") : word({"users", "active"}, "Active"),
        store::StringMember(user, "created_at"), store::StringMember(user, "updated_at")});
  }
  return table.Send();
}

http::Response ExportAuthEvents(Call& call) {
  const TableExport options = ParseTableExport(call);
  store::AuthEventQuery query = AuthEventQueryOf(call);  // the list's filters
  const UiWords word{options.language};
  TableStream table(call, options, "security-events",
                    word({"audit", "security"}, "Security events"));
  table.Row(std::vector<std::string>{
      "ID", word({"audit", "when"}, "When"), word({"audit", "event"}, "Event"),
      word({"fields", "email"}, "E-mail"), word({"audit", "actor"}, "Changed by"),
      word({"audit", "address"}, "Address"), word({"audit", "detail"}, "Details")});
  query.limit = kBatch;
  query.offset = 0;
  for (;;) {
    long long total = 0;
    const std::vector<store::AuthEvent> events = store::ListAuthEvents(call.db, query, total);
    for (const store::AuthEvent& event : events) {
      table.Row(std::vector<std::string>{
          std::to_string(event.id), event.at, word({"audit", "kind", event.kind}, event.kind),
          event.email, event.actor, event.address, event.detail == "{}" ? "" : event.detail});
    }
    if (static_cast<int>(events.size()) < kBatch) break;
    query.before_id = events.back().id;  // newest first: the next batch is older
  }
  return table.Send();
}

http::Response ExportMail(Call& call) {
  const TableExport options = ParseTableExport(call);
  const bool problems_only = MailProblemsOnly(call);  // the list's filter (state)
  const UiWords word{options.language};
  TableStream table(call, options, "mail", word({"mail", "title"}, "E-mail delivery"));
  table.Row(std::vector<std::string>{
      "ID", word({"fields", "kind"}, "Kind"), word({"mail", "recipient"}, "Recipient"),
      word({"mail", "subject"}, "Subject"), word({"mail", "stateLabel"}, "State"),
      word({"mail", "attempts"}, "Attempts"), word({"mail", "nextAttemptAt"}, "Next attempt"),
      word({"mail", "lastError"}, "Last error"), word({"mail", "createdAt"}, "Written"),
      word({"mail", "sentAt"}, "Sent at")});
  std::optional<store::OutboxMail> last;
  for (;;) {
    const std::vector<store::OutboxMail> batch =
        store::ListOutboxMail(call.db, problems_only, kBatch, last ? &*last : nullptr);
    for (const store::OutboxMail& mail : batch) {
      const std::vector<std::string> texts = {mail.id,
                                              word({"notices", "kind", mail.kind}, mail.kind),
                                              mail.recipient,
                                              mail.subject,
                                              word({"mail", "state", mail.state}, mail.state),
                                              mail.state == "pending" ? mail.next_attempt_at : "",
                                              mail.last_error,
                                              mail.created_at,
                                              mail.sent_at};
      std::vector<exports::Cell> cells = TextCells(texts);
      cells.insert(cells.begin() + 5, exports::Cell{{}, double(mail.attempts)});
      table.Row(cells);
    }
    if (static_cast<int>(batch.size()) < kBatch) break;
    last = batch.back();
  }
  return table.Send();
}

http::Response ExportChanges(Call& call) {
  const TableExport options = ParseTableExport(call);
  store::ChangeQuery query = ChangeQueryOf(call);  // the list's filters
  const UiWords word{options.language};
  TableStream table(call, options, "changes", word({"audit", "changes"}, "Record changes"));
  table.Row(std::vector<std::string>{
      "Seq", word({"audit", "when"}, "When"), word({"audit", "recordKind"}, "Kind of record"), "ID",
      word({"fields", "name"}, "Name"), word({"audit", "op"}, "Change"),
      word({"audit", "actor"}, "Changed by"), word({"audit", "fieldsChanged"}, "Fields changed")});
  query.limit = kBatch;
  query.offset = 0;
  for (;;) {
    const store::Page page = store::ListChanges(call.db, query);
    for (const json::value& item : page.items) {
      const json::object& change = item.as_object();
      const std::string entity = store::StringMember(change, "entity"),
                        id = store::StringMember(change, "record_id"),
                        op = store::StringMember(change, "op");
      const domain::ResourceSpec* spec = domain::FindResource(entity);
      // The fields an update or transition set (their values stay in the trail's JSON).
      std::string fields;
      const json::value* after = change.if_contains("after");
      if (op != "create" && after != nullptr && after->is_object()) {
        for (const auto& member : after->as_object()) {
          if (!fields.empty()) fields += ", ";
          fields += word({"fields", member.key()}, member.key());
        }
      }
      table.Row(std::vector<std::string>{
          json::serialize(change.at("seq")), store::StringMember(change, "at"),
          word({"recordKinds", entity}, entity), id,
          spec != nullptr ? RecordTitle(call, *spec, id, options.language) : "",
          word({"history", "op", op}, op), store::StringMember(change, "actor"), fields});
    }
    if (!page.info.has_more || page.items.empty()) break;
    query.before_seq = page.items.back().at("seq").as_int64();  // newest first: older next
  }
  return table.Send();
}

}  // namespace amity::api
