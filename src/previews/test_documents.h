// Documents made on the spot for tests and benchmarks (no copied material): a PDF of text pages
// drawn with Cairo, an Office Open XML or OpenDocument text document zipped with libarchive, and
// images drawn with libvips.
#pragma once

#include <string>
#include <vector>

namespace amity::previews::testing {

// Writes a PDF at `path` with one A4 page per entry of `pages`, each holding that entry's lines
// (Noto Sans CJK, so Turkish and Chinese both show). Throws when Cairo fails.
void WritePdf(const std::string& path, const std::vector<std::string>& pages);

// Writes a .docx at `path` whose body has one paragraph per entry of `paragraphs` (each
// paragraph's text split over two runs, as Word does). Throws when libarchive fails.
void WriteDocx(const std::string& path, const std::vector<std::string>& paragraphs);

// Writes an .odt at `path` with one paragraph per entry of `paragraphs`.
void WriteOdt(const std::string& path, const std::vector<std::string>& paragraphs);

// Writes an image of `width` × `height` pixels at `path`, its format chosen by the name's
// extension (.png, .jpg, …): a colour gradient with noise, so it compresses as a photo does.
// Throws when libvips fails.
void WriteImage(const std::string& path, int width, int height);

}  // namespace amity::previews::testing
