// Pictures of the demo catalogue's products, drawn here with Cairo (no copied photographs): a
// simple still life per kind of goods — dried fruit in a crate, a bottle, a jar, stone slabs,
// folded cloth, a machine, a fish, tiles — on the colour of the product, with its name in
// Chinese and English, uploaded to each product through the API's resumable uploads.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "cli/demo.h"

namespace amity::cli {
namespace {

enum class Motif { kFruit, kBottle, kJar, kSlabs, kCloth, kMachine, kFish, kTiles };

struct Picture {
  const char* product_ref;
  Motif motif;
  double r, g, b;  // the goods' colour
  const char* caption;
};

constexpr Picture kPictures[] = {
    {"pr_dried_figs", Motif::kFruit, 0.55, 0.38, 0.20, "无花果干 · Dried figs"},
    {"pr_fig_paste", Motif::kJar, 0.45, 0.28, 0.16, "无花果酱 · Fig paste"},
    {"pr_organic_figs", Motif::kFruit, 0.62, 0.45, 0.25, "有机无花果干 · Organic dried figs"},
    {"pr_sultanas", Motif::kFruit, 0.78, 0.58, 0.22, "无核葡萄干 · Sultana raisins"},
    {"pr_organic_raisins", Motif::kFruit, 0.42, 0.25, 0.18, "有机葡萄干 · Organic raisins"},
    {"pr_evoo", Motif::kBottle, 0.45, 0.55, 0.12, "特级初榨橄榄油 · Extra virgin olive oil"},
    {"pr_evoo_bulk", Motif::kBottle, 0.52, 0.58, 0.15, "散装橄榄油 · Olive oil in bulk"},
    {"pr_organic_oil_tin", Motif::kJar, 0.40, 0.52, 0.16, "有机橄榄油 · Organic olive oil"},
    {"pr_green_olives", Motif::kFruit, 0.45, 0.55, 0.20, "青橄榄 · Green olives"},
    {"pr_black_olives", Motif::kFruit, 0.18, 0.15, 0.18, "黑橄榄 · Black olives"},
    {"pr_marble_slabs", Motif::kSlabs, 0.90, 0.85, 0.74, "大理石板 · Marble slabs"},
    {"pr_marble_blocks", Motif::kSlabs, 0.82, 0.80, 0.76, "大理石荒料 · Marble blocks"},
    {"pr_travertine", Motif::kTiles, 0.86, 0.76, 0.60, "洞石地砖 · Travertine tiles"},
    {"pr_towels", Motif::kCloth, 0.30, 0.55, 0.70, "纯棉毛巾 · Cotton towels"},
    {"pr_bed_linen", Motif::kCloth, 0.92, 0.90, 0.86, "纯棉床品 · Bed linen"},
    {"pr_tshirts", Motif::kCloth, 0.80, 0.30, 0.25, "有机棉 T 恤 · Organic T-shirts"},
    {"pr_fig_line", Motif::kMachine, 0.55, 0.60, 0.66, "无花果加工线 · Fig processing line"},
    {"pr_filling_machine", Motif::kMachine, 0.40, 0.50, 0.62, "灌装机 · Filling machine"},
    {"pr_ball_valves", Motif::kMachine, 0.70, 0.72, 0.75, "不锈钢球阀 · Ball valves"},
    {"pr_pine_honey", Motif::kJar, 0.62, 0.36, 0.08, "松树蜜 · Pine honey"},
    {"pr_lokum", Motif::kTiles, 0.92, 0.60, 0.70, "土耳其软糖 · Turkish delight"},
    {"pr_thyme", Motif::kFruit, 0.35, 0.45, 0.25, "干百里香 · Dried thyme"},
    {"pr_mandarins", Motif::kFruit, 0.95, 0.55, 0.10, "萨摩蜜橘 · Satsuma mandarins"},
    {"pr_pomegranate_juice", Motif::kBottle, 0.60, 0.08, 0.15, "石榴汁 · Pomegranate juice"},
    {"pr_wall_tiles", Motif::kTiles, 0.15, 0.40, 0.70, "釉面墙砖 · Wall tiles"},
    {"pr_olive_soap", Motif::kSlabs, 0.70, 0.75, 0.45, "橄榄油皂 · Olive oil soap"},
    {"pr_sea_bream", Motif::kFish, 0.70, 0.74, 0.78, "鲜鲷鱼 · Sea bream"},
    {"pr_tomato_paste", Motif::kJar, 0.78, 0.12, 0.08, "番茄酱 · Tomato paste"},
    {"pr_pepper_flakes", Motif::kFruit, 0.70, 0.15, 0.08, "辣椒碎 · Pepper flakes"},
    {"pr_office_desk", Motif::kSlabs, 0.42, 0.28, 0.18, "办公桌 · Office desk"},
};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void Caption(cairo_t* cr, const char* text, double width, double height) {
  cairo_set_source_rgba(cr, 0.1, 0.1, 0.12, 0.72);
  cairo_rectangle(cr, 0, height - 56, width, 56);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 18");
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, text, -1);
  cairo_move_to(cr, 24, height - 44);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

void Draw(cairo_t* cr, const Picture& p, double w, double h) {
  // A light background of the goods' colour, and a table edge.
  cairo_set_source_rgb(cr, 0.55 + 0.45 * p.r, 0.55 + 0.45 * p.g, 0.55 + 0.45 * p.b);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.80, 0.74, 0.66);
  cairo_rectangle(cr, 0, h * 0.68, w, h * 0.32);
  cairo_fill(cr);
  const auto goods = [&](double shade) {
    cairo_set_source_rgb(cr, p.r * shade, p.g * shade, p.b * shade);
  };
  switch (p.motif) {
    case Motif::kFruit:  // a wooden crate heaped with fruit
      cairo_set_source_rgb(cr, 0.62, 0.44, 0.26);
      cairo_rectangle(cr, 140, 250, 360, 130);
      cairo_fill(cr);
      for (int i = 0; i < 40; ++i) {
        const double x = 160 + std::fmod(i * 53.0, 320), y = 215 + std::fmod(i * 37.0, 60);
        goods(0.8 + 0.2 * std::sin(i));
        cairo_arc(cr, x, y, 22, 0, 2 * M_PI);
        cairo_fill(cr);
      }
      break;
    case Motif::kBottle:  // a bottle and a glass
      goods(1.0);
      cairo_rectangle(cr, 270, 150, 100, 230);
      cairo_fill(cr);
      cairo_rectangle(cr, 300, 90, 40, 70);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0.95, 0.93, 0.85);
      cairo_rectangle(cr, 280, 230, 80, 70);  // the label
      cairo_fill(cr);
      goods(0.7);
      cairo_rectangle(cr, 420, 300, 50, 80);
      cairo_fill(cr);
      break;
    case Motif::kJar:  // jars with lids
      for (int i = 0; i < 3; ++i) {
        const double x = 150 + i * 130;
        goods(0.85 + 0.1 * i);
        cairo_rectangle(cr, x, 230, 100, 150);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.85, 0.72, 0.25);
        cairo_rectangle(cr, x - 5, 210, 110, 26);
        cairo_fill(cr);
      }
      break;
    case Motif::kSlabs:  // stacked slabs with veins
      for (int i = 0; i < 4; ++i) {
        goods(1.0 - 0.07 * i);
        cairo_rectangle(cr, 130 + i * 12, 330 - i * 45, 380, 38);
        cairo_fill(cr);
        cairo_set_source_rgba(cr, 0.4, 0.4, 0.42, 0.5);
        cairo_set_line_width(cr, 2);
        cairo_move_to(cr, 150 + i * 12, 345 - i * 45);
        cairo_curve_to(cr, 250, 325 - i * 45, 350, 365 - i * 45, 490 + i * 12, 340 - i * 45);
        cairo_stroke(cr);
      }
      break;
    case Motif::kCloth:  // folded cloth in a pile, with stripes
      for (int i = 0; i < 4; ++i) {
        goods(1.0 - 0.08 * i);
        cairo_rectangle(cr, 170, 340 - i * 50, 300, 46);
        cairo_fill(cr);
        cairo_set_source_rgba(cr, 1, 1, 1, 0.6);
        cairo_rectangle(cr, 170, 356 - i * 50, 300, 6);
        cairo_fill(cr);
      }
      break;
    case Motif::kMachine: {  // a gear beside a machine body
      goods(1.0);
      cairo_rectangle(cr, 120, 200, 260, 180);
      cairo_fill(cr);
      goods(0.7);
      const double cx = 470, cy = 270, r = 70;
      for (int t = 0; t < 12; ++t) {
        const double a = t * M_PI / 6;
        cairo_save(cr);
        cairo_translate(cr, cx, cy);
        cairo_rotate(cr, a);
        cairo_rectangle(cr, r - 5, -12, 28, 24);
        cairo_fill(cr);
        cairo_restore(cr);
      }
      cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
      cairo_arc(cr, cx, cy, 22, 0, 2 * M_PI);
      cairo_fill(cr);
      break;
    }
    case Motif::kFish:  // fish on ice
      cairo_set_source_rgb(cr, 0.92, 0.96, 1.0);
      cairo_rectangle(cr, 110, 300, 420, 80);
      cairo_fill(cr);
      for (int i = 0; i < 3; ++i) {
        const double y = 230 + i * 40;
        goods(1.0 - 0.1 * i);
        cairo_save(cr);
        cairo_translate(cr, 320, y);
        cairo_scale(cr, 150, 40);
        cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
        cairo_restore(cr);
        cairo_fill(cr);
        cairo_move_to(cr, 460, y);
        cairo_line_to(cr, 510, y - 30);
        cairo_line_to(cr, 510, y + 30);
        cairo_close_path(cr);
        cairo_fill(cr);
      }
      break;
    case Motif::kTiles:  // a grid of tiles or sweets
      for (int row = 0; row < 4; ++row) {
        for (int col = 0; col < 6; ++col) {
          goods(0.8 + 0.2 * ((row + col) % 2));
          cairo_rectangle(cr, 130 + col * 64, 150 + row * 58, 58, 52);
          cairo_fill(cr);
        }
      }
      break;
  }
}

std::string Png(const Picture& picture) {
  const int width = 640, height = 480;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  Draw(cr, picture, width, height);
  Caption(cr, picture.caption, width, height);
  cairo_destroy(cr);
  std::string bytes;
  cairo_surface_write_to_png_stream(surface, Append, &bytes);
  cairo_surface_destroy(surface);
  return bytes;
}

}  // namespace

void LoadDemoProductPhotos(api::Api& api, const std::map<std::string, std::string>& ids) {
  int count = 0;
  for (const Picture& picture : kPictures) {
    const auto found = ids.find(picture.product_ref);
    if (found == ids.end()) {
      throw std::runtime_error(std::string("demo photos: unknown ref ") + picture.product_ref);
    }
    const std::string caption(picture.caption);
    UploadDemoFile(api, "products", found->second, "",
                   caption.substr(caption.find("· ") + 3) + " (drawing).png", Png(picture));
    ++count;
  }
  std::fprintf(stderr, "amity demo: %d product pictures\n", count);
}

}  // namespace amity::cli
