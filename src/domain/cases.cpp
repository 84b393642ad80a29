#include "domain/cases.h"

namespace amity::domain {
namespace {

using enum FieldType;

constexpr FieldSpec kStudyVisitRequestFields[] = {
    {.name = "partnership_id",
     .type = kReference,
     .references = "partnerships",
     .description = "the partnership to plan the visit in; default: the case's own"},
    {.name = "starts_on",
     .type = kDate,
     .required = true,
     .description = "the visit's first day (local to the visited city)"},
    {.name = "ends_on", .type = kDate, .required = true, .description = "the visit's last day"},
    {.name = "note",
     .type = kString,
     .description = "why the visit is asked for: the commitment's first progress note"},
};

}  // namespace

std::span<const FieldSpec> StudyVisitRequestFields() { return kStudyVisitRequestFields; }

Problems CheckStudyVisitDates(Date first_day, Date last_day, Date today) {
  Problems problems;
  if (first_day < today) {
    problems.push_back(
        {"starts_on", "in_the_past", "must not be before today (" + FormatDate(today) + ")"});
  }
  if (last_day < first_day) {
    problems.push_back({"ends_on", "ends_before_start", "must not be before starts_on"});
  }
  return problems;
}

std::string_view StudyVisitPrefix(std::string_view lang) {
  if (lang == "tr") return "İnceleme ziyareti: ";
  if (lang == "zh") return "考察访问：";
  if (lang == "en") return "Study visit: ";
  return {};
}

}  // namespace amity::domain
