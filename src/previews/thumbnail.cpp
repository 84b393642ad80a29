#include "previews/thumbnail.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <vips/vips.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace amity::previews {
namespace {

// libvips starts once per process. Its operation cache is off: every thumbnail is of another
// file, and a cached decoder would keep its pixels.
void StartVips() {
  static std::once_flag started;
  std::call_once(started, [] {
    if (VIPS_INIT("amity") != 0) throw std::runtime_error("libvips: cannot start");
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    // Only the loaders libvips vouches for with bytes from strangers (libjpeg, libpng, libwebp,
    // libtiff, libheif, …), never those marked untrusted (ImageMagick, FITS, Matlab, …).
    vips_block_untrusted_set(TRUE);
    // Poppler writes what it finds wrong with a PDF to stderr; a corrupt upload is not news.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

// Owns a VipsImage reference.
struct ImageUnref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, ImageUnref>;

// A JPEG of `image` (shrunk to `max_side` when larger), transparency flattened onto white.
std::optional<std::string> Jpeg(VipsImage* image, int max_side) {
  VipsImage* out = nullptr;
  if (vips_thumbnail_image(image, &out, max_side, "height", max_side, "size", VIPS_SIZE_DOWN,
                           nullptr) != 0) {
    return std::nullopt;
  }
  Image shrunk(out);
  if (vips_image_hasalpha(shrunk.get())) {
    VipsArrayDouble* white = vips_array_double_newv(1, 255.0);
    const int failed = vips_flatten(shrunk.get(), &out, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (failed != 0) return std::nullopt;
    shrunk.reset(out);
  }
  void* bytes = nullptr;
  size_t size = 0;
  if (vips_jpegsave_buffer(shrunk.get(), &bytes, &size, "Q", 80, "strip", TRUE, "interlace", FALSE,
                           nullptr) != 0) {
    return std::nullopt;
  }
  std::string jpeg(static_cast<const char*>(bytes), size);
  g_free(bytes);
  return jpeg;
}

std::optional<std::string> ImageThumbnail(const std::string& path, int max_side,
                                          double max_pixels) {
  {
    // Opening reads only the header; the pixels are decoded when asked for.
    Image header(vips_image_new_from_file(path.c_str(), nullptr));
    if (!header || static_cast<double>(vips_image_get_width(header.get())) *
                           vips_image_get_height(header.get()) >
                       max_pixels) {
      return std::nullopt;
    }
  }
  // vips_thumbnail decodes at a reduced size where the format allows (JPEG shrink-on-load, WebP,
  // HEIC) and otherwise streams the rows once in order, so memory is a few rows, not the picture.
  // It also turns the picture upright (EXIF orientation) and into sRGB.
  VipsImage* out = nullptr;
  if (vips_thumbnail(path.c_str(), &out, max_side, "height", max_side, "size", VIPS_SIZE_DOWN,
                     nullptr) != 0) {
    return std::nullopt;
  }
  Image thumbnail(out);
  return Jpeg(thumbnail.get(), max_side);
}

std::optional<std::string> PdfThumbnail(const std::string& path, int max_side) {
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document || document->is_locked() || document->pages() < 1) return std::nullopt;
  std::unique_ptr<poppler::page> page(document->create_page(0));
  if (!page) return std::nullopt;
  // Render the page at the resolution that makes its long side max_side pixels (a page is
  // measured in points, 72 to the inch), so the bitmap is never larger than the thumbnail.
  const poppler::rectf box = page->page_rect(poppler::media_box);
  const double long_side = std::max(box.width(), box.height());
  if (!(long_side > 0)) return std::nullopt;
  const double dpi = 72.0 * max_side / long_side;
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing |
                            poppler::page_renderer::text_hinting);
  renderer.set_image_format(poppler::image::format_argb32);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.width() < 1 || image.height() < 1) return std::nullopt;
  // ARGB32 is a native-endian 0xAARRGGBB word per pixel; the paper is opaque white.
  const int width = image.width(), height = image.height();
  std::string rgb(static_cast<size_t>(width) * height * 3, '\0');
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(
        image.const_data() + static_cast<size_t>(y) * image.bytes_per_row());
    char* target = rgb.data() + static_cast<size_t>(y) * width * 3;
    for (int x = 0; x < width; ++x) {
      const std::uint32_t pixel = row[x];
      target[3 * x] = static_cast<char>((pixel >> 16) & 0xFF);
      target[3 * x + 1] = static_cast<char>((pixel >> 8) & 0xFF);
      target[3 * x + 2] = static_cast<char>(pixel & 0xFF);
    }
  }
  Image bitmap(
      vips_image_new_from_memory(rgb.data(), rgb.size(), width, height, 3, VIPS_FORMAT_UCHAR));
  if (!bitmap) return std::nullopt;
  // A rotated page (/Rotate) renders turned: the bitmap may need shrinking to fit.
  return Jpeg(bitmap.get(), max_side);
}

}  // namespace

bool Thumbnailable(std::string_view media_type) {
  return media_type == "application/pdf" ||
         (media_type.starts_with("image/") && media_type != "image/svg+xml");
}

std::optional<std::string> MakeThumbnail(const std::string& path, std::string_view media_type,
                                         int max_side, double max_pixels) {
  if (!Thumbnailable(media_type)) return std::nullopt;
  StartVips();
  std::optional<std::string> jpeg = media_type == "application/pdf"
                                        ? PdfThumbnail(path, max_side)
                                        : ImageThumbnail(path, max_side, max_pixels);
  vips_error_clear();  // libvips keeps its error text per thread until cleared
  return jpeg;
}

}  // namespace amity::previews
