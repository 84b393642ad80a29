#include "previews/test_documents.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <vips/vips.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace amity::previews::testing {
namespace {

std::string Escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

// Writes a zip of (name, content) entries, the first one stored uncompressed (OpenDocument's
// `mimetype` must be).
void WriteZip(const std::string& path,
              const std::vector<std::pair<std::string, std::string>>& entries) {
  std::unique_ptr<archive, decltype(&archive_write_free)> zip(archive_write_new(),
                                                              archive_write_free);
  archive_write_set_format_zip(zip.get());
  if (archive_write_open_filename(zip.get(), path.c_str()) != ARCHIVE_OK) {
    throw std::runtime_error("libarchive: cannot write " + path);
  }
  bool first = true;
  for (const auto& [name, content] : entries) {
    if (first) {
      archive_write_zip_set_compression_store(zip.get());
    } else {
      archive_write_zip_set_compression_deflate(zip.get());
    }
    first = false;
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    if (archive_write_header(zip.get(), entry.get()) != ARCHIVE_OK ||
        archive_write_data(zip.get(), content.data(), content.size()) !=
            static_cast<la_ssize_t>(content.size())) {
      throw std::runtime_error(std::string("libarchive: ") + archive_error_string(zip.get()));
    }
  }
  if (archive_write_close(zip.get()) != ARCHIVE_OK) {
    throw std::runtime_error("libarchive: cannot finish " + path);
  }
}

}  // namespace

void WritePdf(const std::string& path, const std::vector<std::string>& pages) {
  constexpr double kWidth = 595, kHeight = 842;  // A4 in points
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 14);
  for (const std::string& page : pages) {
    cairo_set_source_rgb(cr, 0.1, 0.2, 0.5);
    cairo_rectangle(cr, 40, 40, kWidth - 80, 30);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double y = 110;
    size_t start = 0;
    while (start <= page.size()) {
      const size_t end = std::min(page.find('\n', start), page.size());
      cairo_move_to(cr, 50, y);
      cairo_show_text(cr, page.substr(start, end - start).c_str());
      y += 20;
      start = end + 1;
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(status));
  }
}

void WriteDocx(const std::string& path, const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& paragraph : paragraphs) {
    const size_t half =
        paragraph.find(' ') == std::string::npos ? paragraph.size() : paragraph.find(' ') + 1;
    body += "<w:p><w:r><w:t xml:space=\"preserve\">" + Escaped(paragraph.substr(0, half)) +
            "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>" + Escaped(paragraph.substr(half)) +
            "</w:t></w:r></w:p>";
  }
  WriteZip(
      path,
      {{"[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
       {"_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
       {"word/document.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body>" +
            body + "</w:body></w:document>"}});
}

void WriteOdt(const std::string& path, const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& paragraph : paragraphs) {
    body += "<text:p>" + Escaped(paragraph) + "</text:p>";
  }
  WriteZip(path,
           {{"mimetype", "application/vnd.oasis.opendocument.text"},
            {"META-INF/manifest.xml",
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
             "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:"
             "1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" "
             "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
             "<manifest:file-entry manifest:full-path=\"content.xml\" "
             "manifest:media-type=\"text/xml\"/></manifest:manifest>"},
            {"content.xml",
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
             "<office:document-content "
             "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
             "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
             "<office:body><office:text>" +
                 body + "</office:text></office:body></office:document-content>"}});
}

void WriteImage(const std::string& path, int width, int height) {
  static std::once_flag started;
  std::call_once(started, [] {
    if (VIPS_INIT("amity-test") != 0) throw std::runtime_error("libvips: cannot start");
  });
  // Three bands: x, y and noise, each scaled to 0-255.
  VipsImage* xy = nullptr;
  VipsImage* noise = nullptr;
  VipsImage* scaled = nullptr;
  VipsImage* joined = nullptr;
  VipsImage* pixels = nullptr;
  const auto fail = [&](const char* what) {
    for (VipsImage* image : {xy, noise, scaled, joined, pixels}) {
      if (image) g_object_unref(image);
    }
    throw std::runtime_error(std::string("libvips: ") + what + ": " + vips_error_buffer());
  };
  if (vips_xyz(&xy, width, height, nullptr) != 0) fail("xyz");
  if (vips_gaussnoise(&noise, width, height, "mean", 128.0, "sigma", 40.0, nullptr) != 0) {
    fail("gaussnoise");
  }
  const double scale[] = {255.0 / width, 255.0 / height};
  const double offset[] = {0, 0};
  if (vips_linear(xy, &scaled, scale, offset, 2, nullptr) != 0) fail("linear");
  VipsImage* bands[] = {scaled, noise};
  if (vips_bandjoin(bands, &joined, 2, nullptr) != 0) fail("bandjoin");
  if (vips_cast_uchar(joined, &pixels, nullptr) != 0) fail("cast");
  pixels->Type = VIPS_INTERPRETATION_sRGB;
  if (vips_image_write_to_file(pixels, path.c_str(), nullptr) != 0) fail("write");
  for (VipsImage* image : {xy, noise, scaled, joined, pixels}) g_object_unref(image);
}

}  // namespace amity::previews::testing
