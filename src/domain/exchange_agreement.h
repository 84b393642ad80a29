// Exchange agreements between two institutions of a partnership (Erasmus Without Paper's
// inter-institutional agreement): the academic years they cover, their cooperation conditions
// (who goes where, in which field and level, how many seats and months), and how both sides
// approve the exact same content. Pure: the API reads requests into these values and hashes the
// canonical bytes made here.
//
//   draft ──propose──▶ proposed ──both sides approve──▶ approved
//                         ▲                                │
//                         └───── any change of content ────┘   (the approvals are cleared)
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"
#include "domain/resources.h"

namespace amity::domain {

inline constexpr std::string_view kAgreementStates[] = {"draft", "proposed", "approved"};
inline constexpr std::string_view kExchangeDirections[] = {"home_to_partner", "partner_to_home"};
inline constexpr std::string_view kStudyLevels[] = {"bachelor", "master", "doctoral"};
// The Common European Framework of Reference levels; docs/API.md lists the HSK and YDS scores
// taken as equal to each.
inline constexpr std::string_view kCefrLevels[] = {"A1", "A2", "B1", "B2", "C1", "C2"};
inline constexpr std::string_view kAgreementVisibilities[] = {"private", "shared"};
// Sides that approve: home is this city's officers, partner the partner city's users.
inline constexpr std::string_view kApprovalSides[] = {"home", "partner"};

// An agreement covers at most this many academic years.
inline constexpr int kMaxAgreementYears = 10;

// The request fields of an agreement (POST; PATCH takes the same without partnership_id) and of
// one condition, declared once for validation and the OpenAPI document.
std::span<const FieldSpec> ExchangeAgreementFields();
std::span<const FieldSpec> ExchangeAgreementPatchFields();
std::span<const FieldSpec> ExchangeConditionFields();
// The body of an approval: {"hash": the content hash approved, "side": optional}.
std::span<const FieldSpec> AgreementApprovalFields();

struct ExchangeCondition {
  std::string id;  // stable while the condition stays in the agreement; calls name it
  std::string direction;
  std::string host_department;
  std::string isced_code;
  std::string level;
  int seats_per_year = 0;
  int months_per_student = 0;
  std::string language;  // ISO 639-1 code of the language of instruction
  std::string min_cefr;
  std::string extra_requirements;
};

// What both sides approve: everything but state, visibility and bookkeeping.
struct AgreementContent {
  std::string partnership_id;
  std::string home_institution_id;
  std::string partner_institution_id;
  std::string first_year;  // "2027-2028"
  std::string last_year;
  std::vector<ExchangeCondition> conditions;  // in the order shown
};

// The first calendar year of an academic year "YYYY-YYYY" whose second year follows the first
// (2027 for "2027-2028"); nullopt for anything else or outside 1900–2199.
std::optional<int> ParseAcademicYear(std::string_view year);

// Every academic year from `first` to `last`, e.g. {"2027-2028", "2028-2029"}; empty when either
// is not an academic year or last precedes first.
std::vector<std::string> AcademicYears(std::string_view first, std::string_view last);

// The rules of the content, with the fields named as in a request ("conditions[1].isced_code"):
// academic years well formed, in order and at most kMaxAgreementYears; two different
// institutions; each condition's ISCED-F code in the table (domain/isced.h), seats 1–999,
// months 1–24, known direction, level and CEFR level, a language code, a host department.
Problems CheckAgreementContent(const AgreementContent& content);

// The content as canonical JSON in the manner of RFC 8785 (JCS): keys sorted, no whitespace,
// integers as digits, strings escaped minimally (", \ and control characters; other characters
// as UTF-8). Its SHA-256 is the version both sides approve.
std::string CanonicalAgreementContent(const AgreementContent& content);

// The organization hosting students of `condition`: the partner institution for home_to_partner,
// the home institution otherwise.
const std::string& HostInstitution(const AgreementContent& content,
                                   const ExchangeCondition& condition);

// Problems ("not_draft", "no_conditions") that keep an agreement in `state` from being proposed.
Problems CheckPropose(std::string_view state, const AgreementContent& content);

// An approval the side has given and not yet lost.
struct ApprovalFact {
  std::string side;
  std::string content_hash;
};

// Problems that refuse `side` approving `approved_hash` of an agreement in `state` whose content
// hash is `current_hash`: "not_proposed" (a draft, or approved already), "stale_hash" (the
// content changed since the approver read it), "already_approved" (this side approved it).
Problems CheckApproval(std::string_view state, std::span<const ApprovalFact> approvals,
                       std::string_view side, std::string_view approved_hash,
                       std::string_view current_hash);

// The state once `approvals` (after adding one) stand: approved when both sides approved the
// current content, else proposed.
std::string_view StateAfterApprovals(std::span<const ApprovalFact> approvals,
                                     std::string_view current_hash);

// The state after an edit: a draft stays a draft; a proposed or approved agreement whose content
// changed becomes proposed (its approvals are cleared); an unchanged one keeps its state.
std::string_view StateAfterEdit(std::string_view state, bool content_changed);
// True when an edit of an agreement in `state` that changed its content clears its approvals.
bool EditClearsApprovals(std::string_view state, bool content_changed);

// One difference between two versions of the content, for "what changed since the approval".
struct ContentChange {
  std::string kind;          // "field" (a top-level field), "added", "removed", "changed"
  std::string field;         // the top-level field, or the condition's changed member
  std::string condition_id;  // for condition changes
  std::string before;        // the old value as text ("" for added)
  std::string after;         // the new value as text ("" for removed)
};

// What changed from `before` to `after`: changed top-level fields, then conditions added,
// removed, and changed member by member (matched by id), in `after`'s order.
std::vector<ContentChange> DiffAgreementContent(const AgreementContent& before,
                                                const AgreementContent& after);

}  // namespace amity::domain
