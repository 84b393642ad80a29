#include "api/exports.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "api/access.h"
#include "api/redaction.h"
#include "base/text.h"
#include "export/table.h"
#include "files/blob_store.h"
#include "http/download.h"
#include "http/error.h"

namespace amity::api {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::ResourceSpec;

namespace {

// The UI's own translations (ui/src/locales), so a column reads as the screen's label does.
#include "api/locale_en.inc"
#include "api/locale_tr.inc"
#include "api/locale_zh.inc"

constexpr std::string_view kExportLanguages[] = {"tr", "zh", "en"};

// Records read per batch: each batch is one keyset page of the list's own query.
constexpr int kBatch = 500;
// Titles of referenced records kept per export before the cache starts over.
constexpr size_t kMaxTitles = 20000;

const json::object& Locale(std::string_view language) {
  static const json::object en = json::parse(kLocaleEn).as_object();
  static const json::object tr = json::parse(kLocaleTr).as_object();
  static const json::object zh = json::parse(kLocaleZh).as_object();
  return language == "tr" ? tr : language == "zh" ? zh : en;
}

// The string at `path` in the locale, or `fallback`.
std::string Translate(const json::object& locale, std::initializer_list<std::string_view> path,
                      std::string_view fallback) {
  const json::object* at = &locale;
  const json::value* value = nullptr;
  for (std::string_view key : path) {
    if (at == nullptr) return std::string(fallback);
    value = at->if_contains(key);
    if (value == nullptr) return std::string(fallback);
    at = value->if_object();
  }
  return value != nullptr && value->is_string() ? std::string(value->as_string())
                                                : std::string(fallback);
}

// Where the UI keeps the words for a field's choices: enum.<key>, or a section of its own.
std::vector<std::string_view> ChoicesPath(std::string_view resource, const FieldSpec& field) {
  const std::string_view name = field.name;
  if (name == "area" || name == "areas") return {"area"};
  if (name == "visibility") return {"visibility"};
  if (name == "sector") return {"sector"};
  if (name == "certifications") return {"certification"};
  if (name == "unit" && resource == "products") return {"product", "unit"};
  if (name == "tier" || name == "side" || name == "role") return {"enum", name};
  if (name == "proposed_by_side") return {"enum", "proposer"};
  if (name == "kind" && resource == "partnerships") return {"enum", "milestone"};  // a milestone
  if (name == "kind") {
    if (resource == "meetings") return {"enum", "meetingKind"};
    if (resource == "events") return {"enum", "eventKind"};
    if (resource == "organizations") return {"enum", "orgKind"};
    if (resource == "glossary") return {"enum", "glossaryKind"};
  }
  if (name == "status") {
    if (resource == "partnerships") return {"enum", "pstatus"};
    if (resource == "commitments") return {"enum", "status"};
    if (resource == "events") return {"enum", "eventStatus"};
  }
  return {};
}

// The first of tr, zh, en that the Accept-Language header names, else English.
std::string AcceptedLanguage(const http::Request& request) {
  const auto header = request.Header("Accept-Language");
  if (!header) return "en";
  std::string_view rest = *header;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view tag = rest.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    tag = tag.substr(0, std::min(tag.find('-'), tag.find(';')));
    for (std::string_view language : kExportLanguages) {
      if (tag.size() == 2 && std::tolower(tag[0]) == language[0] &&
          std::tolower(tag[1]) == language[1]) {
        return std::string(language);
      }
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return "en";
}

// The names of referenced records in one language, looked up once per export.
class Titles {
 public:
  Titles(store::Db& db, Redactor& redactor, std::string language)
      : db_(db), redactor_(redactor), language_(std::move(language)) {}

  // The name of record `id` of `spec`: "" when it is gone or the caller may not see it (a
  // partnership's name is made of its cities', which may be hidden when it is not).
  const std::string& Of(const ResourceSpec& spec, std::string_view id) {
    const std::string key(id);
    if (const auto found = titles_.find(key); found != titles_.end()) return found->second;
    if (titles_.size() >= kMaxTitles) titles_.clear();
    std::string title;
    if (!redactor_.Sees(spec, id)) return titles_.emplace(key, std::move(title)).first->second;
    if (const auto record = store::GetRecord(db_, spec, id)) title = Compose(spec, *record);
    return titles_.emplace(key, std::move(title)).first->second;
  }

  // A translatable text in the export's language, else in the language it was written in.
  std::string Text(const json::value& text) const {
    const json::object* texts = text.if_object();
    if (texts == nullptr) return {};
    std::string value = store::StringMember(*texts, language_);
    if (value.empty()) value = store::StringMember(*texts, store::StringMember(*texts, "original"));
    return value;
  }

 private:
  std::string Compose(const ResourceSpec& spec, const json::object& record) {
    if (spec.name == "partnerships") {
      std::string home = Of(domain::Cities(), store::StringMember(record, "home_city_id"));
      return home + " – " + Of(domain::Cities(), store::StringMember(record, "partner_city_id"));
    }
    if (spec.name == "people") {
      const std::string native = store::StringMember(record, "native_name");
      const std::string latin = store::StringMember(record, "latin_name");
      return latin.empty() || latin == native ? native : native + " (" + latin + ")";
    }
    const json::value* title = record.if_contains(spec.title_field);
    if (title == nullptr) return {};
    return title->is_string() ? std::string(title->as_string()) : Text(*title);
  }

  store::Db& db_;
  Redactor& redactor_;
  std::string language_;
  std::unordered_map<std::string, std::string> titles_;
};

// How one value of a field reads in a cell.
class CellText {
 public:
  CellText(const ResourceSpec& spec, const json::object& locale, Titles& titles)
      : spec_(spec), locale_(locale), titles_(titles) {}

  // Appends `value` of `field` to `out`.
  void Append(std::string& out, const FieldSpec& field, const json::value& value) {
    if (value.is_null()) return;
    switch (field.type) {
      case FieldType::kText:
        out += titles_.Text(value);
        return;
      case FieldType::kReference:
        if (value.is_string()) {
          out += titles_.Of(*domain::FindResource(field.references), value.as_string());
        }
        return;
      case FieldType::kEnum:
        if (value.is_string()) out += Choice(field, value.as_string());
        return;
      case FieldType::kNumber:
        if (value.is_number()) out += json::serialize(value);
        return;
      case FieldType::kObject:
        if (value.is_object()) AppendMembers(out, field, value.as_object());
        return;
      case FieldType::kEnumList:
      case FieldType::kReferenceList:
      case FieldType::kLanguageList:
      case FieldType::kStringList:
      case FieldType::kCountryList:
      case FieldType::kObjectList: {
        if (!value.is_array()) return;
        const std::string_view separator = field.type == FieldType::kObjectList ? "; " : ", ";
        bool first = true;
        for (const json::value& entry : value.as_array()) {
          if (!first) out += separator;
          first = false;
          if (field.type == FieldType::kObjectList) {
            if (entry.is_object()) AppendMembers(out, field, entry.as_object());
          } else if (field.type == FieldType::kReferenceList) {
            if (entry.is_string()) {
              out += titles_.Of(*domain::FindResource(field.references), entry.as_string());
            }
          } else if (field.type == FieldType::kEnumList) {
            if (entry.is_string()) out += Choice(field, entry.as_string());
          } else if (entry.is_string()) {
            out += entry.as_string();
          }
        }
        return;
      }
      default:
        if (value.is_string()) out += value.as_string();
        return;
    }
  }

 private:
  // An object's members that have a value, in declaration order, separated by ", ".
  void AppendMembers(std::string& out, const FieldSpec& field, const json::object& object) {
    bool first = true;
    for (const FieldSpec& member : field.members) {
      const json::value* value = object.if_contains(member.name);
      if (value == nullptr || value->is_null()) continue;
      std::string text;
      Append(text, member, *value);
      if (text.empty()) continue;
      if (!first) out += ", ";
      first = false;
      out += text;
    }
  }

  std::string Choice(const FieldSpec& field, std::string_view code) {
    std::vector<std::string_view> path = ChoicesPath(spec_.name, field);
    if (path.empty()) return std::string(code);
    path.push_back(code);
    const json::object* at = &locale_;
    for (size_t i = 0; i + 1 < path.size() && at != nullptr; ++i) {
      const json::value* next = at->if_contains(path[i]);
      at = next ? next->if_object() : nullptr;
    }
    if (at == nullptr) return std::string(code);
    const json::value* word = at->if_contains(code);
    return word && word->is_string() ? std::string(word->as_string()) : std::string(code);
  }

  const ResourceSpec& spec_;
  const json::object& locale_;
  Titles& titles_;
};

// The fields exported: all but who created the record (an account, not part of the record) and
// personal data for callers whose records have it withheld (api/redaction.h).
std::vector<const FieldSpec*> ExportedFields(const ResourceSpec& spec, const Redactor& redactor) {
  std::vector<const FieldSpec*> fields;
  for (const FieldSpec& field : spec.fields) {
    if (field.name == "created_by" || (field.personal && redactor.active())) continue;
    fields.push_back(&field);
  }
  return fields;
}

// Where exports are written before they are sent: beside the stored files (the data folder),
// else the system's temporary folder.
std::string ExportFolder(const Context& context) {
  std::filesystem::path folder = context.blobs
                                     ? std::filesystem::path(context.blobs->root()) / "exports"
                                     : std::filesystem::temp_directory_path() / "amity-exports";
  std::filesystem::create_directories(folder);
  // An export is unlinked as soon as it is open; one a crash left behind is removed here.
  std::error_code ignored;
  const auto stale = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : std::filesystem::directory_iterator(folder, ignored)) {
    if (entry.last_write_time(ignored) < stale) std::filesystem::remove(entry.path(), ignored);
  }
  return folder.string();
}

// A file that is deleted when this goes out of scope (once opened for sending, its bytes live on
// until the descriptor is closed).
struct ScratchFile {
  std::string path;
  ~ScratchFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

// The whole file at `path`, open for the server to send (its bytes stay readable after the
// name is removed, until the answer is sent).
std::shared_ptr<const http::FileSlice> OpenToSend(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open the export " + path);
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot read the size of the export " + path);
  }
  return std::make_shared<http::FileSlice>(fd, 0, static_cast<std::uint64_t>(status.st_size));
}

}  // namespace

namespace {

// Reads one of an export's own parameters into `options`; false when `name` is not one of them.
bool ReadExportOption(TableExport& options, bool& format_given, const std::string& name,
                      const std::string& value) {
  if (name == "format") {
    if (value != "csv" && value != "xlsx") {
      RejectParameter("format", "invalid_choice", "format must be csv or xlsx");
    }
    options.xlsx = value == "xlsx";
    format_given = true;
  } else if (name == "excel") {
    if (value != "true" && value != "false") {
      RejectParameter("excel", "invalid_boolean", "excel must be true or false");
    }
    options.excel = value == "true";
  } else if (name == "language") {
    if (std::find(std::begin(kExportLanguages), std::end(kExportLanguages), value) ==
        std::end(kExportLanguages)) {
      RejectParameter("language", "invalid_choice", "language must be tr, zh or en");
    }
    options.language = value;
  } else {
    return false;
  }
  return true;
}

void CheckExportOptions(const TableExport& options, bool format_given) {
  if (!format_given) RejectParameter("format", "required", "format is required: csv or xlsx");
  if (options.excel && options.xlsx) {
    RejectParameter("excel", "not_allowed", "excel=true is for format=csv");
  }
}

// An export being written: a scratch file beside the stored files (deleted once sent) and the
// writer of the format asked for.
struct ScratchExport {
  std::string name;
  bool xlsx = false;
  ScratchFile scratch;
  std::unique_ptr<exports::TableWriter> writer;

  ScratchExport(const Context& context, std::string export_name, const TableExport& options,
                const std::string& sheet)
      : name(std::move(export_name)), xlsx(options.xlsx) {
    const std::string folder = ExportFolder(context);
    scratch.path = folder + "/" + name + "-XXXXXX";
    const int reserved = ::mkstemp(scratch.path.data());
    if (reserved < 0) {
      scratch.path.clear();
      throw std::runtime_error("cannot create an export file in " + folder);
    }
    ::close(reserved);
    writer = options.xlsx ? exports::NewXlsxWriter(scratch.path, sheet.substr(0, 31), folder)
                          : exports::NewCsvWriter(scratch.path, {.excel = options.excel});
  }

  // Completes the file and answers with it; `rows` is how many records it holds.
  http::Response Send(const Call& call, long long rows) {
    writer->Finish();
    writer.reset();
    http::Response response;
    response.file = OpenToSend(scratch.path);
    response.content_type =
        xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
             : "text/csv; charset=utf-8; header=present";
    response.headers.emplace_back(
        "Content-Disposition",
        http::ContentDisposition(
            "attachment", name + "-" + FormatDate(DateOf(call.now)) + (xlsx ? ".xlsx" : ".csv")));
    response.headers.emplace_back("X-Export-Rows", std::to_string(rows));
    return response;
  }
};

}  // namespace

ExportQuery ParseExportQuery(const ResourceSpec& spec, const http::Pairs& query,
                             std::string language, Date today, const SeesReference& sees) {
  TableExport options{.language = std::move(language)};
  bool format_given = false;
  http::Pairs list_query;
  for (const auto& [name, value] : query) {
    if (ReadExportOption(options, format_given, name, value)) continue;
    if (name == "limit" || name == "offset" || name == "cursor") {
      RejectParameter(name, "not_allowed",
                      "an export holds every matching record: leave out limit, offset and cursor");
    }
    list_query.emplace_back(name, value);
  }
  CheckExportOptions(options, format_given);
  return {.xlsx = options.xlsx,
          .excel = options.excel,
          .language = std::move(options.language),
          .list = ParseListQuery(spec, list_query, today, sees)};
}

TableExport ParseTableExport(const Call& call) {
  CheckQuery(call.route.query, call.request.query);
  TableExport options{.language = AcceptedLanguage(call.request)};
  bool format_given = false;
  for (const auto& [name, value] : call.request.query) {
    ReadExportOption(options, format_given, name, value);
  }
  CheckExportOptions(options, format_given);
  return options;
}

bool IsPagingParameter(const ListParameter& parameter) {
  using Kind = ListParameter::Kind;
  return parameter.kind == Kind::kLimit || parameter.kind == Kind::kOffset ||
         parameter.kind == Kind::kCursor;
}

std::vector<QueryParameter> ExportParameters() {
  using Type = QueryParameter::Type;
  return {{.name = "format",
           .type = Type::kEnum,
           .description = "csv: RFC 4180, UTF-8; xlsx: an Excel workbook",
           .values = {"csv", "xlsx"},
           .required = true},
          {.name = "excel",
           .type = Type::kEnum,
           .description = "with format=csv: for Excel (a UTF-8 byte-order mark, ';' between "
                          "cells, ',' as the decimal mark)",
           .values = {"true", "false"}},
          {.name = "language",
           .type = Type::kEnum,
           .description = "the language of the column names, choices and texts (else "
                          "Accept-Language, else English)",
           .values = {"tr", "zh", "en"}}};
}

http::Response ExportRecordsHandler(Call& call) {
  const ResourceSpec& spec = *call.route.resource;
  Redactor redactor(call.db, call.principal);
  // The list's own query: the same filters, sort and visibility as GET /{resource}.
  ExportQuery options =
      ParseExportQuery(spec, call.request.query, AcceptedLanguage(call.request), DateOf(call.now),
                       [&](const FieldSpec& field, std::string_view id) {
                         return redactor.Sees(*domain::FindResource(field.references), id);
                       });
  store::ListQuery& query = options.list;
  if (auto visible = VisibleCondition(call.principal, spec)) {
    query.conditions.push_back(std::move(*visible));
  }
  query.limit = kBatch;
  query.offset = 0;
  query.count_total = false;
  query.use_cache = false;

  const json::object& locale = Locale(options.language);
  const std::vector<const FieldSpec*> fields = ExportedFields(spec, redactor);
  const std::string name(spec.name);

  ScratchExport scratch(call.context, name, {.xlsx = options.xlsx, .excel = options.excel},
                        Translate(locale, {"recordKinds", spec.name}, name));
  std::unique_ptr<exports::TableWriter>& writer = scratch.writer;

  std::vector<std::string> texts(fields.size() + 2);
  std::vector<exports::Cell> cells(fields.size() + 2);
  texts[0] = "ID";
  for (size_t i = 0; i < fields.size(); ++i) {
    texts[i + 1] = Translate(locale, {"fields", fields[i]->name}, fields[i]->name);
  }
  texts.back() = Translate(locale, {"fields", "updated_at"}, "updated_at");
  for (size_t i = 0; i < texts.size(); ++i) cells[i] = {texts[i]};
  writer->Row(cells);

  Titles titles(call.db, redactor, options.language);
  CellText cell_text(spec, locale, titles);
  long long rows = 0;
  std::string batch;
  std::vector<json::object*> records;
  for (;;) {
    batch.clear();
    store::PageInfo info = store::AppendRecordsJson(call.db, spec, query, batch);
    // The batch's records in one block of memory, released together.
    json::monotonic_resource memory;
    json::value items = json::parse(batch, &memory);
    records.clear();
    for (json::value& item : items.as_array()) records.push_back(&item.as_object());
    redactor.Redact(spec, records);  // nothing when the caller sees everything
    for (json::object* record : records) {
      texts[0] = store::StringMember(*record, "id");
      cells[0] = {texts[0]};
      for (size_t i = 0; i < fields.size(); ++i) {
        const FieldSpec& field = *fields[i];
        std::string& text = texts[i + 1];
        text.clear();
        const json::value& value = record->at(field.name);
        if (field.type == FieldType::kNumber && value.is_number()) {
          cells[i + 1] = {{}, value.to_number<double>()};
          continue;
        }
        // Instants of time-zoned records read as the venue's clock showed them.
        const json::value* local =
            field.type == FieldType::kInstant && field.name.ends_with("_at")
                ? record->if_contains(std::string(field.name.substr(0, field.name.size() - 3)) +
                                      "_local")
                : nullptr;
        cell_text.Append(text, field, local != nullptr && local->is_string() ? *local : value);
        cells[i + 1] = {text};
      }
      texts.back() = store::StringMember(*record, "updated_at");
      cells.back() = {texts.back()};
      writer->Row(cells);
      ++rows;
    }
    if (!info.has_more || !info.next) break;
    query.after = std::move(info.next);
  }
  return scratch.Send(call, rows);
}

struct TableStream::Scratch : ScratchExport {
  using ScratchExport::ScratchExport;
};

TableStream::TableStream(Call& call, const TableExport& options, std::string_view name,
                         std::string_view sheet)
    : call_(call),
      scratch_(std::make_unique<Scratch>(call.context, std::string(name), options,
                                         std::string(sheet))) {}

TableStream::~TableStream() = default;

void TableStream::Row(std::span<const exports::Cell> cells) {
  scratch_->writer->Row(cells);
  ++rows_;
}

void TableStream::Row(const std::vector<std::string>& texts) { Row(TextCells(texts)); }

http::Response TableStream::Send() { return scratch_->Send(call_, rows_ > 0 ? rows_ - 1 : 0); }

std::vector<exports::Cell> TextCells(const std::vector<std::string>& texts) {
  std::vector<exports::Cell> cells;
  cells.reserve(texts.size());
  for (const std::string& text : texts) cells.push_back({text});
  return cells;
}

http::Response SendTable(Call& call, const TableExport& options, std::string_view name,
                         std::string_view sheet, std::span<const std::vector<exports::Cell>> rows) {
  TableStream stream(call, options, name, sheet);
  for (const std::vector<exports::Cell>& row : rows) stream.Row(row);
  return stream.Send();
}

std::string RecordTitle(Call& call, const ResourceSpec& spec, std::string_view id,
                        std::string_view language) {
  Redactor redactor(call.db, call.principal);
  Titles titles(call.db, redactor, std::string(language));
  return titles.Of(spec, id);
}

json::object AnswerOf(http::Response (*handler)(Call&), Call& call) {
  return json::parse(handler(call).body).as_object();
}

exports::Cell NumberCell(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr || !value->is_number()) return {};
  return {{}, value->to_number<double>()};
}

json::array AllItemsOf(http::Response (*handler)(Call&), Call& call, int page) {
  Route route = call.route;
  for (QueryParameter& paging : PagingParameters(page)) route.query.push_back(std::move(paging));
  http::Request request = call.request;
  json::array items;
  for (long long offset = 0;; offset += page) {
    request.query = call.request.query;
    request.query.emplace_back("limit", std::to_string(page));
    request.query.emplace_back("offset", std::to_string(offset));
    Call paged{request,        call.params,        route,
               call.db,        call.context,       call.now,
               call.principal, call.authenticated, call.session_digest};
    json::object answer = AnswerOf(handler, paged);
    json::array& batch = answer.at("items").as_array();
    const size_t count = batch.size();
    for (json::value& item : batch) items.push_back(std::move(item));
    if (count < static_cast<size_t>(page)) break;
  }
  return items;
}

std::string UiWord(std::string_view language, std::initializer_list<std::string_view> path,
                   std::string_view fallback) {
  return Translate(Locale(language), path, fallback);
}

}  // namespace amity::api
