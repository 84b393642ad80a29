#include "domain/exchange_agreement.h"

#include <algorithm>
#include <charconv>

#include "base/text.h"
#include "domain/isced.h"

namespace amity::domain {
namespace {

using enum FieldType;

constexpr FieldSpec kConditionFields[] = {
    {.name = "id",
     .type = kString,
     .max_length = 36,
     .description = "an existing condition's id keeps it (and what calls name); none adds one"},
    {.name = "direction",
     .type = kEnum,
     .required = true,
     .values = kExchangeDirections,
     .description = "home_to_partner: home students go to the partner institution"},
    {.name = "host_department",
     .type = kString,
     .required = true,
     .max_length = 200,
     .description = "the department of the host institution that receives the students"},
    {.name = "isced_code",
     .type = kString,
     .required = true,
     .max_length = 4,
     .description = "ISCED-F 2013 field (GET /api/v1/isced-fields)"},
    {.name = "level", .type = kEnum, .required = true, .values = kStudyLevels},
    {.name = "seats_per_year",
     .type = kNumber,
     .required = true,
     .minimum = 1,
     .maximum = 999,
     .description = "students per academic year (a whole number)"},
    {.name = "months_per_student",
     .type = kNumber,
     .required = true,
     .minimum = 1,
     .maximum = 24,
     .description = "months of each student's stay (a whole number)"},
    {.name = "language",
     .type = kString,
     .required = true,
     .max_length = 2,
     .description = "language of instruction, ISO 639-1 (e.g. en, tr, zh)"},
    {.name = "min_cefr",
     .type = kEnum,
     .required = true,
     .values = kCefrLevels,
     .description = "minimum CEFR level in that language (HSK/YDS equivalents in docs/API.md)"},
    {.name = "extra_requirements", .type = kString, .max_length = 2000},
};

// partnership_id first: PATCH takes the rest (an agreement stays in its partnership).
constexpr FieldSpec kAgreementFields[] = {
    {.name = "partnership_id", .type = kReference, .required = true, .references = "partnerships"},
    {.name = "home_institution_id",
     .type = kReference,
     .required = true,
     .references = "organizations",
     .description = "an organization of the partnership's home city"},
    {.name = "partner_institution_id",
     .type = kReference,
     .required = true,
     .references = "organizations",
     .description = "an organization of the partnership's partner city"},
    {.name = "first_year",
     .type = kString,
     .required = true,
     .max_length = 9,
     .description = "first academic year covered, e.g. 2027-2028"},
    {.name = "last_year",
     .type = kString,
     .required = true,
     .max_length = 9,
     .description = "last academic year covered, e.g. 2029-2030"},
    {.name = "visibility",
     .type = kEnum,
     .values = kAgreementVisibilities,
     .default_value = "shared",
     .description = "shared (the default): the partnership's partner users read and approve it; "
                    "private: home city only"},
    {.name = "conditions",
     .type = kObjectList,
     .members = kConditionFields,
     .max_length = 200,
     .description = "the cooperation conditions, in the order shown"},
};

constexpr FieldSpec kApprovalFields[] = {
    {.name = "hash",
     .type = kString,
     .required = true,
     .max_length = 64,
     .description = "the content_hash of the agreement as the approver read it"},
    {.name = "side",
     .type = kEnum,
     .values = kApprovalSides,
     .description = "the side approving; default: the caller's (home roles: home, partner "
                    "users: partner)"},
};

bool Contains(std::span<const std::string_view> values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Writes "key":value pairs; callers give keys in sorted order (all keys here are ASCII, so
// sorting by UTF-16 code units, as RFC 8785 asks, is sorting by bytes).
class CanonicalObject {
 public:
  explicit CanonicalObject(std::string& out) : out_(out) { out_.push_back('{'); }
  ~CanonicalObject() { out_.push_back('}'); }
  CanonicalObject& Key(std::string_view key) {
    if (!first_) out_.push_back(',');
    first_ = false;
    AppendCanonicalJsonString(out_, key);
    out_.push_back(':');
    return *this;
  }
  CanonicalObject& String(std::string_view key, std::string_view value) {
    Key(key);
    AppendCanonicalJsonString(out_, value);
    return *this;
  }
  CanonicalObject& Integer(std::string_view key, int value) {
    Key(key);
    out_ += std::to_string(value);
    return *this;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

// The members of a condition by name, as text, for comparing and showing changes.
std::vector<std::pair<std::string_view, std::string>> ConditionMembers(
    const ExchangeCondition& condition) {
  return {{"direction", condition.direction},
          {"host_department", condition.host_department},
          {"isced_code", condition.isced_code},
          {"level", condition.level},
          {"seats_per_year", std::to_string(condition.seats_per_year)},
          {"months_per_student", std::to_string(condition.months_per_student)},
          {"language", condition.language},
          {"min_cefr", condition.min_cefr},
          {"extra_requirements", condition.extra_requirements}};
}

// A short text naming a condition, for added and removed ones.
std::string Describe(const ExchangeCondition& condition) {
  return condition.direction + " " + condition.isced_code + " " + condition.level + " " +
         condition.host_department + " ×" + std::to_string(condition.seats_per_year);
}

}  // namespace

std::span<const FieldSpec> ExchangeAgreementFields() { return kAgreementFields; }
std::span<const FieldSpec> ExchangeAgreementPatchFields() {
  return std::span<const FieldSpec>(kAgreementFields).subspan(1);
}
std::span<const FieldSpec> ExchangeConditionFields() { return kConditionFields; }
std::span<const FieldSpec> AgreementApprovalFields() { return kApprovalFields; }

std::optional<int> ParseAcademicYear(std::string_view year) {
  if (year.size() != 9 || year[4] != '-') return std::nullopt;
  int first = 0, second = 0;
  for (size_t i : {0u, 5u}) {
    for (size_t j = i; j < i + 4; ++j) {
      if (year[j] < '0' || year[j] > '9') return std::nullopt;
    }
  }
  std::from_chars(year.data(), year.data() + 4, first);
  std::from_chars(year.data() + 5, year.data() + 9, second);
  if (second != first + 1 || first < 1900 || first > 2199) return std::nullopt;
  return first;
}

std::vector<std::string> AcademicYears(std::string_view first, std::string_view last) {
  const auto from = ParseAcademicYear(first), to = ParseAcademicYear(last);
  std::vector<std::string> years;
  if (!from || !to) return years;
  for (int year = *from; year <= *to; ++year) {
    years.push_back(std::to_string(year) + "-" + std::to_string(year + 1));
  }
  return years;
}

Problems CheckAgreementContent(const AgreementContent& content) {
  Problems problems;
  const auto first = ParseAcademicYear(content.first_year);
  const auto last = ParseAcademicYear(content.last_year);
  constexpr std::string_view kYearMessage =
      "expected an academic year YYYY-YYYY whose second year follows the first, e.g. 2027-2028";
  if (!first)
    problems.push_back({"first_year", "invalid_academic_year", std::string(kYearMessage)});
  if (!last) problems.push_back({"last_year", "invalid_academic_year", std::string(kYearMessage)});
  if (first && last) {
    if (*last < *first) {
      problems.push_back({"last_year", "ends_before_start", "must not be before first_year"});
    } else if (*last - *first + 1 > kMaxAgreementYears) {
      problems.push_back({"last_year", "too_many_years",
                          "an agreement covers at most " + std::to_string(kMaxAgreementYears) +
                              " academic years"});
    }
  }
  if (!content.home_institution_id.empty() &&
      content.home_institution_id == content.partner_institution_id) {
    problems.push_back(
        {"partner_institution_id", "same_institution", "must differ from home_institution_id"});
  }
  for (size_t i = 0; i < content.conditions.size(); ++i) {
    const ExchangeCondition& condition = content.conditions[i];
    const std::string path = "conditions[" + std::to_string(i) + "].";
    if (!Contains(kExchangeDirections, condition.direction)) {
      problems.push_back(
          {path + "direction", "invalid_value", "must be home_to_partner or partner_to_home"});
    }
    if (condition.host_department.find_first_not_of(" \t\r\n") == std::string::npos) {
      problems.push_back({path + "host_department", "required", "is required"});
    }
    if (FindIscedField(condition.isced_code) == nullptr) {
      problems.push_back({path + "isced_code", "unknown_isced_code",
                          "is not an ISCED-F 2013 field of GET /api/v1/isced-fields"});
    }
    if (!Contains(kStudyLevels, condition.level)) {
      problems.push_back({path + "level", "invalid_value", "must be bachelor, master or doctoral"});
    }
    if (condition.seats_per_year < 1 || condition.seats_per_year > 999) {
      problems.push_back({path + "seats_per_year", "out_of_range", "must be between 1 and 999"});
    }
    if (condition.months_per_student < 1 || condition.months_per_student > 24) {
      problems.push_back({path + "months_per_student", "out_of_range", "must be between 1 and 24"});
    }
    const std::string& language = condition.language;
    if (language.size() != 2 || language[0] < 'a' || language[0] > 'z' || language[1] < 'a' ||
        language[1] > 'z') {
      problems.push_back({path + "language", "invalid_language",
                          "expected an ISO 639-1 code in lower case, e.g. en, tr or zh"});
    }
    if (!Contains(kCefrLevels, condition.min_cefr)) {
      problems.push_back({path + "min_cefr", "invalid_value", "must be one of A1 … C2"});
    }
  }
  return problems;
}

std::string CanonicalAgreementContent(const AgreementContent& content) {
  std::string out;
  {
    CanonicalObject agreement(out);
    agreement.Key("conditions");
    out.push_back('[');
    for (size_t i = 0; i < content.conditions.size(); ++i) {
      if (i > 0) out.push_back(',');
      const ExchangeCondition& condition = content.conditions[i];
      CanonicalObject(out)
          .String("direction", condition.direction)
          .String("extra_requirements", condition.extra_requirements)
          .String("host_department", condition.host_department)
          .String("id", condition.id)
          .String("isced_code", condition.isced_code)
          .String("language", condition.language)
          .String("level", condition.level)
          .String("min_cefr", condition.min_cefr)
          .Integer("months_per_student", condition.months_per_student)
          .Integer("seats_per_year", condition.seats_per_year);
    }
    out.push_back(']');
    agreement.String("first_year", content.first_year)
        .String("home_institution_id", content.home_institution_id)
        .String("last_year", content.last_year)
        .String("partner_institution_id", content.partner_institution_id)
        .String("partnership_id", content.partnership_id);
  }
  return out;
}

const std::string& HostInstitution(const AgreementContent& content,
                                   const ExchangeCondition& condition) {
  return condition.direction == "home_to_partner" ? content.partner_institution_id
                                                  : content.home_institution_id;
}

Problems CheckPropose(std::string_view state, const AgreementContent& content) {
  if (state != "draft") {
    return {{"state", "not_draft",
             "only a draft is proposed; this agreement is " + std::string(state)}};
  }
  if (content.conditions.empty()) {
    return {
        {"conditions", "no_conditions", "an agreement is proposed with at least one condition"}};
  }
  return {};
}

Problems CheckApproval(std::string_view state, std::span<const ApprovalFact> approvals,
                       std::string_view side, std::string_view approved_hash,
                       std::string_view current_hash) {
  if (state != "proposed") {
    return {{"state", "not_proposed",
             "only a proposed agreement is approved; this one is " + std::string(state)}};
  }
  if (approved_hash != current_hash) {
    return {{"hash", "stale_hash",
             "the agreement changed since you read it: read it again and approve what it says "
             "now (content_hash " +
                 std::string(current_hash) + ")"}};
  }
  for (const ApprovalFact& approval : approvals) {
    if (approval.side == side && approval.content_hash == current_hash) {
      return {{"side", "already_approved", "the " + std::string(side) + " side approved it"}};
    }
  }
  return {};
}

std::string_view StateAfterApprovals(std::span<const ApprovalFact> approvals,
                                     std::string_view current_hash) {
  bool home = false, partner = false;
  for (const ApprovalFact& approval : approvals) {
    if (approval.content_hash != current_hash) continue;
    home = home || approval.side == "home";
    partner = partner || approval.side == "partner";
  }
  return home && partner ? "approved" : "proposed";
}

std::string_view StateAfterEdit(std::string_view state, bool content_changed) {
  if (state == "draft") return "draft";
  return content_changed ? "proposed" : state;
}

bool EditClearsApprovals(std::string_view state, bool content_changed) {
  return content_changed && state != "draft";
}

std::vector<ContentChange> DiffAgreementContent(const AgreementContent& before,
                                                const AgreementContent& after) {
  std::vector<ContentChange> changes;
  const std::pair<std::string_view, std::pair<const std::string*, const std::string*>> fields[] = {
      {"home_institution_id", {&before.home_institution_id, &after.home_institution_id}},
      {"partner_institution_id", {&before.partner_institution_id, &after.partner_institution_id}},
      {"first_year", {&before.first_year, &after.first_year}},
      {"last_year", {&before.last_year, &after.last_year}}};
  for (const auto& [name, values] : fields) {
    if (*values.first != *values.second) {
      changes.push_back({"field", std::string(name), "", *values.first, *values.second});
    }
  }
  const auto find = [](const AgreementContent& content, const std::string& id) {
    const auto found =
        std::find_if(content.conditions.begin(), content.conditions.end(),
                     [&](const ExchangeCondition& condition) { return condition.id == id; });
    return found == content.conditions.end() ? nullptr : &*found;
  };
  for (const ExchangeCondition& condition : after.conditions) {
    const ExchangeCondition* old = find(before, condition.id);
    if (old == nullptr) {
      changes.push_back({"added", "", condition.id, "", Describe(condition)});
      continue;
    }
    const auto old_members = ConditionMembers(*old), new_members = ConditionMembers(condition);
    for (size_t i = 0; i < new_members.size(); ++i) {
      if (old_members[i].second != new_members[i].second) {
        changes.push_back({"changed", std::string(new_members[i].first), condition.id,
                           old_members[i].second, new_members[i].second});
      }
    }
  }
  for (const ExchangeCondition& condition : before.conditions) {
    if (find(after, condition.id) == nullptr) {
      changes.push_back({"removed", "", condition.id, Describe(condition), ""});
    }
  }
  return changes;
}

}  // namespace amity::domain
