// The last list screens for spreadsheets (issue 19): the partnerships' health, the translation
// queue, a call's allocation runs, a fair's B2B meetings and the caller's notices, as CSV, CSV for
// Excel or XLSX. Each is built from the answer of the JSON route it mirrors (AnswerOf, or
// AllItemsOf for a paged list: every page), so it holds what that list shows the caller, with its
// filters, its 403/404 and its redaction, and the column names and choices in the export's
// language.
#include <boost/json.hpp>

#include "api/exports.h"
#include "api/handlers.h"
#include "domain/resources.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// The items read per page of a paged list (the health list's and the queue's largest page).
constexpr int kPage = 200;

// The text of `key`, "" for null or none.
std::string Text(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

}  // namespace

http::Response ExportPartnershipHealth(Call& call) {
  const TableExport options = ParseTableExport(call);
  const json::array items = AllItemsOf(PartnershipHealthList, call, kPage);
  const UiWords word{options.language};
  TableStream table(call, options, "partnership-health", word({"health", "title"}, "Health"));
  table.Row(std::vector<std::string>{
      "ID", word({"recordKinds", "partnerships"}, "Partnerships"),
      word({"health", "title"}, "Health"), word({"exportColumns", "reason"}, "Reason"),
      word({"exportColumns", "monthsWithoutContact"}, "Months without contact"),
      word({"exportColumns", "open"}, "Open commitments"),
      word({"exportColumns", "overdue"}, "Overdue commitments"),
      word({"exportColumns", "quietAfter"}, "Quiet after (months)"),
      word({"exportColumns", "dormantAfter"}, "Dormant after (months)")});
  const domain::ResourceSpec& partnerships = *domain::FindResource("partnerships");
  for (const json::value& item : items) {
    const json::object& row = item.as_object();
    const json::object& health = row.at("health").as_object();
    const std::string id = Text(row, "partnership_id"), state = Text(health, "state"),
                      reason = Text(health, "reason");
    const std::vector<std::string> texts = {id,
                                            RecordTitle(call, partnerships, id, options.language),
                                            word({"health", "state", state}, state),
                                            word({"exportColumns", "reasons", reason}, reason)};
    std::vector<exports::Cell> cells = TextCells(texts);
    for (const char* figure : {"months_without_contact", "open", "overdue", "quiet_after_months",
                               "dormant_after_months"}) {
      cells.push_back(NumberCell(health, figure));
    }
    table.Row(cells);
  }
  return table.Send();
}

http::Response ExportTranslationQueue(Call& call) {
  const TableExport options = ParseTableExport(call);
  const json::array items = AllItemsOf(TranslationQueue, call, kPage);  // lang, state, kind
  const UiWords word{options.language};
  TableStream table(call, options, "translations", word({"nav", "translations"}, "Translations"));
  table.Row(std::vector<std::string>{
      "ID", word({"exportColumns", "recordKind"}, "Kind of record"),
      word({"fields", "name"}, "Name"), word({"translations", "field"}, "Field"),
      word({"translations", "show"}, "Show"), word({"fields", "updated_at"}, "Last change"),
      word({"exportColumns", "originalLanguage"}, "Original language"),
      word({"translations", "original"}, "Original"),
      word({"translations", "current"}, "Translation")});
  std::string lang;
  for (const auto& [name, value] : call.request.query) {
    if (name == "lang") lang = value;
  }
  for (const json::value& item : items) {
    const json::object& row = item.as_object();
    const std::string kind = Text(row, "kind"), id = Text(row, "id"), field = Text(row, "field"),
                      state = Text(row, "state");
    const json::object& text = row.at("text").as_object();
    const std::string original = Text(text, "original");
    const domain::ResourceSpec* spec = domain::FindResource(kind);
    table.Row(std::vector<std::string>{
        id, word({"recordKinds", kind}, kind),
        spec != nullptr ? RecordTitle(call, *spec, id, options.language) : "",
        word({"fields", field}, field), word({"translations", "state", state}, state),
        Text(row, "updated_at"), original, Text(text, original), Text(text, lang)});
  }
  return table.Send();
}

http::Response ExportAllocationRuns(Call& call) {
  const TableExport options = ParseTableExport(call);
  // Home roles only; 404 to partner users and for a call the caller may not see, as the list.
  const json::object list = AnswerOf(ListAllocationRuns, call);
  const UiWords word{options.language};
  TableStream table(call, options, "allocation-runs", word({"run", "title"}, "Allocation"));
  table.Row(std::vector<std::string>{
      "ID", word({"exportColumns", "runAt"}, "Run at"), word({"exportColumns", "runBy"}, "Run by"),
      word({"exportColumns", "previousRun"}, "Previous run"), word({"run", "seed"}, "Seed"),
      word({"exportColumns", "formula"}, "Formula"), word({"run", "codeVersion"}, "Version"),
      word({"run", "inputHash"}, "Inputs"), word({"run", "resultHash"}, "Result"),
      word({"run", "locked"}, "Locked"), word({"exportColumns", "lockedBy"}, "Locked by")});
  const json::array& items = list.at("items").as_array();
  for (const json::value& item : items) {
    const json::object& run = item.as_object();
    const json::value& seed = run.at("seed");
    table.Row(std::vector<std::string>{
        Text(run, "id"), Text(run, "created_at"), Text(run, "created_by_email"),
        Text(run, "previous_run_id"), seed.is_string() ? Text(run, "seed") : json::serialize(seed),
        Text(run, "formula"), Text(run, "code_version"), Text(run, "input_hash"),
        Text(run, "result_hash"), Text(run, "locked_at"), Text(run, "locked_by_email")});
  }
  return table.Send();
}

http::Response ExportB2bMeetings(Call& call) {
  const TableExport options = ParseTableExport(call);
  // The stored schedule, whole or for one company or buyer; 404 for a fair the caller may not see.
  const json::object schedule = AnswerOf(GetB2bSchedule, call);
  const UiWords word{options.language};
  TableStream table(call, options, "b2b-meetings", word({"b2b", "title"}, "B2B meetings"));
  table.Row(std::vector<std::string>{
      "ID", word({"exportColumns", "startsAt"}, "Starts"),
      word({"exportColumns", "endsAt"}, "Ends"), word({"b2b", "tableHead"}, "Table"),
      word({"b2b", "buyers"}, "Buyers"), word({"fair", "exhibitors"}, "Exhibitors"),
      word({"b2b", "priority"}, "Priority")});
  const domain::ResourceSpec& organizations = *domain::FindResource("organizations");
  const json::value* meetings = schedule.if_contains("meetings");
  if (meetings != nullptr && meetings->is_array()) {
    for (const json::value& item : meetings->as_array()) {
      const json::object& meeting = item.as_object();
      const std::vector<std::string> texts = {Text(meeting, "request_id"),
                                              Text(meeting, "starts_at"), Text(meeting, "ends_at")};
      const std::vector<std::string> parties = {
          RecordTitle(call, organizations, Text(meeting, "buyer_id"), options.language),
          RecordTitle(call, organizations, Text(meeting, "company_id"), options.language)};
      std::vector<exports::Cell> cells = TextCells(texts);
      cells.push_back(NumberCell(meeting, "table"));
      for (const exports::Cell& cell : TextCells(parties)) cells.push_back(cell);
      cells.push_back(NumberCell(meeting, "priority"));
      table.Row(cells);
    }
  }
  return table.Send();
}

http::Response ExportNotices(Call& call) {
  const TableExport options = ParseTableExport(call);
  const json::object list = AnswerOf(ListNoticesHandler, call);  // the caller's own, as the bell
  const UiWords word{options.language};
  TableStream table(call, options, "notices", word({"notices", "title"}, "Notices"));
  table.Row(std::vector<std::string>{
      "ID", word({"fields", "kind"}, "Kind"), word({"mail", "subject"}, "Subject"),
      word({"exportColumns", "body"}, "Text"), word({"exportColumns", "link"}, "Link"),
      word({"mail", "createdAt"}, "Written"), word({"exportColumns", "readAt"}, "Read at")});
  const json::array& items = list.at("items").as_array();
  for (const json::value& item : items) {
    const json::object& notice = item.as_object();
    const std::string kind = Text(notice, "kind");
    table.Row(std::vector<std::string>{Text(notice, "id"), word({"notices", "kind", kind}, kind),
                                       Text(notice, "subject"), Text(notice, "body"),
                                       Text(notice, "link"), Text(notice, "created_at"),
                                       Text(notice, "read_at")});
  }
  return table.Send();
}

}  // namespace amity::api
