#include "api/inquiries.h"

#include <boost/json.hpp>

#include "api/handlers.h"
#include "api/record_rules.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "api/texts.h"
#include "base/id.h"
#include "domain/hs_code.h"
#include "http/error.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

std::optional<int> InquiryLimiter::Take(const std::string& address, Instant now) {
  std::lock_guard lock(mutex_);
  if (++takes_since_sweep_ >= 1000) {
    takes_since_sweep_ = 0;
    std::erase_if(buckets_,
                  [&](const auto& entry) { return domain::BucketFull(entry.second, limit_, now); });
  }
  return domain::TakeToken(buckets_[address], limit_, now);
}

namespace {

// The fair `id` as the public may see it: a live event of kind fair, marked public and not
// cancelled; else 404, as for a fair that does not exist.
json::object PublicFair(Call& call) {
  const std::string_view id = call.Param("id");
  auto fair = IsUuid(id) ? store::GetRecord(call.db, domain::Events(), id) : std::nullopt;
  if (!fair || fair->at("archived").as_bool() || fair->at("kind").as_string() != "fair" ||
      fair->at("visibility").as_string() != "public" ||
      fair->at("status").as_string() == "cancelled") {
    throw http::HttpError(404, "Not found",
                          {{"id", "not_found", "no published fair with this id"}});
  }
  return std::move(*fair);
}

json::value StringOrNull(const json::object& record, std::string_view field) {
  const json::value* value = record.if_contains(field);
  return value && value->is_string() ? *value : json::value(nullptr);
}

// One public product of the catalogue, its texts in `lang`: only fields meant for buyers.
json::object CatalogueProduct(const json::object& product, std::string_view lang) {
  const std::string hs_code = store::StringMember(product, "hs_code");
  const domain::HsChapter* chapter = domain::FindHsChapter(hs_code);
  const domain::HsHeading* heading = domain::FindHsHeading(hs_code);
  json::object item{{"id", product.at("id")},
                    {"name", TextIn(product.if_contains("name"), lang)},
                    {"description", TextIn(product.if_contains("description"), lang)},
                    {"hs_code", hs_code},
                    {"hs_chapter", chapter ? json::value(chapter->name.In(lang)) : nullptr},
                    {"hs_heading", heading ? json::value(heading->name.In(lang)) : nullptr},
                    {"unit", StringOrNull(product, "unit")},
                    {"certifications", product.at("certifications")}};
  for (std::string_view number : {"minimum_order", "price_min", "price_max"}) {
    const json::value* value = product.if_contains(number);
    item[number] = value && value->is_number() ? *value : json::value(nullptr);
  }
  item["currency"] = StringOrNull(product, "currency");
  return item;
}

// A product of the catalogue and the company that shows it.
struct Listed {
  std::string product_id;
  std::string company_id;
};

// The fair's public exhibitors (whose company is public too), each with its public products.
// `products` receives every product listed.
json::array CatalogueExhibitors(Call& call, std::string_view fair_id, std::string_view lang,
                                std::vector<Listed>& products) {
  Redactor redactor = Redactor::ForPublic(call.db);
  const store::Page exhibitors = store::ListRecords(
      call.db, domain::Exhibitors(),
      {.conditions = {{"event_id = ?", {std::string(fair_id)}}, {"visibility = 'public'", {}}},
       .sort_column = "created_at",
       .descending = false,
       .limit = 500});
  json::array out;
  for (const json::value& value : exhibitors.items) {
    const json::object& exhibitor = value.as_object();
    const std::string company_id = store::StringMember(exhibitor, "company_id");
    if (!redactor.Sees(domain::Organizations(), company_id)) continue;
    const auto company = store::GetRecord(call.db, domain::Organizations(), company_id);
    if (!company || company->at("archived").as_bool()) continue;
    json::array items;
    const json::array product_ids = exhibitor.at("product_ids").as_array();
    for (const json::value& product_id : product_ids) {
      const auto product = store::GetRecord(call.db, domain::Products(), product_id.as_string());
      if (!product || product->at("archived").as_bool() ||
          product->at("visibility").as_string() != "public") {
        continue;
      }
      items.push_back(CatalogueProduct(*product, lang));
      products.push_back({std::string(product_id.as_string()), company_id});
    }
    out.push_back(json::object{{"id", exhibitor.at("id")},
                               {"company_id", company_id},
                               {"company", TextIn(company->if_contains("name"), lang)},
                               {"stand", StringOrNull(exhibitor, "stand")},
                               {"products", std::move(items)}});
  }
  return out;
}

// A problem of the required `field` when it is given but only blank.
void RequireText(const json::object& body, std::string_view field, Problems& problems) {
  const std::string text = store::StringMember(body, field);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back({std::string(field), "required", "is required"});
  }
}

// What the inquirer is told, whether the inquiry was kept or (a bot's) dropped.
http::Response Received() {
  http::Response response = JsonResponse(202, json::object{{"status", "received"}});
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

http::Response PublicFairCatalogue(Call& call) {
  const std::string lang = PortalLanguage(call);
  const json::object fair = PublicFair(call);
  Redactor redactor = Redactor::ForPublic(call.db);
  std::string city;
  if (const std::string city_id = store::StringMember(fair, "city_id");
      !city_id.empty() && redactor.Sees(domain::Cities(), city_id)) {
    if (const auto record = store::GetRecord(call.db, domain::Cities(), city_id)) {
      city = TextIn(record->if_contains("name"), lang);
    }
  }
  std::vector<Listed> product_ids;
  json::object body{
      {"event_id", fair.at("id")},
      {"lang", lang},
      {"title", TextIn(fair.if_contains("title"), lang)},
      {"starts_at", fair.at("starts_at")},
      {"ends_at", fair.at("ends_at")},
      {"time_zone", fair.at("time_zone")},
      {"venue", StringOrNull(fair, "venue")},
      {"city", city},
      {"exhibitors", CatalogueExhibitors(call, fair.at("id").as_string(), lang, product_ids)}};
  http::Response response = JsonResponse(200, body);
  response.headers.emplace_back("Cache-Control", "public, max-age=300");
  response.headers.emplace_back("Vary", "Accept-Language");
  return response;
}

http::Response PostInquiry(Call& call) {
  // Refused before anything is read, so that a flood costs little.
  if (const auto wait = call.context.inquiry_limiter->Take(call.ClientAddress(), call.now)) {
    const domain::RateLimit& limit = call.context.inquiry_limiter->limit();
    throw http::HttpError(
        429, "Too many requests",
        {{"", "rate_limited",
          "at most " + std::to_string(limit.capacity) + " inquiries per " +
              std::to_string(limit.window_seconds) + " seconds from one address; try again in " +
              std::to_string(*wait) + " seconds"}},
        {{"Retry-After", std::to_string(*wait)}});
  }
  // A chunked body has no declared length to refuse before reading (api.cpp does that).
  if (call.request.body.size() > domain::kMaxInquiryBytes) {
    throw http::HttpError(
        413, "Request body too large",
        {{"", "body_too_large",
          "an inquiry is at most " + std::to_string(domain::kMaxInquiryBytes) + " bytes"}});
  }
  const json::object fair = PublicFair(call);
  json::object body;
  Problems problems = ParseObject(call.request.body, body);
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), "Invalid inquiry", problems);
  // The honeypot: people never see the field, so whoever fills it is answered as if all went
  // well (nothing to learn from) and nothing is kept.
  if (!store::StringMember(body, "website").empty()) return Received();
  Validated input = ValidateFields(domain::InquiryBody(), body, Mode::kCreate);
  problems = std::move(input.problems);
  std::vector<Listed> listed;
  std::vector<std::string> wanted;
  if (problems.empty()) {
    for (std::string_view field : {"company", "contact_name", "message"}) {
      RequireText(input.fields, field, problems);
    }
    CatalogueExhibitors(call, fair.at("id").as_string(), "en", listed);
    std::vector<std::string> catalogue;
    for (const Listed& entry : listed) catalogue.push_back(entry.product_id);
    const json::value* ids = input.fields.if_contains("product_ids");
    if (ids && ids->is_array()) {
      for (const json::value& id : ids->as_array()) wanted.emplace_back(id.as_string());
    }
    for (Problem& problem :
         domain::CheckInquiry(store::StringMember(input.fields, "email"), wanted, catalogue)) {
      problems.push_back(std::move(problem));
    }
  }
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), "Invalid inquiry", problems);

  const json::object& fields = input.fields;
  json::object contact{{"name", fields.at("contact_name")},
                       {"email", fields.at("email")},
                       {"country", fields.at("country")}};
  if (const std::string phone = store::StringMember(fields, "phone"); !phone.empty()) {
    contact["phone"] = phone;
  }
  json::object lead{{"partnership_id", fair.at("partnership_id")},
                    {"event_id", fair.at("id")},
                    {"inquirer_company", fields.at("company")},
                    {"inquirer_contact", std::move(contact)},
                    {"product_ids", fields.contains("product_ids") ? fields.at("product_ids")
                                                                   : json::value(json::array())},
                    {"inquiry_message", fields.at("message")},
                    {"source", "portal_inquiry"},
                    {"visibility", "private"}};
  // Products of one company name it as the company the buyer wants to deal with.
  std::string company;
  for (const std::string& id : wanted) {
    for (const Listed& entry : listed) {
      if (entry.product_id != id) continue;
      company = company.empty() || company == entry.company_id ? entry.company_id : "-";
    }
  }
  if (!company.empty() && company != "-") lead["exhibitor_company_id"] = company;
  store::Tx tx(call.db);
  problems = CheckRecordRules(call.db, domain::Leads(), lead);
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), "Invalid inquiry", problems);
  store::InsertRecord(call.db, domain::Leads(), lead,
                      {"portal", call.now, call.context.instance_id});
  tx.Commit();
  return Received();
}

}  // namespace amity::api
