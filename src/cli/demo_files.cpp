// The demo's files, made here (Cairo and Pango; no copied material) and uploaded through the
// API's own resumable uploads: İzmir's council decision on its legal step, drawings of the Ice
// and Snow Festival, and a restoration report and drawings for the heritage cases.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "cli/demo.h"
#include "http/error.h"

namespace amity::cli {
namespace {

// Collects what Cairo writes.
cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lays out `markup` (Pango markup) at (x, y), `width` points wide; returns the height used.
double Paragraph(cairo_t* cr, const char* font, const std::string& markup, double x, double y,
                 double width) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* description = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, description);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup(layout, markup.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  int height = 0;
  pango_layout_get_size(layout, nullptr, &height);
  pango_font_description_free(description);
  g_object_unref(layout);
  return static_cast<double>(height) / PANGO_SCALE;
}

// An A4 PDF of `pages`, each a list of (font, markup) paragraphs.
using Page = std::vector<std::pair<const char*, std::string>>;
std::string Pdf(const std::vector<Page>& pages) {
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &bytes, 595, 842);
  cairo_t* cr = cairo_create(surface);
  for (const Page& page : pages) {
    double y = 64;
    for (const auto& [font, markup] : page) y += Paragraph(cr, font, markup, 64, y, 467) + 12;
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return bytes;
}

std::string Png(cairo_surface_t* surface) {
  std::string bytes;
  cairo_surface_write_to_png_stream(surface, Append, &bytes);
  return bytes;
}

// A night at the ice festival: a castle of lit ice blocks under a dark sky, snow falling.
std::string IceCastle(double hue_shift, const char* caption) {
  const int width = 960, height = 640;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_pattern_t* sky = cairo_pattern_create_linear(0, 0, 0, height);
  cairo_pattern_add_color_stop_rgb(sky, 0, 0.02, 0.04, 0.16);
  cairo_pattern_add_color_stop_rgb(sky, 1, 0.10, 0.18, 0.38);
  cairo_set_source(cr, sky);
  cairo_paint(cr);
  cairo_pattern_destroy(sky);
  cairo_set_source_rgb(cr, 0.90, 0.94, 1.0);  // snow on the ground
  cairo_rectangle(cr, 0, height * 0.82, width, height * 0.18);
  cairo_fill(cr);
  // Towers of ice blocks, lit from within.
  const double towers[][3] = {{140, 260, 110}, {330, 170, 140}, {520, 120, 170}, {720, 210, 130}};
  for (const auto& tower : towers) {
    const double x = tower[0], top = tower[1], w = tower[2];
    for (double y = top; y + 34 <= height * 0.82; y += 34) {
      for (double bx = x; bx < x + w; bx += 34) {
        const double glow = 0.5 + 0.5 * std::sin((bx + y) * 0.05 + hue_shift);
        cairo_set_source_rgba(cr, 0.35 + 0.3 * glow, 0.75 + 0.2 * glow, 1.0, 0.85);
        cairo_rectangle(cr, bx + 1, y + 1, 32, 32);
        cairo_fill(cr);
      }
    }
    cairo_set_source_rgba(cr, 0.6, 0.9, 1.0, 0.9);  // a pointed roof
    cairo_move_to(cr, x - 8, top);
    cairo_line_to(cr, x + w / 2, top - w * 0.6);
    cairo_line_to(cr, x + w + 8, top);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
  cairo_set_source_rgba(cr, 1, 1, 1, 0.8);  // falling snow
  for (int i = 0; i < 260; ++i) {
    const double x = std::fmod(i * 137.5 + hue_shift * 40, width);
    const double y = std::fmod(i * 89.3, height * 0.82);
    cairo_arc(cr, x, y, 1.5 + (i % 3), 0, 2 * M_PI);
    cairo_fill(cr);
  }
  cairo_set_source_rgba(cr, 0.02, 0.04, 0.16, 0.75);  // a band the caption reads on
  cairo_rectangle(cr, 0, height - 72, width, 72);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  Paragraph(cr, "Noto Sans CJK SC 20", caption, 32, height - 56, width - 64);
  cairo_destroy(cr);
  std::string png = Png(surface);
  cairo_surface_destroy(surface);
  return png;
}

// A street of arches and shop fronts in warm stone (the bazaar) or grey stone (Central Street).
std::string Arcade(bool warm, const char* caption) {
  const int width = 960, height = 640;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, warm ? 0.98 : 0.86, warm ? 0.90 : 0.90, warm ? 0.78 : 0.94);
  cairo_paint(cr);
  for (int i = 0; i < 6; ++i) {
    const double x = 40 + i * 150;
    cairo_set_source_rgb(cr, warm ? 0.80 : 0.62, warm ? 0.55 : 0.60, warm ? 0.36 : 0.58);
    cairo_rectangle(cr, x, 180, 130, 330);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.22, 0.16, 0.12);  // the opening under the arch
    cairo_move_to(cr, x + 20, 510);
    cairo_line_to(cr, x + 20, 300);
    cairo_arc(cr, x + 65, 300, 45, M_PI, 2 * M_PI);
    cairo_line_to(cr, x + 110, 510);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, warm ? 0.55 : 0.45, warm ? 0.45 : 0.45, warm ? 0.40 : 0.48);
  cairo_rectangle(cr, 0, 510, width, 130);  // the paved street
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  Paragraph(cr, "Noto Sans CJK SC 20", caption, 32, 40, width - 64);
  cairo_destroy(cr);
  std::string png = Png(surface);
  cairo_surface_destroy(surface);
  return png;
}

std::string CouncilDecision() {
  const char* body = "DejaVu Serif 11";
  return Pdf({{
      {"DejaVu Serif Bold 14",
       "T.C.\nİZMİR BÜYÜKŞEHİR BELEDİYE MECLİSİ\nKARAR ÖZETİ (DEMO BELGESİ)"},
      {body, "<b>Karar tarihi:</b> 4 Aralık 2026     <b>Karar no:</b> 2026/412"},
      {body,
       "<b>Konu:</b> Çin Halk Cumhuriyeti'nin Harbin şehri ile iş birliği görüşmelerine "
       "başlanması ve kardeş şehir ilişkisi kurulmasına yönelik hazırlıkların yürütülmesi."},
      {body,
       "Belediye Meclisi, 10 Kasım 2026 tarihinde Harbin Belediye Halk Kongresi Daimi Komitesi "
       "heyetiyle yapılan görüşmede ele alınan sekiz iş birliği önerisini (teknoloji ve yapay "
       "zekâ, Buz ve Kar Festivali, ortak spor ve müzik etkinlikleri, öğrenci değişimi, ihracat "
       "fuarı, tarihi yapıların korunması ve Kemeraltı restorasyon deneyiminin paylaşılması, "
       "eğitim ve kültür programları) değerlendirmiştir."},
      {body,
       "5393 sayılı Belediye Kanunu'nun 18. ve 74. maddeleri uyarınca, Harbin ile kardeş şehir "
       "ilişkisi kurulmasına ilişkin hazırlıkların Dış İlişkiler Şube Müdürlüğü tarafından "
       "yürütülmesine ve Çevre, Şehircilik ve İklim Değişikliği Bakanlığı'nın izninin "
       "istenmesine oy birliğiyle karar verilmiştir."},
      {"Noto Sans CJK SC 10",
       "中文摘要：伊兹密尔大都市市议会决定启动与哈尔滨市建立友好城市关系的筹备工作，"
       "并向土耳其环境、城市化与气候变化部申请许可。"},
      {"DejaVu Sans 8",
       "Bu belge Amity tanıtım verileri için üretilmiştir; gerçek bir meclis kararı değildir."},
  }});
}

std::string RestorationReport() {
  const char* body = "DejaVu Serif 11";
  return Pdf({
      {{"DejaVu Serif Bold 14", "Kemeraltı Tarihi Çarşısı — Restorasyon Raporu (demo)"},
       {body,
        "Kemeraltı restorasyon programı, çarşının tarihi hanlarını, sinagoglarını ve dükkân "
        "cephelerini özgün malzemeyle onarmayı, sokak dokusunu korumayı ve esnafın yerinde "
        "kalmasını amaçlar. Bu rapor, Harbin'in inceleme ziyaretine hazırlık olarak yöntemleri, "
        "finansman modelini ve öğrenilen dersleri özetler."},
       {body,
        "<b>Yöntem:</b> rölöve, restitüsyon ve restorasyon projeleri; koruma kurulu onayı; "
        "esnafla birlikte aşamalı uygulama. <b>Finansman:</b> belediye, kalkınma ajansı ve "
        "mülk sahiplerinin ortak katkısı."}},
      {{"Noto Sans CJK SC 12",
        "伊兹密尔凯梅尔阿尔特历史集市修复报告（演示）：采用原材料修复历史客栈和店铺立面，"
        "保护街巷肌理，让商户留在原地经营。"},
       {"DejaVu Sans 8", "Amity tanıtım verisi için üretilmiş belge."}},
  });
}

}  // namespace

void LoadDemoFiles(api::Api& api, const std::map<std::string, std::string>& ids) {
  const auto id = [&](const char* ref) {
    const auto found = ids.find(ref);
    if (found == ids.end()) throw std::runtime_error(std::string("demo files: unknown ref ") + ref);
    return found->second;
  };
  struct DemoFile {
    const char* holder;
    std::string holder_id;
    const char* milestone;
    const char* name;
    std::string bytes;
  };
  const std::vector<DemoFile> files = {
      {"partnerships", id("izmir_harbin"), "council_decision",
       "Meclis Kararı 2026-412 — Harbin ile iş birliği.pdf", CouncilDecision()},
      {"events", id("ice_festival"), nullptr, "Buz ve Kar Festivali — çizim 1.png",
       IceCastle(0.0, "哈尔滨冰雪大世界 · Harbin Buz ve Kar Festivali (çizim)")},
      {"events", id("ice_festival"), nullptr, "冰雪大世界夜景（示意图）.png",
       IceCastle(2.0, "冰雪大世界夜景 · Ice and Snow World at night (drawing)")},
      {"cases", id("case_kemeralti"), nullptr, "Kemeraltı Çarşısı (çizim).png",
       Arcade(true, "Kemeraltı Çarşısı · 凯梅尔阿尔特集市 (çizim / drawing)")},
      {"cases", id("case_kemeralti"), nullptr, "Kemeraltı restorasyon raporu.pdf",
       RestorationReport()},
      {"cases", id("case_central_street"), nullptr, "中央大街（示意图）.png",
       Arcade(false, "中央大街 · Central Street, Harbin (drawing)")},
  };
  for (const DemoFile& file : files) {
    UploadDemoFile(api, file.holder, file.holder_id, file.milestone ? file.milestone : "",
                   file.name, file.bytes);
  }
  std::fprintf(stderr, "amity demo: %zu files\n", files.size());
}

}  // namespace amity::cli
