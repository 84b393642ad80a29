#include "report/catalogue_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <stdexcept>

namespace amity::report {
namespace {

constexpr double kPageWidth = 595, kPageHeight = 842;  // A4 in points
constexpr double kMargin = 48;
constexpr double kBottom = kPageHeight - kMargin - 18;  // above the page number
constexpr double kPicture = 120;                        // a picture's width; 4:3
constexpr double kGap = 14;
// Noto Sans carries Latin with every Turkish letter; Noto Sans CJK SC the Chinese.
constexpr char kFamily[] = "Noto Sans, Noto Sans CJK SC";

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Reader {
  const std::string& bytes;
  size_t at = 0;
};
cairo_status_t Read(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<Reader*>(closure);
  if (reader->at + length > reader->bytes.size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->bytes.data() + reader->at, length, data);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

class Writer {
 public:
  explicit Writer(const Catalogue& catalogue) : catalogue_(catalogue) {
    surface_ = cairo_pdf_surface_create_for_stream(Append, &bytes_, kPageWidth, kPageHeight);
    cr_ = cairo_create(surface_);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, catalogue.title.c_str());
    language_ = pango_language_from_string(catalogue.lang == "zh"   ? "zh-cn"
                                           : catalogue.lang == "tr" ? "tr"
                                                                    : "en");
  }
  ~Writer() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  std::string Write() {
    y_ = kMargin;
    Paragraph(catalogue_.title, kPageWidth - 2 * kMargin, 22, true, kMargin);
    Paragraph(catalogue_.subtitle, kPageWidth - 2 * kMargin, 11, false, kMargin, 0.35);
    y_ += 12;
    bool first = true;
    for (const CatalogueSector& sector : catalogue_.sectors) {
      if (!first) NewPage();
      first = false;
      Paragraph(sector.title, kPageWidth - 2 * kMargin, 17, true, kMargin);
      cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
      cairo_rectangle(cr_, kMargin, y_, kPageWidth - 2 * kMargin, 1);
      cairo_fill(cr_);
      y_ += 8;
      for (const CatalogueChapter& chapter : sector.chapters) {
        if (y_ + 40 > kBottom) NewPage();
        Paragraph(chapter.title, kPageWidth - 2 * kMargin, 12, true, kMargin);
        y_ += 4;
        for (const CatalogueItem& item : chapter.items) Item(item);
        y_ += 6;
      }
    }
    Footer();
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error("catalogue PDF: cairo failed");
    }
    return std::move(bytes_);
  }

 private:
  PangoLayout* Layout(const std::string& text, double width, double size, bool bold) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    pango_context_set_language(pango_layout_get_context(layout), language_);
    pango_layout_context_changed(layout);
    PangoFontDescription* font = pango_font_description_from_string(kFamily);
    pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    return layout;
  }

  static double Height(PangoLayout* layout) {
    int height = 0;
    pango_layout_get_size(layout, nullptr, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  // Draws `text` at (x, y_) and moves y_ below it.
  void Paragraph(const std::string& text, double width, double size, bool bold, double x,
                 double grey = 0.1) {
    if (text.empty()) return;
    PangoLayout* layout = Layout(text, width, size, bold);
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, x, y_);
    pango_cairo_show_layout(cr_, layout);
    y_ += Height(layout) + 3;
    g_object_unref(layout);
  }

  void Item(const CatalogueItem& item) {
    const double text_x = kMargin + kPicture + kGap;
    const double text_width = kPageWidth - kMargin - text_x;
    // The description is clipped to what fits beside and below the picture's height.
    PangoLayout* description = Layout(item.description, text_width, 8.5, false);
    pango_layout_set_height(description, static_cast<int>(-4));  // at most 4 lines
    pango_layout_set_ellipsize(description, PANGO_ELLIPSIZE_END);
    const double needed = std::max(kPicture * 0.75, 64 + Height(description)) + 10;
    if (y_ + needed > kBottom) NewPage();
    const double top = y_;
    Picture(item.picture_png, kMargin, top);
    y_ = top;
    Paragraph(item.name, text_width, 11.5, true, text_x);
    Paragraph(item.company, text_width, 9, false, text_x, 0.3);
    Paragraph(item.codes, text_width, 9, false, text_x, 0.2);
    Paragraph(item.terms, text_width, 9, false, text_x, 0.2);
    if (!item.description.empty()) {
      cairo_set_source_rgb(cr_, 0.3, 0.3, 0.3);
      cairo_move_to(cr_, text_x, y_);
      pango_cairo_show_layout(cr_, description);
      y_ += Height(description);
    }
    g_object_unref(description);
    y_ = std::max(y_, top + kPicture * 0.75) + 10;
  }

  void Picture(const std::string& png, double x, double y) {
    const double height = kPicture * 0.75;
    cairo_surface_t* image = nullptr;
    if (!png.empty()) {
      Reader reader{png};
      image = cairo_image_surface_create_from_png_stream(Read, &reader);
      if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(image);
        image = nullptr;
      }
    }
    cairo_save(cr_);
    cairo_rectangle(cr_, x, y, kPicture, height);
    if (image == nullptr) {  // a neutral placeholder
      cairo_set_source_rgb(cr_, 0.93, 0.94, 0.96);
      cairo_fill(cr_);
      cairo_restore(cr_);
      return;
    }
    cairo_clip(cr_);
    const double w = cairo_image_surface_get_width(image),
                 h = cairo_image_surface_get_height(image);
    const double scale = std::max(kPicture / w, height / h);  // cover the box
    cairo_translate(cr_, x + (kPicture - w * scale) / 2, y + (height - h * scale) / 2);
    cairo_scale(cr_, scale, scale);
    cairo_set_source_surface(cr_, image, 0, 0);
    cairo_paint(cr_);
    cairo_restore(cr_);
    cairo_surface_destroy(image);
  }

  void Footer() {
    ++page_;
    std::string label = catalogue_.page_label;
    if (const size_t n = label.find("{n}"); n != std::string::npos) {
      label.replace(n, 3, std::to_string(page_));
    }
    PangoLayout* layout = Layout(label, kPageWidth - 2 * kMargin, 8, false);
    pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
    cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
    cairo_move_to(cr_, kMargin, kPageHeight - kMargin);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
    cairo_show_page(cr_);
  }

  void NewPage() {
    Footer();
    y_ = kMargin;
  }

  const Catalogue& catalogue_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoLanguage* language_ = nullptr;
  double y_ = kMargin;
  int page_ = 0;
};

}  // namespace

std::string CataloguePdf(const Catalogue& catalogue) { return Writer(catalogue).Write(); }

}  // namespace amity::report
