// The annual council report as PDF (issue 19), drawn by Cairo with text laid out by Pango: real
// text (selectable, searchable; Cairo embeds a subset of each font), Turkish letters and Chinese
// line breaking as Pango shapes them, charts drawn as vector paths, page numbers, a table of
// contents that links to its sections (also the PDF's outline). Nothing shells out.
#pragma once

#include <boost/json.hpp>
#include <string>

namespace amity::report {

// Renders `report`, the JSON answer of GET /api/v1/reports/council (docs/API.md: "lang",
// "second", "year", "partnerships", …), in its "lang", with each text also in "second" side by
// side when that is a language. Returns the PDF's bytes. Lays the report out twice: once to learn
// on which page each section starts (the contents and the "page n / N" footers need it), once to
// draw. Throws std::runtime_error when Cairo fails.
std::string CouncilReportPdf(const boost::json::object& report);

}  // namespace amity::report
