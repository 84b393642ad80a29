// The trade catalogue's own routes: the HS chapters with the headings Amity names
// (GET /api/v1/hs-chapters), one code's chapter and heading (GET /api/v1/hs-codes/{code}), and
// the printable catalogue as PDF in one language (GET /api/v1/catalogue.pdf). Products themselves
// go through the generic record path.
#include "domain/products.h"

#include <unistd.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <map>

#include "api/access.h"
#include "api/exports.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "domain/hs_code.h"
#include "files/blob_store.h"
#include "http/error.h"
#include "report/catalogue_pdf.h"
#include "store/files.h"

namespace amity::api {
namespace json = boost::json;

namespace {

json::object NameJson(const domain::HsName& name) {
  return {{"tr", name.tr}, {"zh", name.zh}, {"en", name.en}};
}

json::object HeadingJson(const domain::HsHeading& heading) {
  return {{"code", heading.code}, {"name", NameJson(heading.name)}};
}

// The most products a printed catalogue holds.
constexpr int kMaxCatalogueProducts = 1000;
// The largest picture read into a catalogue (the demo's are ~20 KiB).
constexpr long long kMaxPictureBytes = 4 << 20;

// A translatable text in `lang`, else in the language it was written in.
std::string TextIn(const json::object& record, std::string_view field, std::string_view lang) {
  const json::value* text = record.if_contains(field);
  if (text == nullptr || !text->is_object()) return {};
  std::string value = store::StringMember(text->as_object(), lang);
  if (value.empty()) {
    value =
        store::StringMember(text->as_object(), store::StringMember(text->as_object(), "original"));
  }
  return value;
}

// "0804.20" for "080420", "0804.20.90.00.11" for a GTİP: as tariff books print codes.
std::string PrintedCode(std::string_view digits) {
  std::string out(digits.substr(0, 4));
  for (size_t i = 4; i < digits.size(); i += 2) (out += '.') += digits.substr(i, 2);
  return out;
}

std::string Number(double value) {
  char text[64];
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else {
    std::snprintf(text, sizeof text, "%.2f", value);
  }
  return text;
}

std::optional<double> NumberOf(const json::object& record, std::string_view key) {
  const json::value* value = record.if_contains(key);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->to_number<double>();
}

// The PNG bytes of the first PNG kept with a product (not personal data), or "".
std::string Picture(Call& call, std::string_view product_id) {
  if (!call.context.blobs) return {};
  for (const store::FileRow& file : store::ListFiles(call.db, product_id)) {
    if (file.archived || file.personal_data || file.media_type != "image/png" ||
        file.size > kMaxPictureBytes) {
      continue;
    }
    const int fd = call.context.blobs->Open(file.sha256);
    if (fd < 0) continue;
    std::string bytes(static_cast<size_t>(file.size), '\0');
    size_t at = 0;
    while (at < bytes.size()) {
      const ssize_t got = ::read(fd, bytes.data() + at, bytes.size() - at);
      if (got <= 0) break;
      at += static_cast<size_t>(got);
    }
    ::close(fd);
    if (at == bytes.size()) return bytes;
  }
  return {};
}

// One product as the catalogue prints it, worded in `lang`.
report::CatalogueItem ItemOf(Call& call, const json::object& product, const std::string& company,
                             const std::string& lang) {
  const auto word = [&](std::initializer_list<std::string_view> path, std::string_view fallback) {
    return UiWord(lang, path, fallback);
  };
  report::CatalogueItem item;
  item.name = TextIn(product, "name", lang);
  item.company = company;
  item.description = TextIn(product, "description", lang);
  const std::string hs = store::StringMember(product, "hs_code");
  item.codes = "HS " + PrintedCode(hs);
  if (const domain::HsHeading* heading = domain::FindHsHeading(hs)) {
    (item.codes += " · ") += heading->name.In(lang);
  }
  for (std::string_view field : {"hs_code_tr", "hs_code_cn"}) {
    const std::string code = store::StringMember(product, field);
    if (!code.empty()) {
      item.codes += " · " + word({"fields", field}, field) + " " + PrintedCode(code);
    }
  }
  const std::string unit = store::StringMember(product, "unit");
  const std::string unit_word = word({"product", "unit", unit}, unit);
  std::vector<std::string> terms;
  const auto low = NumberOf(product, "price_min"), high = NumberOf(product, "price_max");
  if (low || high) {
    const double a = low.value_or(*high), b = high.value_or(*low);
    terms.push_back((a == b ? Number(a) : Number(a) + "–" + Number(b)) + " " +
                    store::StringMember(product, "currency") + " / " + unit_word);
  }
  if (const auto minimum = NumberOf(product, "minimum_order")) {
    terms.push_back(word({"fields", "minimum_order"}, "minimum_order") + ": " + Number(*minimum) +
                    " " + unit_word);
  }
  if (const auto days = NumberOf(product, "shelf_life_days")) {
    terms.push_back(word({"fields", "shelf_life_days"}, "shelf_life_days") + ": " + Number(*days));
  }
  const json::array& certifications = product.at("certifications").as_array();
  if (!certifications.empty()) {
    std::string list;
    for (const json::value& code : certifications) {
      if (!list.empty()) list += ", ";
      list += word({"certification", std::string_view(code.as_string())}, code.as_string());
    }
    terms.push_back(list);
  }
  const json::array& markets = product.at("markets").as_array();
  if (!markets.empty()) {
    std::string list = word({"fields", "markets"}, "markets") + ": ";
    for (size_t i = 0; i < markets.size(); ++i) {
      (list += i ? ", " : "") += std::string_view(markets[i].as_string());
    }
    terms.push_back(list);
  }
  for (const std::string& term : terms) (item.terms += item.terms.empty() ? "" : " · ") += term;
  item.picture_png = Picture(call, store::StringMember(product, "id"));
  return item;
}

}  // namespace

http::Response ListHsChapters(Call& call) {
  json::array items;
  for (const domain::HsChapter& chapter : domain::HsChapters()) {
    json::array headings;
    for (const domain::HsHeading& heading : domain::HsHeadings()) {
      if (heading.code.substr(0, 2) == chapter.code) headings.push_back(HeadingJson(heading));
    }
    items.push_back({{"code", chapter.code},
                     {"reserved", chapter.reserved},
                     {"name", NameJson(chapter.name)},
                     {"headings", std::move(headings)}});
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetHsCode(Call& call) {
  const auto code = domain::NormalizeTariffCode(call.Param("code"), domain::kHsDigits);
  if (!code) {
    throw http::HttpError(400, "Bad request",
                          {{"code", "invalid_hs_code", "expected 6 digits, e.g. 0804.20"}});
  }
  const domain::HsChapter* chapter = domain::FindHsChapter(*code);
  if (chapter == nullptr) {
    throw http::HttpError(404, "Not found",
                          {{"code", "unknown_chapter", "no HS chapter " + code->substr(0, 2)}});
  }
  const domain::HsHeading* heading = domain::FindHsHeading(*code);
  return JsonResponse(
      200, json::object{{"code", *code},
                        {"chapter", {{"code", chapter->code}, {"name", NameJson(chapter->name)}}},
                        {"heading", heading ? json::value(HeadingJson(*heading)) : nullptr}});
}

http::Response CataloguePdf(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  std::string lang = "zh";
  for (const auto& [name, value] : call.request.query) {
    if (name == "lang") lang = value;
  }
  store::ListQuery query{
      .sort_column = "hs_code", .descending = false, .limit = kMaxCatalogueProducts};
  if (auto visible = VisibleCondition(call.principal, domain::Products())) {
    query.conditions.push_back(std::move(*visible));
  }
  const store::Page page = store::ListRecords(call.db, domain::Products(), query);
  Redactor redactor(call.db, call.principal);
  // sector → chapter → items, each in the documented order (sectors) or by code (chapters).
  std::map<std::string, std::map<std::string, std::vector<report::CatalogueItem>>> groups;
  std::map<std::string, std::pair<std::string, std::string>> companies;  // id → name, sector
  for (const json::value& value : page.items) {
    const json::object& product = value.as_object();
    const std::string company_id = store::StringMember(product, "company_id");
    auto company = companies.find(company_id);
    if (company == companies.end()) {
      std::pair<std::string, std::string> facts{"", "other"};
      if (redactor.Sees(domain::Organizations(), company_id)) {
        if (const auto record = store::GetRecord(call.db, domain::Organizations(), company_id)) {
          facts.first = TextIn(*record, "name", lang);
          const std::string sector = store::StringMember(*record, "sector");
          if (!sector.empty()) facts.second = sector;
        }
      }
      company = companies.emplace(company_id, std::move(facts)).first;
    }
    const std::string chapter = store::StringMember(product, "hs_code").substr(0, 2);
    groups[company->second.second][chapter].push_back(
        ItemOf(call, product, company->second.first, lang));
  }
  report::Catalogue catalogue{
      .lang = lang,
      .title = UiWord(lang, {"nav", "catalogue"}, "Catalogue"),
      .subtitle = UiWord(lang, {"product", "intro"}, ""),
      .page_label = std::string(lang == "zh"   ? "第 {n} 页"
                                : lang == "tr" ? "Sayfa {n}"
                                               : "Page {n}"),
  };
  for (std::string_view sector : domain::kSectors) {
    const auto found = groups.find(std::string(sector));
    if (found == groups.end()) continue;
    report::CatalogueSector printed{.title = UiWord(lang, {"sector", sector}, sector)};
    for (auto& [code, items] : found->second) {
      const domain::HsChapter* chapter = domain::FindHsChapter(code);
      std::string title = UiWord(lang, {"product", "chapterNumber"}, "Chapter {n}");
      if (const size_t n = title.find("{n}"); n != std::string::npos) title.replace(n, 3, code);
      if (chapter != nullptr) (title += "  ") += chapter->name.In(lang);
      printed.chapters.push_back({.title = std::move(title), .items = std::move(items)});
    }
    catalogue.sectors.push_back(std::move(printed));
  }
  http::Response response;
  response.content_type = "application/pdf";
  response.body = report::CataloguePdf(catalogue);
  response.headers.emplace_back("Content-Disposition",
                                "inline; filename=\"catalogue-" + lang + ".pdf\"");
  return response;
}

}  // namespace amity::api
