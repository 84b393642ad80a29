// The public portal (/public): published partnerships, public events and published cases of the
// knowledge-exchange library, in Turkish, Chinese and English, without login. Plain
// server-rendered HTML (no script), cacheable for five minutes; only records marked `public`
// appear, and a partnership's page lists only its public events.
#include <boost/json.hpp>

#include "api/files.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "api/texts.h"
#include "base/id.h"
#include "base/text.h"
#include "domain/areas.h"
#include "http/error.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

struct Phrase {
  std::string_view key, en, tr, zh;
};

// Every word the portal prints, in the three languages (the UI uses the same renderings).
constexpr Phrase kPhrases[] = {
    {"title", "Sister-city partnerships", "Kardeş şehir ilişkileri", "友好城市关系"},
    {"partnerships", "Partnerships", "İlişkiler", "合作关系"},
    {"events", "Upcoming public events", "Yaklaşan halka açık etkinlikler", "即将举行的公开活动"},
    {"all_events", "Public events", "Halka açık etkinlikler", "公开活动"},
    {"subscribe", "Add these events to your calendar (iCalendar)",
     "Bu etkinlikleri takviminize ekleyin (iCalendar)", "将这些活动添加到您的日历（iCalendar）"},
    {"steps", "Steps taken", "Atılan adımlar", "已完成的步骤"},
    {"none", "Nothing published yet.", "Henüz yayımlanan bir şey yok.", "暂无公开内容。"},
    {"back", "All partnerships", "Tüm ilişkiler", "全部合作关系"},
    {"local", "local time", "yerel saat", "当地时间"},
    {"sign_in", "Sign in", "Giriş yap", "登录"},
    {"unpublished_city", "(unpublished city)", "(yayımlanmamış şehir)", "（未公开的城市）"},
    {"exploring", "Exploring", "Ön görüşme", "初步接触"},
    {"letter_of_intent", "Letter of intent", "Niyet mektubu", "意向书"},
    {"friendship", "Friendship city", "Dostluk şehri", "友好交流城市"},
    {"sister_city", "Sister city", "Kardeş şehir", "友好城市"},
    {"council_decision", "Municipal council decision", "Belediye meclisi kararı", "市议会决议"},
    {"ministry_permission", "Ministry permission", "Bakanlık izni", "部委批准"},
    {"partner_approval", "Partner-side approval", "Kardeş şehir onayı", "对方批准"},
    {"letter_of_intent_signed", "Letter of intent signed", "Niyet mektubu imzalandı", "签署意向书"},
    {"agreement_signed", "Agreement signed", "Protokol imzalandı", "签署协议"},
    {"terminated", "Terminated", "Sona erdirildi", "终止"},
    {"festival", "Festival", "Festival", "节庆"},
    {"sports", "Sports", "Spor", "体育"},
    {"concert", "Concert", "Konser", "音乐会"},
    {"fair", "Fair", "Fuar", "博览会"},
    {"exhibition", "Exhibition", "Sergi", "展览"},
    {"conference", "Conference", "Konferans", "会议"},
    {"study_visit", "Study visit", "İnceleme ziyareti", "考察访问"},
    {"other", "Other", "Diğer", "其他"},
    {"idea", "Idea", "Fikir", "设想"},
    {"planned", "Planned", "Planlandı", "已计划"},
    {"confirmed", "Confirmed", "Kesinleşti", "已确认"},
    {"held", "Held", "Yapıldı", "已举办"},
    {"cancelled", "Cancelled", "İptal edildi", "已取消"},
    {"cases", "Knowledge-exchange cases", "Deneyim paylaşımı örnekleri", "经验交流案例"},
    {"all_cases", "All cases", "Tüm örnekler", "全部案例"},
    {"summary", "Summary", "Özet", "概要"},
    {"problem", "The problem", "Sorun", "问题"},
    {"approach", "Approach", "Yaklaşım", "做法"},
    {"results", "Results", "Sonuçlar", "成效"},
    {"lessons", "Lessons learned", "Çıkarılan dersler", "经验教训"},
    {"period", "Period", "Dönem", "时间"},
    {"tags", "Tags", "Etiketler", "标签"},
    {"photos", "Photos", "Fotoğraflar", "照片"},
    {"photo_of", "Photo: ", "Fotoğraf: ", "照片："},
    {"catalogue", "Exhibitors' catalogue and inquiry form", "Katılımcı kataloğu ve bilgi talebi",
     "参展目录与询盘"},
};

constexpr std::string_view kLanguages[] = {"tr", "zh", "en"};
constexpr std::string_view kLanguageNames[] = {"Türkçe", "中文", "English"};

class Page {
 public:
  explicit Page(std::string lang) : lang_(std::move(lang)) {}

  std::string_view Say(std::string_view key) const {
    for (const Phrase& phrase : kPhrases) {
      if (phrase.key == key)
        return lang_ == "tr" ? phrase.tr : lang_ == "zh" ? phrase.zh : phrase.en;
    }
    return key;
  }

  // The text in the page's language, else its original, else any language it has.
  std::string Text(const json::value* text) const { return TextIn(text, lang_); }

  void Add(std::string_view html) { body_ += html; }
  // "Nothing published yet.", where a list is empty.
  void AddNothingPublished() {
    Add("<p class=\"muted\">");
    AddText(Say("none"));
    Add("</p>");
  }
  void AddText(std::string_view text) { Escape(text, body_); }

  std::string Finish(std::string_view title, std::string_view self_path) const {
    std::string html = "<!doctype html><html lang=\"" + lang_ +
                       "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                       "content=\"width=device-width, initial-scale=1\"><title>";
    Escape(title, html);
    html +=
        "</title><style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:52rem;"
        "margin:0 auto;padding:1rem 1.25rem;color:#1d2733;line-height:1.5}"
        "header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;"
        "flex-wrap:wrap;border-bottom:1px solid #d7dde4;margin-bottom:1rem}"
        "nav a{margin-left:.75rem}a{color:#0b5cad}li{margin:.35rem 0}"
        ".case{display:flex;gap:1rem;align-items:flex-start}.case img{width:8rem;height:6rem;"
        "object-fit:cover;border-radius:.3rem;flex:none}"
        ".photos{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none}"
        ".photos img{display:block;max-width:16rem;max-height:12rem;border-radius:.3rem}"
        ".muted{color:#4f5d6b}.tag{font-size:.85em;background:#eef3f8;border-radius:.3rem;"
        "padding:.05rem .4rem;margin-left:.3rem}.prose{white-space:pre-line}"
        "@media print{nav{display:none}a{color:inherit;text-decoration:none}}"
        "</style></head><body><header><h1>";
    Escape(title, html);
    html += "</h1><nav aria-label=\"language\">";
    for (size_t i = 0; i < std::size(kLanguages); ++i) {
      if (kLanguages[i] == lang_) {
        html += "<strong>" + std::string(kLanguageNames[i]) + "</strong>";
      } else {
        html += "<a href=\"" + std::string(self_path) + "?lang=" + std::string(kLanguages[i]) +
                "\" hreflang=\"" + std::string(kLanguages[i]) + "\" lang=\"" +
                std::string(kLanguages[i]) + "\">" + std::string(kLanguageNames[i]) + "</a>";
      }
    }
    html += "<a href=\"/login\">" + std::string(Say("sign_in")) + "</a></nav></header><main>";
    html += body_;
    html += "</main></body></html>";
    return html;
  }

  const std::string& lang() const { return lang_; }

 private:
  static std::string_view StringOf(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    return value && value->is_string() ? std::string_view(value->as_string()) : std::string_view();
  }

  static void Escape(std::string_view text, std::string& out) { AppendEscapedHtml(text, out); }

  std::string lang_;
  std::string body_;
};

}  // namespace

std::string PortalLanguage(const Call& call) {
  CheckQuery(call.route.query, call.request.query);
  for (const auto& [name, value] : call.request.query) return value;  // lang, the only one
  if (const auto accepted = call.request.Header("Accept-Language")) {
    size_t best = std::string_view::npos;
    std::string chosen = "en";
    for (std::string_view lang : kLanguages) {
      const size_t at = accepted->find(lang);
      if (at < best) {
        best = at;
        chosen = lang;
      }
    }
    return chosen;
  }
  return "en";
}

namespace {

http::Response HtmlResponse(std::string html) {
  http::Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(html);
  response.headers.emplace_back("Cache-Control", "public, max-age=300");
  response.headers.emplace_back("Vary", "Accept-Language");
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                                "base-uri 'none'; "
                                "form-action 'none'; frame-ancestors 'none'");
  return response;
}

// The name of city `id` when it is published; a city that is not has its name withheld like
// every record the public may not see (api/redaction.h): "" (nothing printed) or, when
// `placeholder`, a neutral phrase in its place.
std::string CityName(Call& call, Redactor& redactor, const Page& page, const json::value& id,
                     bool placeholder) {
  if (!id.is_string()) return "";
  if (!redactor.Sees(domain::Cities(), id.as_string())) {
    return placeholder ? std::string(page.Say("unpublished_city")) : "";
  }
  const auto city = store::GetRecord(call.db, domain::Cities(), id.as_string());
  return city ? page.Text(city->if_contains("name")) : "";
}

std::string PartnershipName(Call& call, Redactor& redactor, const Page& page,
                            const json::object& partnership) {
  return CityName(call, redactor, page, partnership.at("home_city_id"), true) + " – " +
         CityName(call, redactor, page, partnership.at("partner_city_id"), true);
}

// Public events matching `conditions`, as a list.
void AddEvents(Call& call, Redactor& redactor, Page& page,
               std::vector<store::Condition> conditions) {
  conditions.push_back({"visibility = 'public'", {}});
  conditions.push_back({"status <> 'cancelled'", {}});
  const store::Page events = store::ListRecords(call.db, domain::Events(),
                                                {.conditions = std::move(conditions),
                                                 .sort_column = "starts_at",
                                                 .descending = false,
                                                 .limit = 50});
  if (events.items.empty()) {
    page.AddNothingPublished();
    return;
  }
  page.Add("<ul>");
  for (const json::value& item : events.items) {
    const json::object& event = item.as_object();
    page.Add("<li><strong>");
    page.AddText(page.Text(event.if_contains("title")));
    page.Add("</strong><span class=\"tag\">");
    page.AddText(page.Say(event.at("kind").as_string()));
    page.Add("</span><span class=\"tag\">");
    page.AddText(page.Say(event.at("status").as_string()));
    page.Add("</span><br><span class=\"muted\"><time datetime=\"");
    page.AddText(event.at("starts_at").as_string());
    page.Add("\">");
    // Local wall-clock time in the event's own zone, e.g. 2027-01-05 10:00 (Asia/Shanghai).
    const std::string local(event.at("starts_local").as_string());
    page.AddText(local.substr(0, 10) + " " + local.substr(11, 5));
    page.Add("</time> (");
    page.AddText(page.Say("local"));
    page.Add(", ");
    page.AddText(event.at("time_zone").as_string());
    page.Add(")");
    if (const std::string city = CityName(call, redactor, page, event.at("city_id"), false);
        !city.empty()) {
      page.Add(" · ");
      page.AddText(city);
    }
    if (event.at("venue").is_string()) {
      page.Add(" · ");
      page.AddText(event.at("venue").as_string());
    }
    page.Add("</span>");
    // A fair's buyers find its catalogue and the inquiry form on the web app's portal page.
    if (event.at("kind").as_string() == "fair") {
      page.Add("<br><a data-link=\"fair-catalogue\" href=\"/portal/fairs/");
      page.AddText(event.at("id").as_string());
      page.Add("?lang=" + page.lang() + "\">");
      page.AddText(page.Say("catalogue"));
      page.Add("</a>");
    }
    page.Add("</li>");
  }
  page.Add("</ul>");
}

// The name of area `code` in the page's language.
std::string_view AreaName(const Page& page, std::string_view code) {
  const domain::Area* area = domain::FindArea(code);
  if (area == nullptr) return code;
  return page.lang() == "tr" ? area->tr : page.lang() == "zh" ? area->zh : area->en;
}

// "İzmir · Heritage", or the area alone when the city is not published.
std::string CaseLine(Call& call, Redactor& redactor, const Page& page, const json::object& item) {
  std::string line = CityName(call, redactor, page, item.at("city_id"), false);
  if (!line.empty()) line += " · ";
  return line + std::string(AreaName(page, item.at("area").as_string()));
}

// An <img> of `image` (its thumbnail when made, else the picture itself) described by its name.
void AddImage(Page& page, const PublicImage& image, std::string_view attributes) {
  page.Add("<img src=\"");
  page.AddText(image.thumbnail_url.empty() ? image.url : image.thumbnail_url);
  page.Add("\" alt=\"");
  page.AddText(std::string(page.Say("photo_of")) + image.name);
  page.Add("\" ");
  page.Add(attributes);
  page.Add(">");
}

// The published cases, newest first, each with its first photo and its summary.
void AddCases(Call& call, Redactor& redactor, Page& page) {
  const store::Page cases = store::ListRecords(
      call.db, domain::Cases(), {.conditions = {{"visibility = 'public'", {}}}, .limit = 50});
  if (cases.items.empty()) {
    page.AddNothingPublished();
    return;
  }
  page.Add("<ul class=\"cases\">");
  for (const json::value& value : cases.items) {
    const json::object& item = value.as_object();
    const std::string_view id = item.at("id").as_string();
    page.Add("<li class=\"case\" data-case=\"");
    page.AddText(id);
    page.Add("\">");
    if (const std::vector<PublicImage> images = PublicImages(call, id); !images.empty()) {
      AddImage(page, images.front(), "width=\"128\" height=\"96\" data-photo");
    }
    page.Add("<div><a href=\"/public/cases/");
    page.AddText(id);
    page.Add("?lang=" + page.lang() + "\"><strong>");
    page.AddText(page.Text(item.if_contains("title")));
    page.Add("</strong></a><br><span class=\"muted\">");
    page.AddText(CaseLine(call, redactor, page, item));
    page.Add("</span><br>");
    page.AddText(page.Text(item.if_contains("summary")));
    page.Add("</div></li>");
  }
  page.Add("</ul>");
}

}  // namespace

http::Response PublicPortal(Call& call) {
  Page page(PortalLanguage(call));
  Redactor redactor = Redactor::ForPublic(call.db);
  page.Add("<h2>");
  page.AddText(page.Say("partnerships"));
  page.Add("</h2>");
  const store::Page partnerships =
      store::ListRecords(call.db, domain::Partnerships(),
                         {.conditions = {{"visibility = 'public'", {}}},
                          .sort_column = "created_at",
                          .descending = false,
                          .limit = 200});
  if (partnerships.items.empty()) {
    page.AddNothingPublished();
  } else {
    page.Add("<ul>");
    for (const json::value& item : partnerships.items) {
      const json::object& partnership = item.as_object();
      page.Add("<li><a href=\"/public/partnerships/");
      page.AddText(partnership.at("id").as_string());
      page.Add("?lang=" + page.lang() + "\">");
      page.AddText(PartnershipName(call, redactor, page, partnership));
      page.Add("</a><span class=\"tag\">");
      page.AddText(page.Say(partnership.at("tier").as_string()));
      page.Add("</span></li>");
    }
    page.Add("</ul>");
  }
  page.Add("<h2>");
  page.AddText(page.Say("events"));
  page.Add("</h2>");
  AddEvents(call, redactor, page, {{"ends_at >= ?", {FormatInstant(call.now)}}});
  // The public events as a calendar feed any calendar application subscribes to.
  page.Add("<p><a data-link=\"calendar\" href=\"/public/calendar.ics?lang=" + page.lang() + "\">");
  page.AddText(page.Say("subscribe"));
  page.Add("</a></p>");
  page.Add("<h2>");
  page.AddText(page.Say("cases"));
  page.Add("</h2>");
  AddCases(call, redactor, page);
  return HtmlResponse(page.Finish(page.Say("title"), "/public"));
}

// A published case, its texts in the page's language, then its photos (each a link to the
// picture itself).
http::Response PublicCase(Call& call) {
  const std::string_view id = call.Param("id");
  const auto found = IsUuid(id) ? store::GetRecord(call.db, domain::Cases(), id) : std::nullopt;
  if (!found || found->at("archived").as_bool() ||
      found->at("visibility").as_string() != "public") {
    throw http::HttpError(404, "Not found",
                          {{"id", "not_found", "no published case with this id"}});
  }
  const json::object& item = *found;
  Page page(PortalLanguage(call));
  Redactor redactor = Redactor::ForPublic(call.db);
  page.Add("<p><a href=\"/public?lang=" + page.lang() + "\">← ");
  page.AddText(page.Say("all_cases"));
  page.Add("</a></p><p class=\"muted\">");
  page.AddText(CaseLine(call, redactor, page, item));
  const std::string start = store::StringMember(item, "period_start"),
                    end = store::StringMember(item, "period_end");
  if (!start.empty() || !end.empty()) {
    page.Add(" · ");
    page.AddText(page.Say("period"));
    page.Add(" <time>");
    page.AddText(start);
    page.Add("</time> – <time>");
    page.AddText(end);
    page.Add("</time>");
  }
  page.Add("</p>");
  for (std::string_view field : {"summary", "problem", "approach", "results", "lessons"}) {
    const std::string text = page.Text(item.if_contains(field));
    if (text.empty()) continue;
    page.Add("<h2>");
    page.AddText(page.Say(field));
    page.Add("</h2><p class=\"prose\">");
    page.AddText(text);
    page.Add("</p>");
  }
  if (const json::array& tags = item.at("tags").as_array(); !tags.empty()) {
    page.Add("<p>");
    page.AddText(page.Say("tags"));
    page.Add(":");
    for (const json::value& tag : tags) {
      page.Add("<span class=\"tag\">");
      page.AddText(tag.as_string());
      page.Add("</span>");
    }
    page.Add("</p>");
  }
  if (const std::vector<PublicImage> images = PublicImages(call, id); !images.empty()) {
    page.Add("<h2>");
    page.AddText(page.Say("photos"));
    page.Add("</h2><ul class=\"photos\" data-photos>");
    for (const PublicImage& image : images) {
      page.Add("<li><a href=\"");
      page.AddText(image.url);
      page.Add("?disposition=inline\">");
      AddImage(page, image, "loading=\"lazy\" data-photo");
      page.Add("</a></li>");
    }
    page.Add("</ul>");
  }
  return HtmlResponse(
      page.Finish(page.Text(item.if_contains("title")), "/public/cases/" + std::string(id)));
}

http::Response PublicPartnership(Call& call) {
  const std::string_view id = call.Param("id");
  const auto partnership =
      IsUuid(id) ? store::GetRecord(call.db, domain::Partnerships(), id) : std::nullopt;
  if (!partnership || partnership->at("archived").as_bool() ||
      partnership->at("visibility").as_string() != "public") {
    throw http::HttpError(404, "Not found",
                          {{"id", "not_found", "no published partnership with this id"}});
  }
  Page page(PortalLanguage(call));
  Redactor redactor = Redactor::ForPublic(call.db);
  page.Add("<p><a href=\"/public?lang=" + page.lang() + "\">← ");
  page.AddText(page.Say("back"));
  page.Add("</a></p><p><span class=\"tag\">");
  page.AddText(page.Say(partnership->at("tier").as_string()));
  page.Add("</span></p><h2>");
  page.AddText(page.Say("steps"));
  page.Add("</h2>");
  const json::array& milestones = partnership->at("milestones").as_array();
  if (milestones.empty()) {
    page.AddNothingPublished();
  } else {
    page.Add("<ul>");
    for (const json::value& milestone : milestones) {
      page.Add("<li><time>");
      page.AddText(milestone.at("date").as_string());
      page.Add("</time> ");
      page.AddText(page.Say(milestone.at("kind").as_string()));
      page.Add("</li>");
    }
    page.Add("</ul>");
  }
  page.Add("<h2>");
  page.AddText(page.Say("all_events"));
  page.Add("</h2>");
  AddEvents(call, redactor, page, {{"partnership_id = ?", {std::string(id)}}});
  const std::string self = "/public/partnerships/" + std::string(id);
  return HtmlResponse(page.Finish(PartnershipName(call, redactor, page, *partnership), self));
}

}  // namespace amity::api
