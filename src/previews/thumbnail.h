// Preview thumbnails of stored files: images (libvips, shrinking while it decodes) and the first
// page of a PDF (poppler renders that page only, at the resolution the thumbnail needs). Pure
// functions of a file's bytes; where the result is kept is the caller's business.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace amity::previews {

// The longest side of a thumbnail, in pixels.
inline constexpr int kThumbnailSide = 512;
// Pictures larger than this have no thumbnail: decoded row by row they take time in proportion to
// their pixels (a 20-megapixel PNG ~1.4 s here), and a few bytes of PNG can claim billions.
inline constexpr double kMaxPixels = 250e6;

// Whether MakeThumbnail tries files of this (sniffed) media type: images and PDF.
bool Thumbnailable(std::string_view media_type);

// A JPEG (quality 80, metadata stripped, transparency on white) of the file at `path`, whose
// bytes are of `media_type`, at most `max_side` pixels on its long side and never enlarged.
// nullopt when the type has no thumbnail or the bytes cannot be decoded (a corrupt image, one
// of more than `max_pixels`, a PDF that is encrypted or has no page). Never throws for what the
// file holds.
std::optional<std::string> MakeThumbnail(const std::string& path, std::string_view media_type,
                                         int max_side = kThumbnailSide,
                                         double max_pixels = kMaxPixels);

}  // namespace amity::previews
