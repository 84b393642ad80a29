#include "report/council_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "domain/areas.h"
#include "report/labels.h"

namespace amity::report {
namespace {

namespace json = boost::json;

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56;
constexpr double kBottom = kPageHeight - 62;  // the footer sits below
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kGap = 14;  // between side-by-side columns
// Noto Sans carries Latin with every Turkish letter; Noto Sans CJK SC the Chinese. Pango falls
// back along the list per character.
constexpr char kFamily[] = "Noto Sans, Noto Sans CJK SC";

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.10, 0.12, 0.16};
constexpr Rgb kMuted{0.38, 0.42, 0.48};
constexpr Rgb kRule{0.80, 0.83, 0.87};
// The chart series: meetings, events held, commitments made, done, cases shared (the UI uses the
// same).
constexpr Rgb kSeries[] = {{0.12, 0.38, 0.70},
                           {0.85, 0.47, 0.10},
                           {0.45, 0.45, 0.52},
                           {0.15, 0.58, 0.32},
                           {0.50, 0.30, 0.65}};
constexpr const char* kSeriesKeys[] = {"meetings", "events_held", "made", "done", "cases_shared"};
static_assert(std::size(kSeries) == std::size(kSeriesKeys));
// The sections of each partnership, in the order Drawer::Partnership draws them.
constexpr const char* kSections[] = {"legal",  "figures", "programmes", "charts", "narrative",
                                     "agreed", "done",    "events",     "overdue"};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  if (closure != nullptr) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  }
  return CAIRO_STATUS_SUCCESS;
}

// A translatable text in `lang`, else in its original language, else in any it has.
std::string TextIn(const json::value* text, std::string_view lang) {
  if (text == nullptr || !text->is_object()) return "";
  const json::object& values = text->as_object();
  auto in = [&](std::string_view code) -> std::optional<std::string> {
    const json::value* value = values.if_contains(code);
    if (value == nullptr || !value->is_string() || value->as_string().empty()) return std::nullopt;
    return std::string(value->as_string());
  };
  if (auto value = in(lang)) return *value;
  if (const json::value* original = values.if_contains("original");
      original != nullptr && original->is_string()) {
    if (auto value = in(original->as_string())) return *value;
  }
  for (const char* code : {"tr", "zh", "en"}) {
    if (auto value = in(code)) return *value;
  }
  return "";
}

std::string StringOf(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

long long IntOf(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_int64() ? value->as_int64() : 0;
}

const json::array& ArrayOf(const json::object& object, std::string_view key) {
  static const json::array kEmpty;
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_array() ? value->as_array() : kEmpty;
}

std::string Percent(double share, std::string_view lang) {
  const std::string number = std::to_string(static_cast<int>(std::lround(share * 100)));
  return lang == "tr" ? "%" + number : number + "%";
}

std::string AreaName(std::string_view code, std::string_view lang) {
  const domain::Area* area = domain::FindArea(code);
  if (area == nullptr) return std::string(code);
  return std::string(lang == "tr" ? area->tr : lang == "zh" ? area->zh : area->en);
}

// An entry of the contents: a section's heading and where it starts.
struct Entry {
  std::string title;
  int level = 1;  // 0: a partnership (when the report holds several), 1: a section
  int page = 0;
  std::string dest;
};

// The layouts of the first pass, kept for the second: shaping the text (HarfBuzz, Pango) is
// most of the time, and both passes lay out the same texts in the same order.
class Layouts {
 public:
  Layouts() = default;
  Layouts(const Layouts&) = delete;
  Layouts& operator=(const Layouts&) = delete;
  ~Layouts() {
    for (PangoLayout* layout : layouts_) g_object_unref(layout);
  }
  void Keep(PangoLayout* layout) { layouts_.push_back(PANGO_LAYOUT(g_object_ref(layout))); }
  // The next layout kept (a new reference), or null when they have all been taken.
  PangoLayout* Next() {
    if (next_ >= layouts_.size()) return nullptr;
    return PANGO_LAYOUT(g_object_ref(layouts_[next_++]));
  }

 private:
  std::vector<PangoLayout*> layouts_;
  size_t next_ = 0;
};

// One pass over the report: lays out every line and, when `draw`, draws it. The first pass
// (`draw` false) keeps its layouts in `layouts`; the second takes them from there.
class Drawer {
 public:
  Drawer(cairo_surface_t* surface, bool draw, std::string lang, std::optional<std::string> second,
         const std::vector<Entry>* known, int total_pages, Layouts& layouts)
      : surface_(surface),
        cr_(cairo_create(surface)),
        draw_(draw),
        lang_(std::move(lang)),
        second_(std::move(second)),
        known_(known),
        total_pages_(total_pages),
        layouts_(layouts) {
    contexts_[0] = Context(lang_);
    contexts_[1] = Context(second_.value_or(lang_));
  }
  ~Drawer() {
    for (PangoContext* context : contexts_) g_object_unref(context);
    cairo_destroy(cr_);
  }
  Drawer(const Drawer&) = delete;
  Drawer& operator=(const Drawer&) = delete;

  const std::vector<Entry>& entries() const { return entries_; }
  int page() const { return page_; }

  void Run(const json::object& report) {
    const json::array& partnerships = ArrayOf(report, "partnerships");
    year_ = std::to_string(IntOf(report, "year"));
    title_ = Both("title") + " " + year_;
    Cover(report, partnerships);
    for (const json::value& item : partnerships) {
      NewPage();
      Partnership(item.as_object(), partnerships.size() > 1);
    }
    Finish();
  }

 private:
  PangoContext* Context(const std::string& lang) {
    PangoContext* context = pango_cairo_create_context(cr_);
    // The language picks Chinese glyph forms and the rules Pango breaks lines by.
    pango_context_set_language(context,
                               pango_language_from_string(lang == "zh" ? "zh-cn" : lang.c_str()));
    return context;
  }

  using LayoutPtr = std::unique_ptr<PangoLayout, void (*)(void*)>;

  // A layout of `text`, `width` points wide, at `size` points: the first pass makes it (and keeps
  // it), the second takes the one the first made at the same point of the report.
  LayoutPtr Layout(const std::string& text, double width, double size, bool bold = false,
                   int language = 0) {
    if (draw_) {
      // The same text as the first pass at this point, or (never expected) a layout made anew.
      if (LayoutPtr kept{layouts_.Next(), g_object_unref};
          kept && text == pango_layout_get_text(kept.get())) {
        return kept;
      }
    }
    LayoutPtr layout = Transient(text, width, size, bold, language);
    if (!draw_) layouts_.Keep(layout.get());
    return layout;
  }

  // A layout made in this pass only: for what the passes lay out differently (page numbers) or
  // only the second lays out (footers, the charts' labels).
  LayoutPtr Transient(const std::string& text, double width, double size, bool bold = false,
                      int language = 0) {
    PangoLayout* layout = pango_layout_new(contexts_[language]);
    PangoFontDescription* font = pango_font_description_from_string(kFamily);
    pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    return {layout, g_object_unref};
  }

  struct Column {
    PangoLayout* layout;
    double x;
    Rgb color;
  };

  // Draws the columns' lines side by side from y_, a row of lines at a time, starting a new page
  // whenever the next row would pass the bottom margin.
  void Flow(const std::vector<Column>& columns, double after = 0) {
    int rows = 0;
    for (const Column& column : columns) {
      rows = std::max(rows, pango_layout_get_line_count(column.layout));
    }
    for (int row = 0; row < rows; ++row) {
      double ascent = 0, height = 0;
      for (const Column& column : columns) {
        if (row >= pango_layout_get_line_count(column.layout)) continue;
        PangoRectangle logical;
        pango_layout_line_get_extents(pango_layout_get_line_readonly(column.layout, row), nullptr,
                                      &logical);
        ascent = std::max(ascent, -static_cast<double>(logical.y) / PANGO_SCALE);
        height = std::max(height, static_cast<double>(logical.height) / PANGO_SCALE);
      }
      if (y_ + height > kBottom) NewPage();
      if (draw_) {
        for (const Column& column : columns) {
          if (row >= pango_layout_get_line_count(column.layout)) continue;
          cairo_set_source_rgb(cr_, column.color.r, column.color.g, column.color.b);
          cairo_move_to(cr_, column.x, y_ + ascent);
          pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(column.layout, row));
        }
      }
      y_ += height;
    }
    y_ += after;
  }

  void Text(const std::string& text, double size = 10, Rgb color = kInk, bool bold = false,
            double after = 4, double indent = 0) {
    auto layout = Layout(text, kWidth - indent, size, bold);
    Flow({{layout.get(), kMargin + indent, color}}, after);
  }

  // A translatable text in the report's language, and beside it in the second one.
  void Translatable(const json::value* text, double size = 10, double after = 4,
                    double indent = 0) {
    const double width = kWidth - indent;
    if (!second_) {
      Text(TextIn(text, lang_), size, kInk, false, after, indent);
      return;
    }
    const double half = (width - kGap) / 2;
    auto left = Layout(TextIn(text, lang_), half, size, false, 0);
    auto right = Layout(TextIn(text, *second_), half, size, false, 1);
    Flow(
        {{left.get(), kMargin + indent, kInk}, {right.get(), kMargin + indent + half + kGap, kInk}},
        after);
  }

  // A label in the report's language, with the second's after a slash.
  std::string Both(std::string_view key) const {
    std::string text(Label(key, lang_));
    if (second_ && *second_ != lang_) (text += " / ") += Label(key, *second_);
    return text;
  }

  void Ensure(double height) {
    if (y_ + height > kBottom) NewPage();
  }

  void Rule() {
    if (draw_) {
      cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
      cairo_set_line_width(cr_, 0.6);
      cairo_move_to(cr_, kMargin, y_);
      cairo_line_to(cr_, kMargin + kWidth, y_);
      cairo_stroke(cr_);
    }
    y_ += 6;
  }

  void Heading(const std::string& title, int level) {
    Ensure(level == 0 ? 80 : 60);  // never a heading alone at the foot of a page
    if (level == 1) y_ += 10;
    const std::string dest = "s" + std::to_string(entries_.size());
    entries_.push_back({title, level, page_, dest});
    if (draw_) {
      const std::string attributes = "name='" + dest + "'";
      cairo_tag_begin(cr_, CAIRO_TAG_DEST, attributes.c_str());
      cairo_tag_end(cr_, CAIRO_TAG_DEST);
      const int parent =
          level == 0 || outline_parent_ == 0 ? CAIRO_PDF_OUTLINE_ROOT : outline_parent_;
      const std::string link = "dest='" + dest + "'";
      const int id = cairo_pdf_surface_add_outline(surface_, parent, title.c_str(), link.c_str(),
                                                   CAIRO_PDF_OUTLINE_FLAG_OPEN);
      if (level == 0) outline_parent_ = id;
    }
    Text(title, level == 0 ? 16 : 13, kInk, true, 2);
    Rule();
  }

  void NewPage() {
    if (page_ > 0) EndPage();
    ++page_;
    y_ = kMargin;
  }

  void EndPage() {
    if (draw_) {
      std::string footer = title_ + " · " + std::string(Label("page", lang_)) + " " +
                           std::to_string(page_) + " / " + std::to_string(total_pages_);
      auto layout = Transient(footer, kWidth, 8);
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
      cairo_set_source_rgb(cr_, kMuted.r, kMuted.g, kMuted.b);
      cairo_move_to(cr_, kMargin, kPageHeight - 40);
      pango_cairo_show_layout(cr_, layout.get());
    }
    cairo_show_page(cr_);
  }

  void Finish() {
    EndPage();
    if (cairo_status(cr_) != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr_)));
    }
  }

  std::string PartnershipName(const json::object& partnership) const {
    const json::object& about = partnership.at("partnership").as_object();
    return TextIn(about.if_contains("home_city"), lang_) + " – " +
           TextIn(about.if_contains("partner_city"), lang_);
  }

  void Cover(const json::object& report, const json::array& partnerships) {
    NewPage();
    y_ = kMargin + 40;
    Text(std::string(Label("title", lang_)), 24, kInk, true, 2);
    if (second_) Text(std::string(Label("title", *second_)), 16, kMuted, true, 6);
    Text(year_, 30, kInk, true, 10);
    if (partnerships.size() == 1) {
      Text(PartnershipName(partnerships[0].as_object()), 15, kInk, false, 4);
    } else {
      Text(Both("all_partnerships"), 15, kInk, false, 4);
    }
    Text(Both("generated") + ": " + StringOf(report, "today") + " · " + Both("cut_off") + ": " +
             StringOf(report, "cut_off"),
         9, kMuted, false, 24);
    Text(Both("contents"), 13, kInk, true, 4);
    Rule();
    // The entries of the first pass, with the pages they found; the first pass lists the same
    // titles without pages, so the contents take the same room (and pages) in both.
    std::vector<Entry> planned;
    if (known_ != nullptr) {
      planned = *known_;
    } else {
      for (const json::value& item : partnerships) {
        if (partnerships.size() > 1)
          planned.push_back({PartnershipName(item.as_object()), 0, 0, ""});
        for (const char* section : kSections) {
          planned.push_back({Both(std::string("section.") + section), 1, 0, ""});
        }
      }
    }
    for (const Entry& entry : planned) {
      const double indent = entry.level == 0 ? 0 : 14;
      auto title = Layout(entry.title, kWidth - indent - 40, 10, entry.level == 0);
      auto number = Transient(std::to_string(entry.page), 40, 10);
      pango_layout_set_alignment(number.get(), PANGO_ALIGN_RIGHT);
      const std::string link = "dest='" + entry.dest + "'";
      if (draw_) cairo_tag_begin(cr_, CAIRO_TAG_LINK, link.c_str());
      Flow({{title.get(), kMargin + indent, kInk}, {number.get(), kMargin + kWidth - 40, kInk}}, 3);
      if (draw_) cairo_tag_end(cr_, CAIRO_TAG_LINK);
    }
  }

  void Partnership(const json::object& section, bool several) {
    if (several) Heading(PartnershipName(section), 0);
    const json::object& about = section.at("partnership").as_object();
    if (!several) Text(PartnershipName(section), 16, kInk, true, 2);
    Text(std::string(Label("tier." + StringOf(about, "tier"), lang_)) + " · " +
             std::string(Label("since", lang_)) + ": " + StringOf(about, "since"),
         9, kMuted, false, 6);

    Heading(Both("section.legal"), 1);
    LegalSteps(ArrayOf(section, "legal_steps"));
    Heading(Both("section.figures"), 1);
    Figures(section);
    Heading(Both("section.programmes"), 1);
    Programmes(section);
    Heading(Both("section.charts"), 1);
    ActivityChart(ArrayOf(section, "activity"));
    AreaChart(ArrayOf(section, "by_area"));
    Heading(Both("section.narrative"), 1);
    const json::value* narrative = section.if_contains("narrative");
    if (narrative != nullptr && narrative->is_object()) {
      Translatable(narrative, 10.5, 6);
    } else {
      Text(Both("narrative.none"), 10, kMuted);
    }
    Heading(Both("section.agreed"), 1);
    Commitments(ArrayOf(section, "agreed"), false, false);
    Heading(Both("section.done"), 1);
    Commitments(ArrayOf(section, "done"), true, false);
    Heading(Both("section.events"), 1);
    Occasions(ArrayOf(section, "events"), "event_kind.");
    Occasions(ArrayOf(section, "meetings"), "meeting_kind.");
    Heading(Both("section.overdue"), 1);
    Commitments(ArrayOf(section, "overdue"), false, true);
  }

  void None() { Text(Both("none"), 10, kMuted); }

  void LegalSteps(const json::array& steps) {
    if (steps.empty()) return None();
    for (const json::value& item : steps) {
      const json::object& step = item.as_object();
      const std::string kind = StringOf(step, "kind");
      std::string when = StringOf(step, "date");
      if (when.empty()) when = Label("step.missing", lang_);
      if (const std::string reference = StringOf(step, "reference"); !reference.empty()) {
        when += " · " + reference;
      }
      std::string name = Both("milestone." + kind);
      if (step.if_contains("required") && step.at("required").as_bool()) {
        name += " (" + std::string(Label("step.required", lang_)) + ")";
      }
      auto left = Layout(name, kWidth * 0.45, 10, true);
      auto right = Layout(when, kWidth * 0.55 - kGap, 10);
      Flow({{left.get(), kMargin, kInk}, {right.get(), kMargin + kWidth * 0.45 + kGap, kInk}}, 1);
      std::string documents;
      for (const json::value& file : ArrayOf(step, "documents")) {
        if (!documents.empty()) documents += ", ";
        documents += StringOf(file.as_object(), "name");
      }
      if (!documents.empty()) {
        Text(std::string(Label("documents", lang_)) + ": " + documents, 9, kMuted, false, 4, 14);
      } else {
        y_ += 4;
      }
    }
  }

  // One line: a label on the left, a figure on the right.
  void FigureLine(const std::string& text, const std::string& value) {
    auto label = Layout(text, kWidth - 160, 10);
    auto number = Layout(value, 160, 10, true);
    pango_layout_set_alignment(number.get(), PANGO_ALIGN_RIGHT);
    Flow({{label.get(), kMargin, kInk}, {number.get(), kMargin + kWidth - 160, kInk}}, 2);
  }

  // The student exchange of the academic year and the export fairs' results (issues 20, 21).
  void Programmes(const json::object& section) {
    const json::value* programmes = section.if_contains("programmes");
    if (programmes == nullptr || !programmes->is_object()) return None();
    const json::object& exchange = programmes->at("exchange").as_object();
    Text(Fill(Both("programme.exchange"), "year", StringOf(exchange, "academic_year")) + " — " +
             Fill(std::string(Label("programme.agreements", lang_)), "n",
                  std::to_string(IntOf(exchange, "agreements"))),
         10.5, kInk, true, 4);
    const auto figure = [](const json::object& row, std::string_view key) {
      const json::value* value = row.if_contains(key);
      return value != nullptr && value->is_number() ? std::to_string(value->to_number<long long>())
                                                    : std::string("–");
    };
    for (const json::value& item : exchange.at("directions").as_array()) {
      const json::object& row = item.as_object();
      std::string values;
      for (const char* key : {"seats", "applications", "allocated", "accepted", "declined"}) {
        if (!values.empty()) values += " / ";
        values += figure(row, key);
      }
      FigureLine(std::string(Label("direction." + StringOf(row, "direction"), lang_)), values);
    }
    Text(Both("programme.exchangeColumns"), 8.5, kMuted, false, 6);
    const json::object& trade = programmes->at("trade").as_object();
    Text(Both("programme.trade"), 10.5, kInk, true, 4);
    FigureLine(std::string(Label("programme.exhibitors", lang_)), figure(trade, "exhibitors"));
    FigureLine(std::string(Label("programme.meetings", lang_)),
               figure(trade, "meetings_scheduled"));
    const json::object& leads = trade.at("leads").as_object();
    FigureLine(std::string(Label("programme.leads", lang_)), figure(leads, "total"));
    std::string deals;
    for (const json::value& item : trade.at("deals").as_array()) {
      const json::object& deal = item.as_object();
      if (!deals.empty()) deals += " · ";
      deals += StringOf(deal, "amount") + " " + StringOf(deal, "currency") + " (" +
               figure(deal, "count") + ")";
    }
    FigureLine(std::string(Label("programme.deals", lang_)), deals.empty() ? "–" : deals);
    y_ += 4;
  }

  void Figures(const json::object& section) {
    const json::object& figures = section.at("figures").as_object();
    for (const char* key : {"meetings", "events_held", "made", "done", "done_with_evidence",
                            "dropped", "overdue", "cases_shared", "follow_through"}) {
      std::string value;
      if (std::string_view(key) == "follow_through") {
        const json::value& share = figures.at(key);
        value = share.is_number() ? Percent(share.to_number<double>(), lang_) : "–";
      } else {
        value = std::to_string(IntOf(figures, key));
      }
      auto label = Layout(Both(std::string("figure.") + key), kWidth - 80, 10);
      auto number = Layout(value, 80, 10, true);
      pango_layout_set_alignment(number.get(), PANGO_ALIGN_RIGHT);
      Flow({{label.get(), kMargin, kInk}, {number.get(), kMargin + kWidth - 80, kInk}}, 2);
    }
    const json::object& health = section.at("health").as_object();
    std::string reason(Label("health.reason." + StringOf(health, "reason"), lang_));
    reason = Fill(reason, "n", std::to_string(IntOf(health, "months_without_contact")));
    reason = Fill(reason, "open", std::to_string(IntOf(health, "open")));
    reason = Fill(reason, "overdue", std::to_string(IntOf(health, "overdue")));
    y_ += 4;
    Text(Both("health.title") + ": " +
             std::string(Label("health." + StringOf(health, "state"), lang_)) + " — " + reason,
         10.5, kInk, true, 6);
  }

  // The series' colours and names from (x, y), on as many lines as the page's width needs;
  // returns the height used.
  double Legend(double x, double y) {
    const double line = 12, left = x;
    double top = y;
    for (size_t series = 0; series < std::size(kSeriesKeys); ++series) {
      auto label =
          Layout(std::string(Label(std::string("figure.") + kSeriesKeys[series], lang_)), 160, 8);
      int width = 0;
      pango_layout_get_size(label.get(), &width, nullptr);
      const double item = 11 + static_cast<double>(width) / PANGO_SCALE;
      if (x > left && x + item > kMargin + kWidth) {
        x = left;
        top += line;
      }
      if (draw_) {
        cairo_set_source_rgb(cr_, kSeries[series].r, kSeries[series].g, kSeries[series].b);
        cairo_rectangle(cr_, x, top + 2, 8, 8);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, kInk.r, kInk.g, kInk.b);
        cairo_move_to(cr_, x + 11, top);
        pango_cairo_show_layout(cr_, label.get());
      }
      x += item + 14;
    }
    return top - y + line;
  }

  // Grouped bars: per year, meetings, events held, commitments made, done and cases shared.
  void ActivityChart(const json::array& years) {
    const double height = 150, label_room = 16, legend_room = 30;  // room for two lines
    Ensure(height + label_room + legend_room + 24);
    Text(Both("chart.activity"), 10, kInk, true, 4);
    y_ += Legend(kMargin, y_) + 6;
    long long most = 1;
    for (const json::value& year : years) {
      for (const char* key : kSeriesKeys) most = std::max(most, IntOf(year.as_object(), key));
    }
    const double axis = 28;  // room for the numbers on the left
    const double top = y_, base = y_ + height, left = kMargin + axis;
    const double plot = kWidth - axis;
    if (draw_) {
      cairo_set_line_width(cr_, 0.5);
      for (int tick = 0; tick <= 4; ++tick) {
        const double value = static_cast<double>(most) * tick / 4;
        const double y = base - height * tick / 4;
        cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
        cairo_move_to(cr_, left, y);
        cairo_line_to(cr_, left + plot, y);
        cairo_stroke(cr_);
        char number[32];
        std::snprintf(number, sizeof number, most < 8 ? "%.1f" : "%.0f", value);
        auto label = Transient(number, axis - 4, 7);
        pango_layout_set_alignment(label.get(), PANGO_ALIGN_RIGHT);
        cairo_set_source_rgb(cr_, kMuted.r, kMuted.g, kMuted.b);
        cairo_move_to(cr_, kMargin, y - 5);
        pango_cairo_show_layout(cr_, label.get());
      }
    }
    const double slot = years.empty() ? plot : plot / static_cast<double>(years.size());
    constexpr double kBars = std::size(kSeriesKeys);
    const double bar = std::min(14.0, slot * 0.8 / kBars);
    for (size_t index = 0; index < years.size(); ++index) {
      const json::object& year = years[index].as_object();
      const double start = left + slot * static_cast<double>(index) + (slot - bar * kBars) / 2;
      if (!draw_) continue;
      for (size_t series = 0; series < std::size(kSeriesKeys); ++series) {
        const double value = static_cast<double>(IntOf(year, kSeriesKeys[series]));
        const double bar_height = height * value / static_cast<double>(most);
        cairo_set_source_rgb(cr_, kSeries[series].r, kSeries[series].g, kSeries[series].b);
        cairo_rectangle(cr_, start + bar * static_cast<double>(series), base - bar_height, bar - 1,
                        bar_height);
        cairo_fill(cr_);
      }
      auto label = Transient(std::to_string(IntOf(year, "year")), slot, 7.5);
      pango_layout_set_alignment(label.get(), PANGO_ALIGN_CENTER);
      cairo_set_source_rgb(cr_, kInk.r, kInk.g, kInk.b);
      cairo_move_to(cr_, left + slot * static_cast<double>(index), base + 3);
      pango_cairo_show_layout(cr_, label.get());
    }
    (void)top;
    y_ = base + label_room + 12;
  }

  // Horizontal bars: per area, done ÷ made past proposed, with the counts.
  void AreaChart(const json::array& areas) {
    Ensure(40);
    Text(Both("chart.by_area"), 10, kInk, true, 6);
    if (areas.empty()) return None();
    const double name_width = 150, value_width = 90;
    const double bar_width = kWidth - name_width - value_width - 12;
    for (const json::value& item : areas) {
      const json::object& area = item.as_object();
      const json::value& share = area.at("follow_through");
      const double ratio = share.is_number() ? share.to_number<double>() : 0;
      auto name = Layout(AreaName(StringOf(area, "area"), lang_), name_width - 6, 9);
      const std::string value = (share.is_number() ? Percent(ratio, lang_) : "–") + " (" +
                                std::to_string(IntOf(area, "done")) + "/" +
                                std::to_string(IntOf(area, "left_proposed")) + ")";
      auto number = Layout(value, value_width, 9);
      Ensure(16);
      if (draw_) {
        const double x = kMargin + name_width;
        cairo_set_source_rgb(cr_, 0.92, 0.93, 0.95);
        cairo_rectangle(cr_, x, y_ + 2, bar_width, 10);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, kSeries[3].r, kSeries[3].g, kSeries[3].b);
        cairo_rectangle(cr_, x, y_ + 2, bar_width * std::clamp(ratio, 0.0, 1.0), 10);
        cairo_fill(cr_);
      }
      Flow({{name.get(), kMargin, kInk}, {number.get(), kMargin + kWidth - value_width, kInk}}, 4);
    }
  }

  void Commitments(const json::array& commitments, bool evidence, bool overdue) {
    if (commitments.empty()) return None();
    for (const json::value& item : commitments) {
      const json::object& commitment = item.as_object();
      Ensure(36);
      std::string meta = AreaName(StringOf(commitment, "area"), lang_) + " · " +
                         std::string(Label("status." + StringOf(commitment, "status"), lang_));
      if (const std::string due = StringOf(commitment, "due_date"); !due.empty()) {
        meta += " · " + std::string(Label("due", lang_)) + " " + due;
      }
      if (const std::string done = StringOf(commitment, "done_at"); !done.empty()) {
        meta += " · " + std::string(Label("done_on", lang_)) + " " + done;
      }
      if (overdue) {
        meta += " · " + std::to_string(IntOf(commitment, "days_overdue")) + " " +
                std::string(Label("days_late", lang_));
      }
      Text(meta, 8.5, kMuted, false, 1);
      Translatable(commitment.if_contains("text"), 10, 2);
      if (evidence) Evidence(commitment.at("evidence").as_object());
      if (overdue) {
        std::string why = StringOf(commitment, "why");
        if (why.empty()) {
          why = Label("why.none", lang_);
        } else if (const std::string at = StringOf(commitment, "why_at"); !at.empty()) {
          why += " (" + at + ")";
        }
        Text(std::string(Label("why", lang_)) + ": " + why, 9, kInk, false, 2, 14);
      }
      y_ += 6;
    }
  }

  void Evidence(const json::object& evidence) {
    std::vector<std::string> parts;
    const json::array& files = ArrayOf(evidence, "files");
    if (!files.empty()) {
      std::string names;
      for (const json::value& file : files) {
        if (!names.empty()) names += ", ";
        names += StringOf(file.as_object(), "name");
      }
      parts.push_back(std::to_string(files.size()) + " " +
                      std::string(Label("evidence.files", lang_)) + " (" + names + ")");
    }
    if (const long long links = IntOf(evidence, "links"); links > 0) {
      parts.push_back(std::to_string(links) + " " + std::string(Label("evidence.links", lang_)));
    }
    if (const long long held = IntOf(evidence, "held_events"); held > 0) {
      parts.push_back(std::to_string(held) + " " + std::string(Label("evidence.events", lang_)));
    }
    std::string line = std::string(Label("evidence", lang_)) + ": ";
    if (parts.empty()) line += Label("evidence.none", lang_);
    for (size_t i = 0; i < parts.size(); ++i) line += (i > 0 ? ", " : "") + parts[i];
    Text(line, 9, kInk, false, 2, 14);
  }

  void Occasions(const json::array& occasions, const std::string& kind_prefix) {
    if (occasions.empty()) return;
    for (const json::value& item : occasions) {
      const json::object& occasion = item.as_object();
      Ensure(30);
      Text(StringOf(occasion, "local_date") + " · " +
               std::string(Label(kind_prefix + StringOf(occasion, "kind"), lang_)),
           8.5, kMuted, false, 1);
      Translatable(occasion.if_contains("title"), 10, 6);
    }
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  bool draw_;
  std::string lang_;
  std::optional<std::string> second_;
  const std::vector<Entry>* known_;
  int total_pages_;
  Layouts& layouts_;
  PangoContext* contexts_[2] = {nullptr, nullptr};
  std::vector<Entry> entries_;
  int page_ = 0;
  double y_ = kMargin;
  int outline_parent_ = 0;
  std::string year_;
  std::string title_;
};

}  // namespace

std::string CouncilReportPdf(const json::object& report) {
  std::string lang = StringOf(report, "lang");
  if (lang.empty()) lang = "en";
  std::optional<std::string> second;
  if (std::string value = StringOf(report, "second"); !value.empty() && value != lang) {
    second = value;
  }
  // First pass: where each section starts and how many pages there are, drawing nothing.
  std::vector<Entry> entries;
  int pages = 0;
  Layouts layouts;
  {
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(Append, nullptr, kPageWidth, kPageHeight);
    {
      Drawer drawer(surface, false, lang, second, nullptr, 0, layouts);
      drawer.Run(report);
      entries = drawer.entries();
      pages = drawer.page();
    }
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
  }
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(Append, &bytes, kPageWidth, kPageHeight);
  const std::string title =
      std::string(Label("title", lang)) + " " + std::to_string(IntOf(report, "year"));
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Amity");
  {
    Drawer drawer(surface, true, lang, second, &entries, pages, layouts);
    drawer.Run(report);
  }
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(status));
  }
  return bytes;
}

}  // namespace amity::report
