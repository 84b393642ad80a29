// The records Amity keeps, described as data: each resource's fields with their types, choices,
// references and whether they may be filtered and sorted on. The API validates and documents
// from these descriptions and the store maps them to the columns of the same names, so a field
// is declared once.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace amity::domain {

enum class FieldType {
  kString,         // plain text, e.g. a venue or a Latin transliteration
  kUrl,            // an absolute http:// or https:// URL, at most `max_length` characters
  kText,           // translatable text: {"original": "tr", "tr": …, "zh": …, "en": …}
  kEnum,           // one of `values`
  kDate,           // YYYY-MM-DD
  kInstant,        // RFC 3339 instant, stored as UTC text
  kTimeZone,       // IANA zone from the system tz database
  kCountry,        // ISO 3166-1 alpha-2
  kNumber,         // finite number between `minimum` and `maximum`
  kReference,      // id of a record of resource `references`
  kEnumList,       // array of distinct `values`
  kReferenceList,  // array of distinct ids of `references`
  kLanguageList,   // array of distinct language codes (tr, zh, en, …) — any ISO 639-1 code
  kObject,         // object with `members`
  kObjectList,     // array of objects with `members`
  kStringList,     // array of distinct short strings without commas (tags), each at most
                   // kMaxListStringCharacters
  kCountryList,    // array of distinct ISO 3166-1 alpha-2 codes
  kTariffCode,     // an HS or national tariff code of exactly `max_length` digits, written with
                   // the separators tariff books print (domain/hs_code.h), stored as digits
};

// Longest entry of a kStringList (a tag).
inline constexpr unsigned kMaxListStringCharacters = 60;

// True for an absolute http:// or https:// URL with a host and no spaces or control characters.
bool IsWebUrl(std::string_view url);

// True for the array-valued types (they read as [] when empty, never null).
bool IsListType(FieldType type);

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool required = false;  // must be given on create (and may not be cleared)
  std::span<const std::string_view> values = {};
  std::string_view references = {};
  std::span<const FieldSpec> members = {};
  std::string_view default_value = {};  // enum default when absent on create
  bool writable = true;                 // false: set only by the server (e.g. status)
  bool filterable = false;
  bool sortable = false;
  bool personal = false;        // personal data (KVKK / PIPL): stays on the home server
  bool unique_in_list = false;  // kObjectList: this member's value may occur once in the list
  double minimum = -1e300;
  double maximum = 1e300;
  unsigned max_length = 2000;  // characters of a string, or entries of a list
  std::string_view description = {};
};

struct ResourceSpec {
  std::string_view name;      // URL segment and table name, e.g. "commitments"
  std::string_view singular;  // "commitment"
  std::span<const FieldSpec> fields;
  // The field that names a record in lists and search results (empty: composed elsewhere).
  std::string_view title_field = {};
  // Lists take `lang`: only records readable in that language (every translatable field that
  // has a value has one in it, original or translated).
  bool filter_by_language = false;

  // Returns the field with this name, or nullptr.
  const FieldSpec* Field(std::string_view field_name) const;
  // True when the record has a `time_zone` field, so its instants get local renderings.
  bool HasTimeZone() const;
};

// Enum choices, in workflow order where there is one.
inline constexpr std::string_view kTiers[] = {"exploring", "letter_of_intent", "friendship",
                                              "sister_city"};
inline constexpr std::string_view kPartnershipStatuses[] = {"active", "dormant", "suspended",
                                                            "terminated"};
inline constexpr std::string_view kMilestoneKinds[] = {
    "council_decision",        "ministry_permission", "partner_approval",
    "letter_of_intent_signed", "agreement_signed",    "terminated"};
inline constexpr std::string_view kSides[] = {"home", "partner"};
inline constexpr std::string_view kProposingSides[] = {"home", "partner", "both"};
inline constexpr std::string_view kOrganizationKinds[] = {
    "municipality", "department",  "university", "chamber", "company",
    "orchestra",    "sports_club", "ngo",        "other"};
inline constexpr std::string_view kMeetingKinds[] = {"incoming_delegation", "outgoing_visit",
                                                     "video_call", "conference", "other"};
inline constexpr std::string_view kParticipantRoles[] = {"host", "guest", "interpreter",
                                                         "observer"};
inline constexpr std::string_view kCommitmentStatuses[] = {"proposed",    "agreed", "planned",
                                                           "in_progress", "done",   "dropped"};
inline constexpr std::string_view kEventKinds[] = {
    "festival", "sports", "concert", "fair", "exhibition", "conference", "study_visit", "other"};
inline constexpr std::string_view kGlossaryKinds[] = {"city",     "institution",   "title",
                                                      "festival", "heritage_site", "other"};
inline constexpr std::string_view kVisibilities[] = {"private", "shared", "public"};
inline constexpr std::string_view kEventStatuses[] = {"idea", "planned", "confirmed", "held",
                                                      "cancelled"};

// Agreement texts (protocols, letters of intent) both cities approve, and each city's own legal
// steps (docs/FEDERATION.md, "Approvals").
inline constexpr std::string_view kAgreementTextKinds[] = {"letter_of_intent", "protocol",
                                                           "memorandum", "other"};
inline constexpr std::string_view kLegalStepKinds[] = {
    "council_decision", "ministry_permission", "foreign_affairs_office", "province_approval",
    "cpaffc_approval",  "cpaffc_filing",       "partner_notification",   "other"};

const ResourceSpec& Cities();
const ResourceSpec& Partnerships();
const ResourceSpec& Organizations();
const ResourceSpec& People();
const ResourceSpec& Meetings();
const ResourceSpec& Commitments();
const ResourceSpec& Events();
const ResourceSpec& Glossary();
const ResourceSpec& Cases();
const ResourceSpec& Products();
const ResourceSpec& Exhibitors();
const ResourceSpec& Leads();
const ResourceSpec& AgreementTexts();
const ResourceSpec& AgreementApprovals();
const ResourceSpec& LegalSteps();

// All writable resources in dependency order (a resource only references earlier ones).
std::span<const ResourceSpec* const> AllResources();

// Returns the resource with this URL name, or nullptr.
const ResourceSpec* FindResource(std::string_view name);

// The column that holds a record's partnership: "id" for partnerships, "partnership_id" for
// records inside one, "" for records outside any (cities, organizations, people, …).
std::string_view PartnershipColumn(const ResourceSpec& spec);

}  // namespace amity::domain
