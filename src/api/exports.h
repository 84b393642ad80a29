// Lists exported for spreadsheets: GET /api/v1/{resource}/export?format=csv|xlsx&<the list's
// filters and sort>. The rows are exactly those the list shows the caller (the same query
// parsing, visibility condition and redaction), read in keyset batches and written one by one to
// a file beside the stored files, which is then sent by the kernel and deleted: memory stays flat
// however many rows there are.
#pragma once

#include <boost/json.hpp>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>

#include "api/api.h"
#include "export/table.h"

namespace amity::api {

// GET /api/v1/{resource}/export.
http::Response ExportRecordsHandler(Call& call);

// What an export's query asks for.
struct ExportQuery {
  bool xlsx = false;
  bool excel = false;     // CSV for Excel: a byte-order mark, ';' and ',' as decimal mark
  std::string language;   // tr, zh or en
  store::ListQuery list;  // the list's filters and sort (its paging left as parsed)
};

// Reads an export's parameters: its own (ExportParameters) and the list's (ListParameters without
// paging, parsed by ParseListQuery with `today` and `sees`). `language` is taken when the query
// names none. Throws HttpError 400 naming the parameter that is unknown, missing or malformed.
ExportQuery ParseExportQuery(const domain::ResourceSpec& spec, const http::Pairs& query,
                             std::string language, Date today, const SeesReference& sees = nullptr);

// The query parameters an export takes besides its list's filters and sort (format, excel,
// language), for the route table and the OpenAPI document.
std::vector<QueryParameter> ExportParameters();

// The UI's word at `path` of its translations in `language` (tr, zh, en; else English), e.g.
// {"sector", "machinery"}, or `fallback` when it has none.
std::string UiWord(std::string_view language, std::initializer_list<std::string_view> path,
                   std::string_view fallback);

// The UI's words in one language, as UiWord finds them: words({"mail", "title"}, "E-mail").
struct UiWords {
  std::string language;
  std::string operator()(std::initializer_list<std::string_view> path,
                         std::string_view fallback) const {
    return UiWord(language, path, fallback);
  }
};

// An export of a table that is not a record list (an agreement's seat grid, …): only the
// export's own parameters (ExportParameters), which its route declares with any of its own.
struct TableExport {
  bool xlsx = false;
  bool excel = false;
  std::string language;
};
// Checks the call's query against its route's declarations (CheckQuery) and reads format, excel
// and language (else Accept-Language, else English). Throws HttpError 400 naming the parameter.
TableExport ParseTableExport(const Call& call);

// A table export written row by row to its scratch file (beside the stored files), so memory
// stays flat however many rows there are: the first row written is the header. Send completes the
// file and answers with it, named `name`-<today>.csv|xlsx, the XLSX sheet named `sheet`, with
// X-Export-Rows counting the rows after the header. Throws std::runtime_error when the file cannot
// be written.
class TableStream {
 public:
  TableStream(Call& call, const TableExport& options, std::string_view name,
              std::string_view sheet);
  ~TableStream();
  void Row(std::span<const exports::Cell> cells);
  // A row of text cells.
  void Row(const std::vector<std::string>& texts);
  http::Response Send();

 private:
  struct Scratch;
  Call& call_;
  std::unique_ptr<Scratch> scratch_;
  long long rows_ = 0;
};

// A number cell of `object`'s `key`; an empty cell where it has none (null: a figure the caller
// may not see, such as the applications a partner user must not count).
exports::Cell NumberCell(const boost::json::object& object, std::string_view key);

// Text cells over `texts`, which must outlive them.
std::vector<exports::Cell> TextCells(const std::vector<std::string>& texts);

// Answers with `rows` (the first is the header) as the file `options` asks for, named
// `name`-<today>.csv|xlsx, the XLSX sheet named `sheet`; X-Export-Rows counts the rows after the
// header. The file is written beside the stored files and sent by the kernel, like a list's.
http::Response SendTable(Call& call, const TableExport& options, std::string_view name,
                         std::string_view sheet, std::span<const std::vector<exports::Cell>> rows);

// The name of record `id` of `spec` as an export writes it, in `language` (tr, zh, en): "" when
// it is gone or the caller may not see it.
std::string RecordTitle(Call& call, const domain::ResourceSpec& spec, std::string_view id,
                        std::string_view language);

// The JSON answer of `handler` for this call (the route an export mirrors: the same access rules,
// filters and figures), parsed. Throws what the handler throws (HttpError 404, 400 …).
boost::json::object AnswerOf(http::Response (*handler)(Call&), Call& call);

// Every item of the paged JSON list `handler` answers for this call (its filters and access
// rules), asked `page` items at a time: the call's query with limit and offset added, which the
// export's own route does not take. An export holds every match, not one page.
boost::json::array AllItemsOf(http::Response (*handler)(Call&), Call& call, int page);

// True for a list parameter an export does not take (paging: an export holds every match).
bool IsPagingParameter(const ListParameter& parameter);

}  // namespace amity::api
