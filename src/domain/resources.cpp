#include "domain/resources.h"

#include <cctype>

#include "domain/areas.h"
#include "domain/hs_code.h"
#include "domain/lead.h"
#include "domain/products.h"

namespace amity::domain {
namespace {

using enum FieldType;

// Every resource ends with who may see the record and who created it (src/domain/access.h).
constexpr FieldSpec kVisibilityField{
    .name = "visibility",
    .type = kEnum,
    .values = kVisibilities,
    .default_value = "private",
    .filterable = true,
    .description =
        "private: home city only; shared: also the partnership's partner users; "
        "public: anyone"};
constexpr FieldSpec kCreatedByField{.name = "created_by",
                                    .type = kString,
                                    .writable = false,
                                    .filterable = true,
                                    .description = "id of the user who created the record"};

constexpr FieldSpec kCityFields[] = {
    {.name = "name", .type = kText, .required = true},
    {.name = "country",
     .type = kCountry,
     .required = true,
     .filterable = true,
     .sortable = true,
     .description = "ISO 3166-1 alpha-2"},
    {.name = "time_zone", .type = kTimeZone, .required = true},
    {.name = "latitude", .type = kNumber, .minimum = -90, .maximum = 90},
    {.name = "longitude", .type = kNumber, .minimum = -180, .maximum = 180},
    kVisibilityField,
    kCreatedByField,
};

constexpr FieldSpec kMilestoneMembers[] = {
    {.name = "kind",
     .type = kEnum,
     .required = true,
     .values = kMilestoneKinds,
     .unique_in_list = true},
    {.name = "date", .type = kDate, .required = true},
    {.name = "reference",
     .type = kString,
     .max_length = 200,
     .description = "decision, permission or protocol number"},
    {.name = "note", .type = kString},
};

constexpr FieldSpec kFocalPointMembers[] = {
    {.name = "person_id", .type = kReference, .required = true, .references = "people"},
    {.name = "side", .type = kEnum, .required = true, .values = kSides},
};

constexpr FieldSpec kPartnershipFields[] = {
    {.name = "home_city_id",
     .type = kReference,
     .required = true,
     .references = "cities",
     .filterable = true},
    {.name = "partner_city_id",
     .type = kReference,
     .required = true,
     .references = "cities",
     .filterable = true},
    {.name = "tier",
     .type = kEnum,
     .values = kTiers,
     .default_value = "exploring",
     .filterable = true,
     .sortable = true},
    {.name = "status",
     .type = kEnum,
     .values = kPartnershipStatuses,
     .default_value = "active",
     .filterable = true,
     .sortable = true},
    {.name = "milestones", .type = kObjectList, .members = kMilestoneMembers, .max_length = 20},
    {.name = "focal_points", .type = kObjectList, .members = kFocalPointMembers, .max_length = 20},
    {.name = "notes", .type = kText},
    {.name = "quiet_after_months",
     .type = kNumber,
     .minimum = 1,
     .maximum = 60,
     .description = "months without contact before the partnership reads quiet (default 3)"},
    {.name = "dormant_after_months",
     .type = kNumber,
     .minimum = 1,
     .maximum = 120,
     .description = "months without contact before it reads dormant (default 6)"},
    kVisibilityField,
    kCreatedByField,
};

// An organization's own contact point (an export desk, its shared address and line): not personal
// data, shared with the partner like the rest of the record.
constexpr FieldSpec kOrganizationContactMembers[] = {
    {.name = "office",
     .type = kString,
     .max_length = 200,
     .description = "the office or desk to contact, e.g. Export Department"},
    {.name = "email", .type = kString, .max_length = 200, .description = "the office's address"},
    {.name = "phone", .type = kString, .max_length = 50, .description = "the office's line"},
};

constexpr FieldSpec kOrganizationFields[] = {
    {.name = "name", .type = kText, .required = true},
    {.name = "kind",
     .type = kEnum,
     .required = true,
     .values = kOrganizationKinds,
     .filterable = true,
     .sortable = true},
    {.name = "city_id",
     .type = kReference,
     .required = true,
     .references = "cities",
     .filterable = true},
    {.name = "website", .type = kUrl, .max_length = 500},
    // Companies (kind company) only: what the trade catalogue shows of an exporter.
    {.name = "sector",
     .type = kEnum,
     .values = kSectors,
     .filterable = true,
     .sortable = true,
     .description = "companies only: the sector the company works in"},
    {.name = "export_markets",
     .type = kCountryList,
     .filterable = true,
     .max_length = 250,
     .description = "companies only: the countries the company exports to (ISO 3166-1 alpha-2)"},
    {.name = "certifications",
     .type = kEnumList,
     .values = kCertifications,
     .filterable = true,
     .max_length = 30,
     .description = "companies only: the certifications and registrations the company holds"},
    {.name = "contact",
     .type = kObject,
     .members = kOrganizationContactMembers,
     .description = "companies only: the company's own office, address and line (not a person's)"},
    kVisibilityField,
    kCreatedByField,
};

constexpr FieldSpec kContactMembers[] = {
    {.name = "email", .type = kString, .personal = true, .max_length = 200},
    {.name = "phone", .type = kString, .personal = true, .max_length = 50},
};

constexpr FieldSpec kPersonFields[] = {
    {.name = "native_name",
     .type = kString,
     .required = true,
     .max_length = 200,
     .description = "the name as written natively, e.g. 张伟 or Ayşe Yılmaz"},
    {.name = "latin_name",
     .type = kString,
     .required = true,
     .sortable = true,
     .max_length = 200,
     .description = "Latin transliteration, e.g. Zhang Wei"},
    {.name = "title", .type = kText},
    {.name = "organization_id",
     .type = kReference,
     .references = "organizations",
     .filterable = true},
    {.name = "languages", .type = kLanguageList, .max_length = 20},
    {.name = "contact", .type = kObject, .members = kContactMembers, .personal = true},
    kVisibilityField,
    kCreatedByField,
};

constexpr FieldSpec kParticipantMembers[] = {
    {.name = "person_id",
     .type = kReference,
     .required = true,
     .references = "people",
     .unique_in_list = true},
    {.name = "side", .type = kEnum, .required = true, .values = kSides},
    {.name = "role", .type = kEnum, .required = true, .values = kParticipantRoles},
};

constexpr FieldSpec kMeetingFields[] = {
    {.name = "kind", .type = kEnum, .required = true, .values = kMeetingKinds, .filterable = true},
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .filterable = true},
    {.name = "title", .type = kText, .required = true},
    {.name = "starts_at", .type = kInstant, .required = true, .filterable = true, .sortable = true},
    {.name = "ends_at", .type = kInstant, .required = true},
    {.name = "time_zone", .type = kTimeZone, .required = true},
    {.name = "venue", .type = kString, .max_length = 300},
    {.name = "city_id", .type = kReference, .references = "cities", .filterable = true},
    {.name = "participants",
     .type = kObjectList,
     .members = kParticipantMembers,
     .max_length = 200},
    {.name = "areas", .type = kEnumList, .values = kAreaCodes, .max_length = 20},
    {.name = "minutes", .type = kText},
    kVisibilityField,
    kCreatedByField,
};

constexpr FieldSpec kEvidenceLinkMembers[] = {
    {.name = "url", .type = kUrl, .required = true},
    {.name = "title", .type = kString, .max_length = 300},
};

constexpr FieldSpec kCommitmentFields[] = {
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .filterable = true},
    {.name = "meeting_id", .type = kReference, .references = "meetings", .filterable = true},
    {.name = "text", .type = kText, .required = true},
    {.name = "area",
     .type = kEnum,
     .required = true,
     .values = kAreaCodes,
     .filterable = true,
     .sortable = true},
    {.name = "proposed_by_side",
     .type = kEnum,
     .required = true,
     .values = kProposingSides,
     .filterable = true},
    {.name = "proposed_by_person_id", .type = kReference, .references = "people"},
    {.name = "home_owner_id", .type = kReference, .references = "people", .filterable = true},
    {.name = "partner_owner_id", .type = kReference, .references = "people", .filterable = true},
    {.name = "due_date", .type = kDate, .filterable = true, .sortable = true},
    {.name = "status",
     .type = kEnum,
     .values = kCommitmentStatuses,
     .default_value = "proposed",
     .writable = false,
     .filterable = true,
     .sortable = true,
     .description = "changed only through POST /commitments/{id}/transitions"},
    {.name = "evidence_links",
     .type = kObjectList,
     .members = kEvidenceLinkMembers,
     .max_length = 20,
     .description = "where the proof of the work is kept elsewhere (a report, an article)"},
    kVisibilityField,
    kCreatedByField,
};

constexpr FieldSpec kEventFields[] = {
    {.name = "kind", .type = kEnum, .required = true, .values = kEventKinds, .filterable = true},
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .filterable = true},
    {.name = "title", .type = kText, .required = true},
    {.name = "description", .type = kText},
    {.name = "starts_at", .type = kInstant, .required = true, .filterable = true, .sortable = true},
    {.name = "ends_at", .type = kInstant, .required = true},
    {.name = "time_zone", .type = kTimeZone, .required = true},
    {.name = "city_id", .type = kReference, .references = "cities", .filterable = true},
    {.name = "venue", .type = kString, .max_length = 300},
    {.name = "status",
     .type = kEnum,
     .values = kEventStatuses,
     .default_value = "idea",
     .filterable = true,
     .sortable = true},
    {.name = "commitment_ids",
     .type = kReferenceList,
     .references = "commitments",
     .max_length = 50},
    kVisibilityField,
    kCreatedByField,
};

constexpr FieldSpec kGlossaryFields[] = {
    {.name = "term",
     .type = kText,
     .required = true,
     .description = "the fixed rendering in each language"},
    {.name = "kind",
     .type = kEnum,
     .required = true,
     .values = kGlossaryKinds,
     .filterable = true,
     .sortable = true},
    {.name = "note", .type = kString},
    kVisibilityField,
    kCreatedByField,
};

// Organizational contacts of a case (an office, its shared address and line), not people: they
// are shared with the partner like the rest of the case.
constexpr FieldSpec kCaseContactMembers[] = {
    {.name = "office",
     .type = kString,
     .required = true,
     .max_length = 200,
     .description = "the office or unit to contact, e.g. Historic Environment Department"},
    {.name = "email", .type = kString, .max_length = 200, .description = "the office's address"},
    {.name = "phone", .type = kString, .max_length = 50, .description = "the office's line"},
};

// A practice one city offers the other (the knowledge-exchange case library).
constexpr FieldSpec kCaseFields[] = {
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .filterable = true,
     .description = "the partnership the case is offered in (whose partner users see it shared)"},
    {.name = "title", .type = kText, .required = true},
    {.name = "summary", .type = kText, .required = true},
    {.name = "problem", .type = kText},
    {.name = "approach", .type = kText},
    {.name = "results", .type = kText},
    {.name = "lessons", .type = kText},
    {.name = "area",
     .type = kEnum,
     .values = kAreaCodes,
     .default_value = "heritage",
     .filterable = true,
     .sortable = true},
    {.name = "city_id",
     .type = kReference,
     .required = true,
     .references = "cities",
     .filterable = true,
     .description = "the city whose practice it is: the partnership's home or partner city"},
    {.name = "organization_id",
     .type = kReference,
     .references = "organizations",
     .filterable = true},
    {.name = "period_start", .type = kDate, .filterable = true, .sortable = true},
    {.name = "period_end", .type = kDate},
    {.name = "tags", .type = kStringList, .filterable = true, .max_length = 20},
    {.name = "contacts", .type = kObjectList, .members = kCaseContactMembers, .max_length = 10},
    {.name = "commitment_ids",
     .type = kReferenceList,
     .references = "commitments",
     .max_length = 50,
     .description = "the commitments the case serves"},
    {.name = "event_ids",
     .type = kReferenceList,
     .references = "events",
     .max_length = 50,
     .description = "the study visits (events of kind study_visit) the case serves"},
    kVisibilityField,
    kCreatedByField,
};

// A product an exporter offers, for the trade catalogue (proposal 6: İzmir's products at
// Harbin's fair).
constexpr FieldSpec kProductFields[] = {
    {.name = "company_id",
     .type = kReference,
     .required = true,
     .references = "organizations",
     .filterable = true,
     .description = "the company (an organization of kind company) that offers the product"},
    {.name = "name", .type = kText, .required = true},
    {.name = "description", .type = kText},
    {.name = "hs_code",
     .type = kTariffCode,
     .required = true,
     .filterable = true,
     .sortable = true,
     .max_length = kHsDigits,
     .description = "HS subheading, 6 digits; \"0804.20\" is stored as \"080420\""},
    {.name = "hs_code_tr",
     .type = kTariffCode,
     .max_length = kTurkishTariffDigits,
     .description = "Türkiye's GTİP, 12 digits starting with hs_code"},
    {.name = "hs_code_cn",
     .type = kTariffCode,
     .max_length = kChineseTariffDigits,
     .description = "China's tariff code, 10 digits starting with hs_code"},
    {.name = "unit", .type = kEnum, .values = kProductUnits, .default_value = "kg"},
    {.name = "minimum_order",
     .type = kNumber,
     .minimum = 0,
     .maximum = 1e12,
     .description = "the smallest order, in units"},
    {.name = "price_min",
     .type = kNumber,
     .minimum = 0,
     .maximum = 1e12,
     .description = "lowest price per unit, in currency"},
    {.name = "price_max",
     .type = kNumber,
     .minimum = 0,
     .maximum = 1e12,
     .description = "highest price per unit, not below price_min"},
    {.name = "currency",
     .type = kEnum,
     .values = kCurrencies,
     .filterable = true,
     .description = "ISO 4217; required with a price"},
    {.name = "shelf_life_days",
     .type = kNumber,
     .minimum = 1,
     .maximum = 3650,
     .description = "food: whole days from production"},
    {.name = "certifications",
     .type = kEnumList,
     .values = kCertifications,
     .filterable = true,
     .max_length = 30},
    {.name = "markets",
     .type = kCountryList,
     .filterable = true,
     .max_length = 250,
     .description = "the countries the product may be sold in (ISO 3166-1 alpha-2)"},
    kVisibilityField,
    kCreatedByField,
};

// What the city covers for an exhibitor (a stand, a flight, freight): an amount in hundredths of
// the currency's unit, so sums are exact (domain/lead.h's DealValue does the same).
constexpr FieldSpec kCoveredCostMembers[] = {
    {.name = "item",
     .type = kString,
     .required = true,
     .max_length = 200,
     .description = "what is paid for, e.g. stand rent"},
    {.name = "hundredths",
     .type = kNumber,
     .required = true,
     .minimum = 0,
     .maximum = 1e15,
     .description = "the amount in hundredths of the currency's unit (125000.50 is 12500050)"},
    {.name = "currency", .type = kEnum, .required = true, .values = kCurrencies},
};

// A company exhibiting at a fair (an event of kind fair), with what it shows and who goes.
constexpr FieldSpec kExhibitorFields[] = {
    {.name = "event_id",
     .type = kReference,
     .required = true,
     .references = "events",
     .filterable = true,
     .description = "the fair (an event of kind fair)"},
    {.name = "company_id",
     .type = kReference,
     .required = true,
     .references = "organizations",
     .filterable = true,
     .description = "the exhibiting company (an organization of kind company of the home "
                    "city), once per fair"},
    {.name = "stand",
     .type = kString,
     .max_length = 50,
     .description = "stand number, e.g. B2-114"},
    {.name = "product_ids",
     .type = kReferenceList,
     .references = "products",
     .max_length = 100,
     .description = "the products shown: the company's own"},
    {.name = "delegation_ids",
     .type = kReferenceList,
     .references = "people",
     .max_length = 50,
     .description = "the people the company or the city sends"},
    {.name = "logistics_notes", .type = kString, .max_length = 4000},
    {.name = "covered_costs",
     .type = kObjectList,
     .members = kCoveredCostMembers,
     .max_length = 30,
     .description = "the costs the city covers, each in its own currency"},
    {.name = "available_slots",
     .type = kStringList,
     .max_length = 2000,
     .description = "the B2B slots (each by its start, e.g. 2027-06-15T02:00:00Z) the company can "
                    "meet in; empty: every slot"},
    kVisibilityField,
    kCreatedByField,
};

// How a fair's B2B meetings are laid out, one plan per fair (domain/fair.h: FairSlots).
constexpr FieldSpec kB2bPlanFields[] = {
    {.name = "event_id",
     .type = kReference,
     .required = true,
     .references = "events",
     .filterable = true,
     .description = "the fair (an event of kind fair), one plan each"},
    {.name = "day_start",
     .type = kNumber,
     .required = true,
     .minimum = 0,
     .maximum = 1439,
     .description = "minutes after local midnight in the fair's time zone (600 is 10:00)"},
    {.name = "day_end",
     .type = kNumber,
     .required = true,
     .minimum = 1,
     .maximum = 1440,
     .description = "minutes after local midnight, after day_start"},
    {.name = "slot_minutes", .type = kNumber, .required = true, .minimum = 5, .maximum = 240},
    {.name = "tables", .type = kNumber, .required = true, .minimum = 1, .maximum = 500},
    kVisibilityField,
    kCreatedByField,
};

// A buyer of the partner city taking part in a fair's B2B meetings.
constexpr FieldSpec kFairBuyerFields[] = {
    {.name = "event_id",
     .type = kReference,
     .required = true,
     .references = "events",
     .filterable = true,
     .description = "the fair"},
    {.name = "organization_id",
     .type = kReference,
     .required = true,
     .references = "organizations",
     .filterable = true,
     .description = "the buyer: an organization of the partner city, once per fair"},
    {.name = "available_slots",
     .type = kStringList,
     .max_length = 2000,
     .description = "the slots (each by its start) the buyer can meet in; empty: every slot"},
    kVisibilityField,
    kCreatedByField,
};

// A buyer asks to meet an exhibitor at a fair.
constexpr FieldSpec kMeetingRequestFields[] = {
    {.name = "event_id",
     .type = kReference,
     .required = true,
     .references = "events",
     .filterable = true,
     .description = "the fair"},
    {.name = "buyer_id",
     .type = kReference,
     .required = true,
     .references = "organizations",
     .filterable = true,
     .description = "a buyer of the fair (fair_buyers)"},
    {.name = "exhibitor_id",
     .type = kReference,
     .required = true,
     .references = "exhibitors",
     .filterable = true,
     .description = "an exhibitor of the same fair"},
    {.name = "priority",
     .type = kNumber,
     .minimum = 1,
     .maximum = 1000,
     .description = "how much the meeting matters (1 when absent); the scheduler meets as much "
                    "priority as it can"},
    kVisibilityField,
    kCreatedByField,
};

// An inquirer from the portal: personal data, kept on the home server (PIPL / KVKK).
constexpr FieldSpec kInquirerContactMembers[] = {
    {.name = "name", .type = kString, .personal = true, .max_length = 200},
    {.name = "email", .type = kString, .personal = true, .max_length = 200},
    {.name = "phone", .type = kString, .personal = true, .max_length = 50},
    {.name = "country", .type = kCountry, .personal = true},
};

// A buyer's interest followed until it becomes a deal or is lost (domain/lead.h).
constexpr FieldSpec kLeadFields[] = {
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .filterable = true,
     .description = "the partnership the lead counts for"},
    {.name = "event_id",
     .type = kReference,
     .references = "events",
     .filterable = true,
     .description = "the fair the lead came from, if any"},
    {.name = "buyer_id",
     .type = kReference,
     .references = "organizations",
     .filterable = true,
     .description = "the buyer; or inquirer_company for an inquirer without a record"},
    {.name = "exhibitor_company_id",
     .type = kReference,
     .references = "organizations",
     .filterable = true,
     .description = "the home city's company the buyer wants to deal with"},
    {.name = "inquirer_company",
     .type = kString,
     .max_length = 200,
     .description = "the inquirer's company, when there is no buyer record"},
    {.name = "inquirer_contact",
     .type = kObject,
     .members = kInquirerContactMembers,
     .personal = true},
    {.name = "product_ids",
     .type = kReferenceList,
     .references = "products",
     .max_length = 50,
     .description = "the products of interest"},
    {.name = "inquiry_message",
     .type = kString,
     .personal = true,
     .max_length = 4000,
     .description = "what the inquirer wrote on the portal's inquiry form"},
    {.name = "source", .type = kEnum, .required = true, .values = kLeadSources, .filterable = true},
    {.name = "status",
     .type = kEnum,
     .values = kLeadStatuses,
     .default_value = "new",
     .writable = false,
     .filterable = true,
     .sortable = true,
     .description = "moved by POST /leads/{id}/transitions"},
    {.name = "lost_reason", .type = kEnum, .values = kLostReasons, .writable = false},
    {.name = "deal_hundredths",
     .type = kNumber,
     .writable = false,
     .minimum = 1,
     .maximum = 1e15,
     .description = "won: the deal's value in hundredths of deal_currency"},
    {.name = "deal_currency", .type = kEnum, .values = kCurrencies, .writable = false},
    {.name = "deal_date", .type = kDate, .writable = false},
    {.name = "status_note",
     .type = kString,
     .writable = false,
     .max_length = 4000,
     .description = "the note given with the last move (why a lead was lost as \"other\")"},
    {.name = "next_follow_up", .type = kDate, .filterable = true, .sortable = true},
    {.name = "follow_up_owner_id",
     .type = kReference,
     .references = "people",
     .filterable = true,
     .description = "who follows up"},
    {.name = "notes", .type = kString, .max_length = 4000},
    kVisibilityField,
    kCreatedByField,
};

// A text both cities approve (a letter of intent, a protocol): its canonical content is what each
// side signs (api/agreement_texts.cpp, docs/FEDERATION.md "Approvals").
constexpr FieldSpec kAgreementTextFields[] = {
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .filterable = true},
    {.name = "kind",
     .type = kEnum,
     .required = true,
     .values = kAgreementTextKinds,
     .filterable = true,
     .sortable = true},
    {.name = "title", .type = kText, .required = true},
    {.name = "body", .type = kText, .required = true, .description = "the text as approved"},
    kVisibilityField,
    kCreatedByField,
};

// One instance's signed approval of one version of an agreement text, owned by the approving
// instance (so it reaches the other side through its own feed). Made only by POST
// /agreement_texts/{id}/approvals: every field but visibility is the server's.
constexpr FieldSpec kAgreementApprovalFields[] = {
    {.name = "agreement_id",
     .type = kReference,
     .required = true,
     .references = "agreement_texts",
     .writable = false,
     .filterable = true},
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .writable = false,
     .filterable = true},
    {.name = "agreement_version",
     .type = kNumber,
     .writable = false,
     .minimum = 1,
     .maximum = 1e15,
     .description = "the text's version when it was approved"},
    {.name = "content_hash",
     .type = kString,
     .writable = false,
     .max_length = 64,
     .description = "lower-case hex SHA-256 of the text's canonical content (RFC 8785)"},
    {.name = "key_id", .type = kString, .writable = false, .max_length = 100},
    {.name = "public_key",
     .type = kString,
     .writable = false,
     .max_length = 100,
     .description = "Base64 of the approving instance's raw Ed25519 public key"},
    {.name = "signature",
     .type = kString,
     .writable = false,
     .max_length = 200,
     .description = "Base64 Ed25519 signature of \"amity-approval-v1\\n\" + content_hash"},
    {.name = "approved_at", .type = kInstant, .writable = false, .sortable = true},
    {.name = "approved_by_role",
     .type = kString,
     .writable = false,
     .max_length = 20,
     .description = "the approver's role (officer, admin); no personal data"},
    kVisibilityField,
    kCreatedByField,
};

// A legal step one city took for the partnership (İzmir's council decision and ministry
// permission, Harbin's foreign affairs office, province and CPAFFC approvals). Owned by the city
// that records it, so both cities' steps travel to the other side; the partnership's milestones
// can only be written by the partnership's owner.
constexpr FieldSpec kLegalStepFields[] = {
    {.name = "partnership_id",
     .type = kReference,
     .required = true,
     .references = "partnerships",
     .filterable = true},
    {.name = "kind",
     .type = kEnum,
     .required = true,
     .values = kLegalStepKinds,
     .filterable = true},
    {.name = "date", .type = kDate, .required = true, .sortable = true},
    {.name = "reference",
     .type = kString,
     .max_length = 200,
     .description = "decision, permission or filing number"},
    {.name = "note", .type = kString, .max_length = 2000},
    kVisibilityField,
    kCreatedByField,
};

constexpr ResourceSpec kCities{"cities", "city", kCityFields, "name"};
constexpr ResourceSpec kPartnerships{"partnerships", "partnership", kPartnershipFields};
constexpr ResourceSpec kOrganizations{"organizations", "organization", kOrganizationFields, "name"};
constexpr ResourceSpec kPeople{"people", "person", kPersonFields, "native_name"};
constexpr ResourceSpec kMeetings{"meetings", "meeting", kMeetingFields, "title"};
constexpr ResourceSpec kCommitments{"commitments", "commitment", kCommitmentFields, "text"};
constexpr ResourceSpec kEvents{"events", "event", kEventFields, "title"};
constexpr ResourceSpec kGlossary{"glossary", "glossary_term", kGlossaryFields, "term"};
constexpr ResourceSpec kCases{"cases", "case", kCaseFields, "title",
                              /*filter_by_language=*/true};

constexpr ResourceSpec kProducts{"products", "product", kProductFields, "name",
                                 /*filter_by_language=*/true};

constexpr ResourceSpec kExhibitors{"exhibitors", "exhibitor", kExhibitorFields, "stand"};
constexpr ResourceSpec kLeads{"leads", "lead", kLeadFields, "inquirer_company"};
constexpr ResourceSpec kB2bPlans{"b2b_plans", "b2b_plan", kB2bPlanFields};
constexpr ResourceSpec kFairBuyers{"fair_buyers", "fair_buyer", kFairBuyerFields};
constexpr ResourceSpec kMeetingRequests{"meeting_requests", "meeting_request",
                                        kMeetingRequestFields};
constexpr ResourceSpec kAgreementTexts{"agreement_texts", "agreement_text", kAgreementTextFields,
                                       "title"};
constexpr ResourceSpec kAgreementApprovals{"agreement_approvals", "agreement_approval",
                                           kAgreementApprovalFields};
constexpr ResourceSpec kLegalSteps{"legal_steps", "legal_step", kLegalStepFields, "reference"};

constexpr const ResourceSpec* kAll[] = {&kCities,         &kOrganizations,      &kPeople,
                                        &kPartnerships,   &kMeetings,           &kCommitments,
                                        &kEvents,         &kGlossary,           &kCases,
                                        &kProducts,       &kExhibitors,         &kLeads,
                                        &kB2bPlans,       &kFairBuyers,         &kMeetingRequests,
                                        &kAgreementTexts, &kAgreementApprovals, &kLegalSteps};

}  // namespace

bool IsWebUrl(std::string_view url) {
  const auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (size_t i = 0; i < scheme.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    }
    return true;
  };
  const size_t host = starts("https://") ? 8 : starts("http://") ? 7 : 0;
  if (host == 0 || host >= url.size() || url[host] == '/' || url[host] == '?' || url[host] == '#') {
    return false;
  }
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return false;
  }
  return true;
}

bool IsListType(FieldType type) {
  return type == kEnumList || type == kReferenceList || type == kLanguageList ||
         type == kObjectList || type == kStringList || type == kCountryList;
}

const FieldSpec* ResourceSpec::Field(std::string_view field_name) const {
  for (const FieldSpec& field : fields) {
    if (field.name == field_name) return &field;
  }
  return nullptr;
}

bool ResourceSpec::HasTimeZone() const { return Field("time_zone") != nullptr; }

const ResourceSpec& Cities() { return kCities; }
const ResourceSpec& Partnerships() { return kPartnerships; }
const ResourceSpec& Organizations() { return kOrganizations; }
const ResourceSpec& People() { return kPeople; }
const ResourceSpec& Meetings() { return kMeetings; }
const ResourceSpec& Commitments() { return kCommitments; }
const ResourceSpec& Events() { return kEvents; }
const ResourceSpec& Glossary() { return kGlossary; }
const ResourceSpec& Cases() { return kCases; }
const ResourceSpec& Products() { return kProducts; }
const ResourceSpec& Exhibitors() { return kExhibitors; }
const ResourceSpec& Leads() { return kLeads; }
const ResourceSpec& AgreementTexts() { return kAgreementTexts; }
const ResourceSpec& AgreementApprovals() { return kAgreementApprovals; }
const ResourceSpec& LegalSteps() { return kLegalSteps; }

std::span<const ResourceSpec* const> AllResources() { return kAll; }

const ResourceSpec* FindResource(std::string_view name) {
  for (const ResourceSpec* spec : kAll) {
    if (spec->name == name) return spec;
  }
  return nullptr;
}

std::string_view PartnershipColumn(const ResourceSpec& spec) {
  if (spec.name == "partnerships") return "id";
  if (spec.Field("partnership_id") != nullptr) return "partnership_id";
  return {};
}

}  // namespace amity::domain
