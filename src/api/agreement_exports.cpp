// Exchange agreements for spreadsheets (issues 19 and 20): the agreements of a partnership one
// condition per row, an agreement's seat grid and a call's applications (personal data: home
// roles only, as the list), as CSV, CSV for Excel or XLSX. Each is built
// from the answer of the JSON route it mirrors (the same access rules, the same figures), with
// the column names, choices and field names in the export's language.
#include <boost/json.hpp>

#include "api/exports.h"
#include "api/handlers.h"
#include "domain/isced.h"
#include "domain/resources.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// "0613 Software and applications development and analysis" in the export's language.
std::string FieldName(std::string_view code, std::string_view language) {
  const domain::IscedField* field = domain::FindIscedField(code);
  if (field == nullptr) return std::string(code);
  const std::string_view name = language == "tr"   ? field->tr
                                : language == "zh" ? field->zh
                                                   : field->en;
  return std::string(code) + " " + std::string(name);
}

}  // namespace

http::Response ExportAgreementSeats(Call& call) {
  const TableExport options = ParseTableExport(call);
  const json::object grid = AnswerOf(AgreementSeatGrid, call);  // 404 when not the caller's
  const std::string& lang = options.language;
  const auto word = [&](std::initializer_list<std::string_view> path, std::string_view fallback) {
    return UiWord(lang, path, fallback);
  };
  const std::vector<std::string> header = {
      word({"agreement", "academicYear"}, "Academic year"),
      word({"agreement", "field", "direction"}, "Direction"),
      word({"agreement", "field", "isced_code"}, "Field (ISCED-F)"),
      word({"agreement", "field", "level"}, "Level"),
      word({"agreement", "field", "host_department"}, "Host department"),
      word({"agreement", "seats"}, "Seats"),
      word({"agreement", "applications"}, "Applications"),
      word({"agreement", "allocated"}, "Allocated"),
      word({"agreement", "accepted"}, "Accepted"),
      word({"agreement", "declined"}, "Declined"),
      word({"agreement", "free"}, "Still free")};
  const json::array& items = grid.at("rows").as_array();
  // The texts each row's cells point into, kept for the whole table.
  std::vector<std::vector<std::string>> texts;
  texts.reserve(items.size());
  std::vector<std::vector<exports::Cell>> rows{TextCells(header)};
  for (const json::value& item : items) {
    const json::object& row = item.as_object();
    const std::string direction = store::StringMember(row, "direction"),
                      level = store::StringMember(row, "level");
    texts.push_back({store::StringMember(row, "academic_year"),
                     word({"agreement", "direction", direction}, direction),
                     FieldName(store::StringMember(row, "isced_code"), lang),
                     word({"agreement", "level", level}, level),
                     store::StringMember(row, "host_department")});
    std::vector<exports::Cell> cells = TextCells(texts.back());
    for (const char* figure :
         {"seats", "applications", "allocated", "accepted", "declined", "free"}) {
      cells.push_back(NumberCell(row, figure));
    }
    rows.push_back(std::move(cells));
  }
  return SendTable(call, options, "seats-" + store::StringMember(grid, "agreement_id").substr(0, 8),
                   word({"agreement", "seatGrid"}, "Seats"), rows);
}

http::Response ExportExchangeAgreements(Call& call) {
  const TableExport options = ParseTableExport(call);
  const json::object list = AnswerOf(ListExchangeAgreements, call);  // what the caller sees
  const std::string& lang = options.language;
  const auto word = [&](std::initializer_list<std::string_view> path, std::string_view fallback) {
    return UiWord(lang, path, fallback);
  };
  const std::vector<std::string> header = {
      "ID",
      word({"fields", "status"}, "Status"),
      word({"agreement", "homeInstitution"}, "Home institution"),
      word({"agreement", "partnerInstitution"}, "Partner institution"),
      word({"agreement", "firstYear"}, "First academic year"),
      word({"agreement", "lastYear"}, "Last academic year"),
      word({"agreement", "field", "direction"}, "Direction"),
      word({"agreement", "field", "host_department"}, "Host department"),
      word({"agreement", "field", "isced_code"}, "Field (ISCED-F)"),
      word({"agreement", "field", "level"}, "Level"),
      word({"agreement", "field", "seats_per_year"}, "Seats per year"),
      word({"agreement", "field", "months_per_student"}, "Months per student"),
      word({"agreement", "field", "language"}, "Language"),
      word({"agreement", "field", "min_cefr"}, "Minimum CEFR level"),
      word({"agreement", "field", "extra_requirements"}, "Extra requirements")};
  const domain::ResourceSpec& organizations = *domain::FindResource("organizations");
  std::vector<std::vector<std::string>> texts;
  std::vector<std::vector<exports::Cell>> rows{TextCells(header)};
  const json::array& agreements = list.at("items").as_array();
  size_t conditions = 0;
  for (const json::value& agreement : agreements) {
    conditions += agreement.at("conditions").as_array().size();
  }
  texts.reserve(2 * conditions);  // the cells point into these strings: they must not move
  for (const json::value& item : agreements) {
    const json::object& agreement = item.as_object();
    const std::string state = store::StringMember(agreement, "state");
    const std::string home = RecordTitle(
        call, organizations, store::StringMember(agreement, "home_institution_id"), lang);
    const std::string partner = RecordTitle(
        call, organizations, store::StringMember(agreement, "partner_institution_id"), lang);
    const json::array& items = agreement.at("conditions").as_array();
    for (const json::value& entry : items) {
      const json::object& condition = entry.as_object();
      const std::string direction = store::StringMember(condition, "direction"),
                        level = store::StringMember(condition, "level");
      texts.push_back({store::StringMember(agreement, "id"),
                       word({"enum", "agreementState", state}, state), home, partner,
                       store::StringMember(agreement, "first_year"),
                       store::StringMember(agreement, "last_year"),
                       word({"agreement", "direction", direction}, direction),
                       store::StringMember(condition, "host_department"),
                       FieldName(store::StringMember(condition, "isced_code"), lang),
                       word({"agreement", "level", level}, level)});
      std::vector<exports::Cell> cells = TextCells(texts.back());
      cells.push_back(NumberCell(condition, "seats_per_year"));
      cells.push_back(NumberCell(condition, "months_per_student"));
      texts.push_back({store::StringMember(condition, "language"),
                       store::StringMember(condition, "min_cefr"),
                       store::StringMember(condition, "extra_requirements")});
      for (const exports::Cell& cell : TextCells(texts.back())) cells.push_back(cell);
      rows.push_back(std::move(cells));
    }
  }
  return SendTable(call, options, "exchange-agreements",
                   word({"agreement", "list"}, "Exchange agreements"), rows);
}

http::Response ExportExchangeApplications(Call& call) {
  const TableExport options = ParseTableExport(call);
  // 404 to partner users and for a call the caller may not see, as the list.
  const json::object list = AnswerOf(ListExchangeApplications, call);
  const std::string& lang = options.language;
  const auto word = [&](std::initializer_list<std::string_view> path, std::string_view fallback) {
    return UiWord(lang, path, fallback);
  };
  const std::vector<std::string> header = {
      "ID",
      word({"fields", "status"}, "Status"),
      word({"application", "field", "name_native"}, "Name in its own script"),
      word({"application", "field", "name_latin"}, "Name in Latin letters"),
      word({"application", "field", "student_number"}, "Student number"),
      word({"application", "field", "home_department"}, "Home department"),
      word({"application", "field", "isced_code"}, "Field of study (ISCED-F)"),
      word({"agreement", "field", "level"}, "Level"),
      word({"application", "field", "academic_average"}, "Academic average"),
      word({"application", "field", "average_scale"}, "Scale"),
      word({"application", "field", "language_score"}, "Language score"),
      word({"application", "score"}, "Score"),
      word({"application", "field", "choices"}, "Ranked choices")};
  const json::array& items = list.at("items").as_array();
  std::vector<std::vector<std::string>> texts;
  texts.reserve(items.size());
  std::vector<std::vector<exports::Cell>> rows{TextCells(header)};
  for (const json::value& item : items) {
    const json::object& application = item.as_object();
    const std::string status = store::StringMember(application, "status"),
                      level = store::StringMember(application, "level");
    texts.push_back({store::StringMember(application, "id"),
                     word({"enum", "applicationStatus", status}, status),
                     store::StringMember(application, "name_native"),
                     store::StringMember(application, "name_latin"),
                     store::StringMember(application, "student_number"),
                     store::StringMember(application, "home_department"),
                     FieldName(store::StringMember(application, "isced_code"), lang),
                     word({"agreement", "level", level}, level),
                     store::StringMember(application, "academic_average"),
                     store::StringMember(application, "average_scale"),
                     store::StringMember(application, "language_score"),
                     store::StringMember(application, "score")});
    std::vector<exports::Cell> cells = TextCells(texts.back());
    const json::value* choices = application.if_contains("choices");
    cells.push_back(
        {{}, choices != nullptr && choices->is_array() ? double(choices->as_array().size()) : 0.0});
    rows.push_back(std::move(cells));
  }
  return SendTable(call, options, "applications",
                   word({"agreement", "applications"}, "Applications"), rows);
}

http::Response ExportExchangeCalls(Call& call) {
  const TableExport options = ParseTableExport(call);
  const json::object list = AnswerOf(ListExchangeCalls, call);  // 404 when not the caller's
  const UiWords word{options.language};
  TableStream table(call, options, "calls", word({"call", "list"}, "Calls for applications"));
  table.Row(std::vector<std::string>{
      "ID", word({"call", "field", "academic_year"}, "Academic year"),
      word({"agreement", "field", "direction"}, "Direction"),
      word({"call", "field", "opens_on"}, "Opens on"),
      word({"call", "field", "closes_on"}, "Closes on"), word({"fields", "time_zone"}, "Time zone"),
      word({"call", "window"}, "Applications taken"),
      word({"call", "field", "academic_weight"}, "Weight of the academic average (%)"),
      word({"call", "field", "language_weight"}, "Weight of the language score (%)"),
      word({"call", "field", "max_choices"}, "Choices a student may rank"),
      word({"call", "field", "tie_seed"}, "Tie-break seed"),
      word({"call", "conditions"}, "Conditions offered")});
  const json::array& items = list.at("items").as_array();
  for (const json::value& item : items) {
    const json::object& exchange_call = item.as_object();
    const std::string direction = store::StringMember(exchange_call, "direction"),
                      window = store::StringMember(exchange_call, "window");
    const std::vector<std::string> texts = {store::StringMember(exchange_call, "id"),
                                            store::StringMember(exchange_call, "academic_year"),
                                            word({"agreement", "direction", direction}, direction),
                                            store::StringMember(exchange_call, "opens_on"),
                                            store::StringMember(exchange_call, "closes_on"),
                                            store::StringMember(exchange_call, "time_zone"),
                                            word({"enum", "callWindow", window}, window)};
    const std::string seed = store::StringMember(exchange_call, "tie_seed");
    std::vector<exports::Cell> cells = TextCells(texts);
    for (const char* figure : {"academic_weight", "language_weight", "max_choices"}) {
      cells.push_back(NumberCell(exchange_call, figure));
    }
    cells.push_back({seed});
    const json::value* conditions = exchange_call.if_contains("conditions");
    cells.push_back({{},
                     conditions != nullptr && conditions->is_array()
                         ? double(conditions->as_array().size())
                         : 0.0});
    table.Row(cells);
  }
  return table.Send();
}

}  // namespace amity::api
