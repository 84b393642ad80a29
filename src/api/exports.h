// Lists exported for spreadsheets: GET /api/v1/{resource}/export?format=csv|xlsx&<the list's
// filters and sort>. The rows are exactly those the list shows the caller (the same query
// parsing, visibility condition and redaction), read in keyset batches and written one by one to
// a file beside the stored files, which is then sent by the kernel and deleted: memory stays flat
// however many rows there are.
#pragma once

#include <initializer_list>
#include <span>
#include <string>

#include "api/api.h"

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

// True for a list parameter an export does not take (paging: an export holds every match).
bool IsPagingParameter(const ListParameter& parameter);

}  // namespace amity::api
