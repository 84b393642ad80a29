// The trade catalogue as PDF, drawn by Cairo with text laid out by Pango (fonts embedded, Chinese
// and Turkish shaped): a title, then each sector from a new page, its HS chapters, and each
// product with its picture, name, company, codes, terms and description. The API gathers what to
// draw, in one language, already worded; nothing here reads records.
#pragma once

#include <string>
#include <vector>

namespace amity::report {

struct CatalogueItem {
  std::string name;
  std::string company;
  std::string codes;        // e.g. "HS 0804.20 · 椰枣、无花果…"
  std::string terms;        // prices, minimum order, shelf life, certifications, markets
  std::string description;  // may be empty
  std::string picture_png;  // PNG bytes of the product's picture; empty: none
};

struct CatalogueChapter {
  std::string title;  // e.g. "第 08 章 食用水果及坚果"
  std::vector<CatalogueItem> items;
};

struct CatalogueSector {
  std::string title;
  std::vector<CatalogueChapter> chapters;
};

struct Catalogue {
  std::string lang;  // tr, zh or en: the language of the text (Pango's shaping and line breaks)
  std::string title;
  std::string subtitle;
  std::string page_label;  // a page's number, "{n}" standing for it, e.g. "第 {n} 页"
  std::vector<CatalogueSector> sectors;
};

// Renders `catalogue` on A4 pages and returns the PDF's bytes. A picture that is not a readable
// PNG is left out. Throws std::runtime_error when Cairo fails.
std::string CataloguePdf(const Catalogue& catalogue);

}  // namespace amity::report
