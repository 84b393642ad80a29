#include "api/api.h"

#include <boost/json.hpp>
#include <cstdio>
#include <limits>
#include <optional>

#include "api/access.h"
#include "api/agreement_texts.h"
#include "api/auth.h"
#include "api/exports.h"
#include "api/federation.h"
#include "api/files.h"
#include "api/handlers.h"
#include "api/idempotency.h"
#include "api/inquiries.h"
#include "api/proposals.h"
#include "api/responses.h"
#include "api/sync.h"
#include "api/uploads.h"
#include "base/text.h"
#include "domain/files.h"
#include "federation/nonce_cache.h"
#include "http/error.h"
#include "http/problem.h"
#include "store/search_index.h"

namespace amity::api {
namespace json = boost::json;

namespace {

using Type = QueryParameter::Type;

// `parameters` followed by limit and offset.
std::vector<QueryParameter> Paged(std::vector<QueryParameter> parameters,
                                  int max_limit = kMaxLimit) {
  for (QueryParameter& paging : PagingParameters(max_limit)) parameters.push_back(paging);
  return parameters;
}

std::vector<std::string> ResourceNames() {
  std::vector<std::string> names;
  for (const domain::ResourceSpec* spec : domain::AllResources()) names.emplace_back(spec->name);
  return names;
}

// What searches find and change trails name: records of every resource, and files
// (store::kFileKind).
std::vector<std::string> RecordKinds() {
  std::vector<std::string> kinds = ResourceNames();
  kinds.emplace_back(store::kFileKind);
  return kinds;
}

std::vector<std::string> Languages() { return {kLanguages.begin(), kLanguages.end()}; }

std::vector<Route> BuildRoutes() {
  std::vector<Route> routes;
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    const std::string base = "/api/v1/" + std::string(spec->name);
    const std::string schema(spec->singular);
    const std::string list_schema = schema + "Page";
    routes.push_back({"GET", base, ListRecordsHandler, "List " + std::string(spec->name), spec, "",
                      list_schema});
    routes.push_back({"GET", base + "/export", ExportRecordsHandler,
                      "Export the list of " + std::string(spec->name) +
                          " as CSV or XLSX: the list's filters and sort, every match",
                      spec, "", "", 200, Access::kUser, ExportParameters()});
    routes.push_back({"POST", base, CreateRecordHandler, "Create a " + schema, spec,
                      schema + "Input", schema, 201});
    routes.push_back(
        {"GET", base + "/{id}", GetRecordHandler, "Get a " + schema, spec, "", schema});
    routes.push_back({"PATCH", base + "/{id}", UpdateRecordHandler,
                      "Update a " + schema + " (If-Match: version)", spec, schema + "Patch",
                      schema});
    routes.push_back(
        {"DELETE", base + "/{id}", ArchiveRecordHandler, "Archive a " + schema, spec, "", "", 204});
    routes.push_back({"GET", base + "/{id}/changes", RecordChangesHandler,
                      "The change trail of one " + schema + ", newest first", spec, "",
                      "ChangePage", 200, Access::kUser, Paged({})});
  }
  for (const std::string& holder : domain::FileHolders()) {
    const domain::ResourceSpec* spec = domain::FindResource(holder);
    if (spec == nullptr) continue;  // an application's documents: with the exchange routes
    routes.push_back({"GET", "/api/v1/" + holder + "/{id}/files", ListHolderFiles,
                      "The files kept with one " + std::string(spec->singular), spec, "",
                      "FileList"});
  }
  routes.push_back({"POST", "/api/v1/uploads", CreateUpload,
                    "Start a resumable upload (tus 1.0): Upload-Length and Upload-Metadata "
                    "(filename, holder, holder_id, milestone, personal_data; base64 values)",
                    nullptr, "", "Upload", 201});
  routes.push_back({"GET", "/api/v1/uploads/{id}", GetUpload,
                    "How much of an upload the server holds (HEAD: Upload-Offset)", nullptr, "",
                    "Upload"});
  routes.push_back({"PATCH", "/api/v1/uploads/{id}", PatchUpload,
                    "Bytes of an upload from Upload-Offset (application/offset+octet-stream); "
                    "the last byte makes the file (Amity-File-Id)",
                    nullptr, "", "", 204});
  routes.push_back(
      {"DELETE", "/api/v1/uploads/{id}", CancelUpload, "Cancel an upload", nullptr, "", "", 204});
  const QueryParameter disposition{
      "disposition",
      Type::kEnum,
      "inline: show it in the browser (images, PDF, audio, video, plain text)",
      {"attachment", "inline"}};
  routes.push_back({"GET", "/api/v1/files/{id}", GetFileHandler, "A file kept with a record",
                    nullptr, "", "File"});
  routes.push_back({"GET",
                    "/api/v1/files/{id}/content",
                    FileContent,
                    "A file's bytes (Range, If-None-Match)",
                    nullptr,
                    "",
                    "",
                    200,
                    Access::kUser,
                    {disposition}});
  routes.push_back({"GET", "/api/v1/files/{id}/thumbnail", FileThumbnail,
                    "A preview of an image or a PDF's first page: JPEG, at most 512 px a side "
                    "(If-None-Match)",
                    nullptr, "", ""});
  routes.push_back({"DELETE", "/api/v1/files/{id}", ArchiveFileHandler,
                    "Remove a file from its record (If-Match: version)", nullptr, "", "", 204});
  routes.push_back({"POST", "/api/v1/commitments/{id}/transitions", TransitionCommitment,
                    "Move a commitment to another status", nullptr, "TransitionInput",
                    "commitment"});
  routes.push_back({"POST", "/api/v1/agreement_texts/{id}/approvals", ApproveAgreementText,
                    "This server approves the text's current version: an Ed25519 signature of "
                    "the SHA-256 of its canonical content (RFC 8785) with the federation key",
                    nullptr, "AgreementTextApprovalInput", "agreement_approval", 201});
  routes.push_back({"GET", "/api/v1/agreement_texts/{id}/proof", AgreementTextProof,
                    "The text's canonical content, its hash and each city's approval, checked "
                    "against the key this server knows for that city",
                    nullptr, "", "AgreementTextProof"});
  routes.push_back({"POST", "/api/v1/leads/{id}/transitions", TransitionLead,
                    "Move a lead along new → contacted → sample_sent → negotiating → won | lost "
                    "(won: deal_amount, deal_currency, deal_date; lost: lost_reason)",
                    nullptr, "LeadTransitionInput", "lead"});
  {
    const std::vector<QueryParameter> party = {
        {"company_id", Type::kId, "only this exhibiting company's meetings"},
        {"buyer_id", Type::kId, "only this buyer's meetings"}};
    routes.push_back({"POST", "/api/v1/events/{id}/b2b-schedule", RunB2bSchedule,
                      "Run the B2B scheduler on a fair's plan, buyers, exhibitors and requests "
                      "and store the schedule (replacing the last)",
                      nullptr, "", "B2bSchedule"});
    routes.push_back({"GET", "/api/v1/events/{id}/b2b-schedule", GetB2bSchedule,
                      "A fair's slots and stored B2B schedule, whole or for one company or buyer",
                      nullptr, "", "B2bSchedule", 200, Access::kUser, party});
    routes.push_back({"GET", "/api/v1/events/{id}/b2b-schedule.ics", B2bScheduleCalendar,
                      "The stored B2B schedule as iCalendar, whole or for one company or buyer",
                      nullptr, "", "", 200, Access::kUser, party});
    std::vector<QueryParameter> query = ExportParameters();
    query.insert(query.end(), party.begin(), party.end());
    routes.push_back({"GET", "/api/v1/events/{id}/b2b-schedule/export", ExportB2bMeetings,
                      "The stored B2B schedule's meetings as CSV or XLSX, whole or for one "
                      "company or buyer",
                      nullptr, "", "", 200, Access::kUser, std::move(query)});
  }
  routes.push_back({"GET", "/api/v1/events/{id}/trade-results", FairResults,
                    "What a fair brought: exhibitors, meetings, leads by status, deals per "
                    "currency (never converted)",
                    nullptr, "", "TradeResults"});
  routes.push_back({"GET", "/api/v1/partnerships/{id}/trade-results", PartnershipTradeResults,
                    "What a partnership's trade promotion brought: exhibitors at its fairs, "
                    "meetings, leads by status, deals per currency (never converted)",
                    nullptr, "", "TradeResults"});
  routes.push_back({"GET", "/api/v1/trade-results", TradeOverview,
                    "The dashboard's trade section: the results of every partnership and fair the "
                    "caller sees that has exhibitors, leads or B2B meetings (50 of each at most)",
                    nullptr, "", "TradeOverview"});
  routes.push_back({"POST", "/api/v1/commitments/{id}/notes", AddCommitmentNote,
                    "Add a progress note to a commitment", nullptr, "NoteInput", "HistoryEntry",
                    201});
  routes.push_back({"GET", "/api/v1/commitments/{id}/evidence", CommitmentEvidence,
                    "What shows the commitment was done: files, links and linked events", nullptr,
                    "", "Evidence"});
  routes.push_back({"GET", "/api/v1/commitments/{id}/history", CommitmentHistory,
                    "Transitions and progress notes of a commitment", nullptr, "", "History"});
  routes.push_back({"GET", "/api/v1/meetings/{id}/minutes/revisions", MinutesRevisions,
                    "Every revision of a meeting's minutes, newest first: who, when and which "
                    "languages changed",
                    nullptr, "", "MinutesRevisionPage", 200, Access::kUser, Paged({})});
  routes.push_back({"GET", "/api/v1/meetings/{id}/minutes/revisions/{version}", MinutesRevision,
                    "One revision of a meeting's minutes in full, with the text it replaced",
                    nullptr, "", "MinutesRevision"});
  routes.push_back({"POST", "/api/v1/cases/{id}/study-visit-requests", RequestStudyVisit,
                    "Request a study visit from a case: a proposed commitment and a study_visit "
                    "event (idea) in your partnership, both linked to the case",
                    nullptr, "StudyVisitRequestInput", "StudyVisitRequest", 201});
  routes.push_back({"GET", "/api/v1/isced-fields", ListIscedFields,
                    "The ISCED-F 2013 fields of education (broad, narrow, detailed) in tr, zh, en",
                    nullptr, "", "IscedFieldList"});
  routes.push_back({"GET",
                    "/api/v1/exchange-agreements",
                    ListExchangeAgreements,
                    "The exchange agreements the caller sees, oldest first",
                    nullptr,
                    "",
                    "ExchangeAgreementList",
                    200,
                    Access::kUser,
                    {{.name = "partnership_id",
                      .type = Type::kId,
                      .description = "only this partnership's agreements"}}});
  routes.push_back({"POST", "/api/v1/exchange-agreements", CreateExchangeAgreement,
                    "Create an exchange agreement (a draft; home officers)", nullptr,
                    "ExchangeAgreementInput", "ExchangeAgreement", 201});
  // Before /{id}: the first route that matches a path answers it.
  {
    std::vector<QueryParameter> query = ExportParameters();
    query.push_back({.name = "partnership_id",
                     .type = Type::kId,
                     .description = "only this partnership's agreements"});
    routes.push_back({"GET", "/api/v1/exchange-agreements/export", ExportExchangeAgreements,
                      "The exchange agreements the caller sees as CSV or XLSX, one cooperation "
                      "condition per row",
                      nullptr, "", "", 200, Access::kUser, std::move(query)});
  }
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}", GetExchangeAgreement,
                    "An exchange agreement with its conditions, standing approvals and what "
                    "changed since the last approval",
                    nullptr, "", "ExchangeAgreement"});
  routes.push_back({"PATCH", "/api/v1/exchange-agreements/{id}", UpdateExchangeAgreement,
                    "Change an exchange agreement (If-Match: version); a change of content clears "
                    "its approvals and makes it proposed again",
                    nullptr, "ExchangeAgreementPatch", "ExchangeAgreement"});
  routes.push_back({"POST", "/api/v1/exchange-agreements/{id}/propose", ProposeExchangeAgreement,
                    "Propose a draft agreement to both sides for approval", nullptr, "",
                    "ExchangeAgreement"});
  routes.push_back({"POST", "/api/v1/exchange-agreements/{id}/approvals", ApproveExchangeAgreement,
                    "Approve the agreement's current content (its content_hash) for your side",
                    nullptr, "AgreementApprovalInput", "ExchangeAgreement"});
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}/approvals", ListAgreementApprovals,
                    "Every approval given, oldest first, with the content approved and what "
                    "changed since",
                    nullptr, "", "AgreementApprovalHistory"});
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}/seats/export", ExportAgreementSeats,
                    "The agreement's seat grid as CSV or XLSX, one condition and year per row",
                    nullptr, "", "", 200, Access::kUser, ExportParameters()});
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}/seats", AgreementSeatGrid,
                    "Seats per academic year, direction and condition, with the applications "
                    "(null for partner users) and allocations",
                    nullptr, "", "SeatGrid"});
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}/calls/export", ExportExchangeCalls,
                    "The agreement's calls for applications as CSV or XLSX", nullptr, "", "", 200,
                    Access::kUser, ExportParameters()});
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}/calls", ListExchangeCalls,
                    "The agreement's calls for applications, by academic year and direction",
                    nullptr, "", "ExchangeCallList"});
  routes.push_back({"POST", "/api/v1/exchange-agreements/{id}/calls", CreateExchangeCall,
                    "Open a call for applications on an approved agreement (home officers)",
                    nullptr, "ExchangeCallInput", "ExchangeCall", 201});
  routes.push_back({"GET", "/api/v1/exchange-calls/{id}", GetExchangeCall,
                    "A call with its window in the home city's zone, score formula and the "
                    "conditions it offers",
                    nullptr, "", "ExchangeCall"});
  routes.push_back({"GET", "/api/v1/exchange-calls/{id}/applications/export",
                    ExportExchangeApplications,
                    "The call's applications as CSV or XLSX (personal data: home roles only; 404 "
                    "to partner users)",
                    nullptr, "", "", 200, Access::kUser, ExportParameters()});
  routes.push_back({"GET", "/api/v1/exchange-calls/{id}/applications", ListExchangeApplications,
                    "The call's applications, oldest first, with scores and eligibility "
                    "(personal data: home roles only; 404 to partner users)",
                    nullptr, "", "ExchangeApplicationList"});
  routes.push_back({"POST", "/api/v1/exchange-calls/{id}/applications", CreateExchangeApplication,
                    "Enter a student's application while the call is open (home officers)", nullptr,
                    "ExchangeApplicationInput", "ExchangeApplication", 201});
  routes.push_back({"GET", "/api/v1/exchange-applications/{id}", GetExchangeApplication,
                    "An application with its score, eligibility per choice and history", nullptr,
                    "", "ExchangeApplication"});
  routes.push_back({"PATCH", "/api/v1/exchange-applications/{id}", UpdateExchangeApplication,
                    "Change an application (If-Match: version); after the closing it is "
                    "recorded as a late change",
                    nullptr, "ExchangeApplicationPatch", "ExchangeApplication"});
  routes.push_back({"GET", "/api/v1/exchange-applications/{id}/files", ListApplicationFiles,
                    "The application's documents (personal data: home roles only; 404 to "
                    "partner users)",
                    nullptr, "", "FileList"});
  routes.push_back({"POST", "/api/v1/exchange-applications/{id}/withdrawal",
                    WithdrawExchangeApplication, "Withdraw an application, with a reason", nullptr,
                    "ApplicationWithdrawalInput", "ExchangeApplication"});
  routes.push_back({"GET", "/api/v1/exchange-calls/{id}/runs/export", ExportAllocationRuns,
                    "The call's allocation runs as CSV or XLSX, oldest first (home roles; 404 to "
                    "partner users)",
                    nullptr, "", "", 200, Access::kUser, ExportParameters()});
  routes.push_back({"GET", "/api/v1/exchange-calls/{id}/runs", ListAllocationRuns,
                    "The call's allocation runs, oldest first (home roles; 404 to partner users)",
                    nullptr, "", "AllocationRunList"});
  routes.push_back({"POST", "/api/v1/exchange-calls/{id}/runs", CreateAllocationRun,
                    "Allocate the call's seats by deferred acceptance and record the run: "
                    "inputs' hash, seed, formula, code version, explanations, cut-offs",
                    nullptr, "", "AllocationRun", 201});
  routes.push_back({"GET", "/api/v1/exchange-runs/{id}", GetAllocationRun,
                    "An allocation run with its placements, explanations and canonical bytes",
                    nullptr, "", "AllocationRun"});
  routes.push_back({"POST", "/api/v1/exchange-runs/{id}/lock", LockAllocationRun,
                    "Lock a run's result; it then changes only through a new run", nullptr, "",
                    "AllocationRun"});
  routes.push_back({"POST", "/api/v1/exchange-runs/{id}/nominations", SendNominations,
                    "Send a locked run's nominations to the host side: the minimum set per "
                    "placed student, personal data shared on purpose (home officers); of an "
                    "earlier run's nominations, those for the same seat are kept and the others "
                    "withdrawn",
                    nullptr, "", "NominationSend", 201});
  routes.push_back({"GET", "/api/v1/exchange-runs/{id}/nominations", ListRunNominationsHandler,
                    "The nominations sent from a run (home roles; 404 to partner users)", nullptr,
                    "", "NominationList"});
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}/nominations/export",
                    ExportAgreementNominations,
                    "The agreement's nominations the caller sees as CSV or XLSX", nullptr, "", "",
                    200, Access::kUser, ExportParameters()});
  routes.push_back({"GET", "/api/v1/exchange-agreements/{id}/nominations",
                    ListAgreementNominationsHandler,
                    "The agreement's nominations: all for home roles, those the partner hosts "
                    "for partner users",
                    nullptr, "", "AgreementNominationList"});
  routes.push_back({"POST", "/api/v1/exchange-nominations/{id}/decision", DecideNominationHandler,
                    "Accept or reject a nomination (the host side; a reason for a rejection)",
                    nullptr, "NominationDecisionInput", "Nomination"});
  routes.push_back(
      {"GET",
       "/api/v1/partnerships/{id}/timeline",
       PartnershipTimeline,
       "The latest milestones, meetings, transitions and events, oldest first",
       nullptr,
       "",
       "Timeline",
       200,
       Access::kUser,
       {{.name = "limit",
         .type = Type::kInteger,
         .description = "items per page (default 200)",
         .minimum = 1,
         .maximum = 500},
        {.name = "before", .description = "the page before: the answer's earlier, as it is"}}});
  routes.push_back(
      {"GET", "/api/v1/feeds", ListFeedsHandler, "Your calendar feeds", nullptr, "", "FeedList"});
  routes.push_back({"POST", "/api/v1/feeds", CreateFeedHandler,
                    "A calendar feed at a secret URL (shown once)", nullptr, "FeedInput", "Feed",
                    201});
  routes.push_back({"DELETE", "/api/v1/feeds/{id}", RevokeFeedHandler, "Revoke a calendar feed",
                    nullptr, "", "", 204});
  routes.push_back({"GET", "/api/v1/calendar/{token}", CalendarFeed,
                    "A calendar feed (iCalendar), authorized by the secret in its URL", nullptr, "",
                    "", 200, Access::kPublic});
  routes.push_back({"GET",
                    "/public/calendar.ics",
                    PublicCalendar,
                    "The public events (iCalendar)",
                    nullptr,
                    "",
                    "",
                    200,
                    Access::kPublic,
                    {{"lang", Type::kEnum, "the language of the titles", Languages()}}});
  routes.push_back({"GET", "/api/v1/notices/export", ExportNotices,
                    "Your notices as the bell lists them (newest first, at most 100) as CSV or "
                    "XLSX",
                    nullptr, "", "", 200, Access::kUser, ExportParameters()});
  routes.push_back({"GET", "/api/v1/notices", ListNoticesHandler,
                    "Your notices (newest first, at most 100) and how many are unread", nullptr, "",
                    "NoticeList"});
  routes.push_back({"POST", "/api/v1/notices/read", ReadAllNoticesHandler,
                    "Mark all your notices read", nullptr, "", "NoticesRead"});
  routes.push_back({"POST", "/api/v1/notices/{id}/read", ReadNoticeHandler,
                    "Mark one of your notices read", nullptr, "", "NoticesRead"});
  routes.push_back({"GET", "/api/v1/notice-settings", GetNoticeSettings,
                    "Your notices' language and which kinds you receive by e-mail", nullptr, "",
                    "NoticeSettings"});
  routes.push_back({"PATCH", "/api/v1/notice-settings", UpdateNoticeSettings,
                    "Change your notices' language or which kinds you receive by e-mail", nullptr,
                    "NoticeSettingsInput", "NoticeSettings"});
  routes.push_back({"GET", "/api/v1/unsubscribe/{token}", UnsubscribePage,
                    "The page of an e-mail's unsubscribe link (no sign-in: the secret is the key)",
                    nullptr, "", "", 200, Access::kPublic});
  routes.push_back({"POST", "/api/v1/unsubscribe/{token}", Unsubscribe,
                    "Stop e-mail of that kind (RFC 8058 one-click; any body is ignored)", nullptr,
                    "", "", 200, Access::kPublic});
  routes.push_back({"GET",
                    "/api/v1/mail",
                    ListMailHandler,
                    "The e-mail outbox: counts by state and the messages that failed or wait to "
                    "be tried again (state=all: every message)",
                    nullptr,
                    "",
                    "MailOutbox",
                    200,
                    Access::kAdmin,
                    {{"state", Type::kEnum, "which messages", {"problems", "all"}}}});
  {
    std::vector<QueryParameter> query = ExportParameters();
    query.push_back({"state", Type::kEnum, "which messages", {"problems", "all"}});
    routes.push_back({"GET", "/api/v1/mail/export", ExportMail,
                      "The e-mail outbox's messages (as its list filters them, every match) as CSV "
                      "or XLSX; never the messages' text",
                      nullptr, "", "", 200, Access::kAdmin, std::move(query)});
  }
  routes.push_back({"POST", "/api/v1/mail/{id}/retry", RetryMailHandler,
                    "Put a failed message back in the outbox", nullptr, "", "", 204,
                    Access::kAdmin});
  routes.push_back({"GET", "/api/v1/partnership-health", PartnershipHealthList,
                    "Each partnership's health (active, quiet, dormant, at risk) and why", nullptr,
                    "", "PartnershipHealthPage", 200, Access::kUser, Paged({}, 200)});
  routes.push_back({"GET", "/api/v1/partnership-health/export", ExportPartnershipHealth,
                    "Every partnership's health the caller sees (all pages of its list) as CSV "
                    "or XLSX",
                    nullptr, "", "", 200, Access::kUser, ExportParameters()});
  {
    // The council report's parameters, the same for the page and the PDF.
    const std::vector<QueryParameter> report{
        {.name = "partnership_id",
         .type = Type::kId,
         .description = "only this partnership (default: every one the caller sees)"},
        {.name = "year",
         .type = Type::kInteger,
         .description = "the year reported on; 422 when no partnership has data then",
         .minimum = 1900,
         .maximum = 2200,
         .required = true},
        {"lang", Type::kEnum, "the report's language (default en)", Languages()},
        {"second", Type::kEnum, "a second language shown side by side", Languages()}};
    routes.push_back({"GET", "/api/v1/reports/council", CouncilReport,
                      "The annual council report of a partnership (or all) for a year", nullptr, "",
                      "CouncilReport", 200, Access::kUser, report});
    routes.push_back({"GET", "/api/v1/reports/council.pdf", CouncilReportPdf,
                      "The annual council report as PDF (Cairo and Pango, fonts embedded)", nullptr,
                      "", "", 200, Access::kUser, report});
    routes.push_back({"PUT", "/api/v1/partnerships/{id}/report-narratives/{year}",
                      PutReportNarrative,
                      "Write the officer's narrative of a partnership's year for the council "
                      "report",
                      nullptr, "ReportNarrativeInput", "ReportNarrative", 200, Access::kHome});
  }
  routes.push_back(
      {"GET", "/api/v1/dashboard", Dashboard,
       "Per partnership: open and overdue commitments, next events, follow-through", nullptr, "",
       "Dashboard", 200, Access::kUser,
       Paged({{.name = "partnership_id",
               .type = Type::kId,
               .description = "only this partnership (the totals are its own)"},
              {.name = "overdue_limit",
               .type = Type::kInteger,
               .description = "overdue commitments listed per partnership (default 20)",
               .minimum = 0,
               .maximum = 20}})});
  routes.push_back(
      {"GET", "/api/v1/areas", ListAreas, "The fixed taxonomy of areas", nullptr, "", "AreaList"});
  routes.push_back({"GET", "/api/v1/areas/{code}", GetArea, "One area", nullptr, "", "Area"});
  routes.push_back({"GET", "/api/v1/hs-chapters", ListHsChapters,
                    "The 97 HS chapters (77 reserved) with the headings Amity names, in tr, zh "
                    "and en",
                    nullptr, "", "HsChapterList"});
  routes.push_back({"GET", "/api/v1/hs-codes/{code}", GetHsCode,
                    "The chapter and heading of a 6-digit HS code (\"0804.20\" or \"080420\")",
                    nullptr, "", "HsCode"});
  routes.push_back({"GET",
                    "/api/v1/catalogue.pdf",
                    CataloguePdf,
                    "The product catalogue as PDF in one language, by sector and HS chapter, "
                    "with pictures (the products the caller sees)",
                    nullptr,
                    "",
                    "",
                    200,
                    Access::kUser,
                    {{"lang", Type::kEnum, "the catalogue's language (default zh)", Languages()}}});
  routes.push_back(
      {"GET",
       "/api/v1/search",
       Search,
       "Search every kind of record in Turkish, Chinese and English",
       nullptr,
       "",
       "SearchResults",
       200,
       Access::kUser,
       {{.name = "q", .description = "the words to find (at most 200 bytes)", .required = true},
        {.name = "kind",
         .type = Type::kEnum,
         .description = "only records of this kind (files: the names and texts of documents)",
         .values = RecordKinds()},
        {.name = "lang",
         .type = Type::kEnum,
         .description = "only texts in this language",
         .values = Languages()},
        {.name = "accents",
         .type = Type::kEnum,
         .description = "whether ş matches s and ı matches i (insensitive, the default)",
         .values = {"insensitive", "sensitive"}},
        {.name = "limit",
         .type = Type::kInteger,
         .description = "records per kind",
         .minimum = 1,
         .maximum = 50}}});
  {
    const std::vector<QueryParameter> queue = {
        {.name = "lang",
         .type = Type::kEnum,
         .description = "the language to translate into",
         .values = Languages(),
         .required = true},
        {.name = "state",
         .type = Type::kEnum,
         .description = "only texts missing in it, or translated unreviewed",
         .values = {"missing", "unreviewed"}},
        {.name = "kind",
         .type = Type::kEnum,
         .description = "only records of this kind",
         .values = ResourceNames()}};
    routes.push_back({"GET", "/api/v1/translations", TranslationQueue,
                      "Texts to translate or review into one language, newest first", nullptr, "",
                      "TranslationQueue", 200, Access::kHome, Paged(queue)});
    std::vector<QueryParameter> query = ExportParameters();
    query.insert(query.end(), queue.begin(), queue.end());
    routes.push_back({"GET", "/api/v1/translations/export", ExportTranslationQueue,
                      "The translation queue (as its filters select, every page) as CSV or XLSX",
                      nullptr, "", "", 200, Access::kHome, std::move(query)});
  }
  const QueryParameter since{.name = "since",
                             .type = Type::kInstant,
                             .description = "only entries at or after this instant"};
  const QueryParameter until{
      .name = "until", .type = Type::kInstant, .description = "only entries before this instant"};
  const std::vector<QueryParameter> change_filters = {
      {.name = "entity",
       .type = Type::kEnum,
       .description = "only records of this kind",
       .values = RecordKinds()},
      {.name = "record_id", .type = Type::kId, .description = "only the changes of this record"},
      {.name = "actor", .description = "only changes by this e-mail address"},
      {.name = "op",
       .type = Type::kEnum,
       .description = "only this kind of change",
       .values = {"create", "update", "archive", "transition"}},
      since,
      until};
  {
    std::vector<QueryParameter> query = ExportParameters();
    query.insert(query.end(), change_filters.begin(), change_filters.end());
    routes.push_back({"GET", "/api/v1/changes/export", ExportChanges,
                      "The change trail (as its list filters it, every match, newest first) as "
                      "CSV or XLSX: which record, which change, by whom and which fields",
                      nullptr, "", "", 200, Access::kAdmin, std::move(query)});
  }
  std::vector<QueryParameter> change_list = change_filters;
  change_list.push_back({.name = "after_seq",
                         .type = Type::kInteger,
                         .description =
                             "the feed: changes after this sequence number, oldest first; "
                             "continue with the answer's next_after_seq",
                         .minimum = 0,
                         .maximum = std::numeric_limits<int>::max()});
  routes.push_back({"GET", "/api/v1/changes", ListChangesHandler,
                    "The change trail, newest first; or the feed after a sequence number", nullptr,
                    "", "ChangePage", 200, Access::kAdmin, Paged(std::move(change_list))});
  const std::vector<QueryParameter> audit_filters = {
      {.name = "kind", .description = "only events of this kind, e.g. login"},
      {.name = "email", .description = "only events of this account"},
      since,
      until};
  routes.push_back({"GET", "/api/v1/audit", ListAuthEvents,
                    "Logins, failed logins, role changes and tokens, newest first", nullptr, "",
                    "AuthEventPage", 200, Access::kAdmin, Paged(audit_filters)});
  {
    std::vector<QueryParameter> query = ExportParameters();
    query.insert(query.end(), audit_filters.begin(), audit_filters.end());
    routes.push_back({"GET", "/api/v1/audit/export", ExportAuthEvents,
                      "The security log (as its list filters it, every match) as CSV or XLSX",
                      nullptr, "", "", 200, Access::kAdmin, std::move(query)});
  }
  routes.push_back({"POST", "/api/v1/session", Login,
                    "Sign in with e-mail and password: sets the session cookie, returns the CSRF "
                    "token",
                    nullptr, "LoginInput", "Session", 200, Access::kPublic});
  routes.push_back(
      {"GET", "/api/v1/session", CurrentSession, "The signed-in user", nullptr, "", "Session"});
  routes.push_back({"DELETE", "/api/v1/session", Logout, "Sign out (revokes the session)", nullptr,
                    "", "", 204});
  routes.push_back({"POST", "/api/v1/session/password", ChangeOwnPassword,
                    "Change your own password (other sessions are signed out)", nullptr,
                    "PasswordInput", "", 204});
  const QueryParameter role{.name = "role",
                            .type = Type::kEnum,
                            .description = "only accounts with this role",
                            .values = {std::begin(domain::kRoles), std::end(domain::kRoles)}};
  routes.push_back({"GET",
                    "/api/v1/users",
                    ListUsers,
                    "Every user account",
                    nullptr,
                    "",
                    "UserList",
                    200,
                    Access::kAdmin,
                    {role}});
  {
    std::vector<QueryParameter> query = ExportParameters();
    query.push_back(role);
    routes.push_back({"GET", "/api/v1/users/export", ExportUsers,
                      "The user accounts (as their list filters them) as CSV or XLSX; no "
                      "password or token",
                      nullptr, "", "", 200, Access::kAdmin, std::move(query)});
  }
  routes.push_back({"POST", "/api/v1/users", CreateUser,
                    "Invite a user: returns a random first password, shown once", nullptr,
                    "UserInput", "UserWithPassword", 201, Access::kAdmin});
  routes.push_back({"GET", "/api/v1/users/{id}", GetUser, "One user account", nullptr, "", "User",
                    200, Access::kAdmin});
  routes.push_back({"PATCH", "/api/v1/users/{id}", UpdateUser,
                    "Change a user's role, name, partnerships or disable it (If-Match: version)",
                    nullptr, "UserPatch", "User", 200, Access::kAdmin});
  routes.push_back({"POST", "/api/v1/users/{id}/password", ResetUserPassword,
                    "Reset a user's password to a random one, shown once", nullptr, "",
                    "UserWithPassword", 200, Access::kAdmin});
  routes.push_back(
      {"GET", "/api/v1/tokens", ListTokens, "Your API tokens", nullptr, "", "TokenList"});
  routes.push_back({"POST", "/api/v1/tokens", CreateToken,
                    "Create an API token (sent as Authorization: Bearer); shown once", nullptr,
                    "TokenInput", "TokenWithSecret", 201});
  routes.push_back(
      {"DELETE", "/api/v1/tokens/{id}", RevokeToken, "Revoke an API token", nullptr, "", "", 204});
  const std::vector<QueryParameter> portal_language = {
      {.name = "lang",
       .type = Type::kEnum,
       .description = "the page's language (else Accept-Language, else English)",
       .values = Languages()}};
  routes.push_back({"GET", "/public", PublicPortal,
                    "The public portal (HTML): published partnerships, upcoming public events and "
                    "published cases",
                    nullptr, "", "", 200, Access::kPublic, portal_language});
  routes.push_back({"GET", "/public/partnerships/{id}", PublicPartnership,
                    "A published partnership's page (HTML): its steps and public events", nullptr,
                    "", "", 200, Access::kPublic, portal_language});
  routes.push_back({"GET", "/public/cases/{id}", PublicCase,
                    "A published case of the knowledge-exchange library (HTML)", nullptr, "", "",
                    200, Access::kPublic, portal_language});
  routes.push_back({"GET", "/public/fairs/{id}/catalogue", PublicFairCatalogue,
                    "A published fair's catalogue for buyers: its public exhibitors and their "
                    "public products, named in the reader's language",
                    nullptr, "", "FairCatalogue", 200, Access::kPublic, portal_language});
  routes.push_back({"POST", "/public/fairs/{id}/inquiries", PostInquiry,
                    "Send an inquiry to a published fair, without an account: it becomes a "
                    "private lead. At most 16 KiB (413); rate-limited per client address (429 "
                    "with Retry-After)",
                    nullptr, "InquiryInput", "InquiryReceipt", 202, Access::kPublic});
  routes.push_back({"GET",
                    "/public/files/{id}",
                    PublicFileContent,
                    "A file of a published record (Range, If-None-Match); a file marked personal "
                    "data, or of a record not public, is not found",
                    nullptr,
                    "",
                    "",
                    200,
                    Access::kPublic,
                    {disposition}});
  routes.push_back({"GET", "/public/files/{id}/thumbnail", PublicFileThumbnail,
                    "The preview of a file of a published record: JPEG (If-None-Match)", nullptr,
                    "", "", 200, Access::kPublic});
  routes.push_back({"GET", "/api/v1/federation", GetFederation,
                    "This instance's federation identity (instance id, URL, current public key) "
                    "and its peers with their states and fingerprints",
                    nullptr, "", "Federation", 200, Access::kAdmin});
  routes.push_back({"POST", "/api/v1/federation/invitations", CreateInvitation,
                    "Invite another instance to pair for some partnerships: a one-time "
                    "invitation, valid 24 hours, shown once",
                    nullptr, "FederationInvitationInput", "FederationInvitation", 201,
                    Access::kAdmin});
  routes.push_back({"POST", "/api/v1/federation/peers", AcceptInvitation,
                    "Accept another instance's invitation: registers this instance there "
                    "(signed) and adds the peer, pending until both admins confirm",
                    nullptr, "FederationAcceptInput", "Peer", 201, Access::kAdmin});
  routes.push_back({"POST", "/api/v1/federation/peers/{id}/confirm", ConfirmPeer,
                    "Confirm the fingerprint compared with the other admin; tells the peer",
                    nullptr, "PeerConfirmInput", "PeerConfirmation", 200, Access::kAdmin});
  routes.push_back({"POST", "/api/v1/federation/peers/{id}/revoke", RevokePeer,
                    "Revoke a peer: its requests are refused (401) from now on", nullptr, "",
                    "Peer", 200, Access::kAdmin});
  routes.push_back({"POST", "/api/v1/federation/peers/{id}/hello", HelloPeer,
                    "Call the peer's signed hello and show its answer (a test of the link)",
                    nullptr, "", "PeerHelloResult", 200, Access::kAdmin});
  routes.push_back({"POST", "/api/v1/federation/key/rotate", RotateFederationKey,
                    "Make a new signing key; peers are told, signed with the old key, and accept "
                    "the old one for 7 more days",
                    nullptr, "", "FederationKeyRotation", 200, Access::kAdmin});
  routes.push_back({"POST", "/federation/v1/register", PeerRegister,
                    "Server to server: register with an invitation's one-time code (signed with "
                    "the key registered)",
                    nullptr, "PeerRegisterInput", "PeerRegistration", 201, Access::kPublic});
  routes.push_back({"POST", "/federation/v1/confirm", PeerConfirm,
                    "Server to server (signed): the caller's admin confirmed the fingerprint",
                    nullptr, "PeerConfirmInput", "PeerConfirmAnswer", 200, Access::kPublic});
  routes.push_back({"POST", "/federation/v1/keys", PeerKeys,
                    "Server to server (signed with the old key): the caller's new key", nullptr,
                    "PeerKeyInput", "PeerKeyAnswer", 200, Access::kPublic});
  routes.push_back({"GET", "/federation/v1/hello", PeerHello,
                    "Server to server (signed, active peers): who the caller is here and the "
                    "partnerships it is bound to",
                    nullptr, "", "PeerHello", 200, Access::kPublic});
  routes.push_back({"GET", "/api/v1/federation/sync", GetSyncStatus,
                    "The state of the pulls from each peer: cursor, last attempt and success, "
                    "lag, last error, consecutive failures and the next attempt",
                    nullptr, "", "SyncStatus", 200, Access::kAdmin});
  routes.push_back({"GET", "/api/v1/federation/holders", GetReplicaHolders,
                    "The instances whose records this server holds as replicas, with the last "
                    "time each was synced (for \"held by … · synced …\")",
                    nullptr, "", "ReplicaHolders", 200, Access::kUser});
  routes.push_back(
      {"GET",
       "/federation/v1/changes",
       PeerChanges,
       "Server to server (signed, active peers): the owner's change feed after a cursor: shared "
       "records of the caller's partnerships without personal data, and tombstones",
       nullptr,
       "",
       "PeerFeed",
       200,
       Access::kPublic,
       {{.name = "after",
         .type = QueryParameter::Type::kInteger,
         .description = "the cursor: the last sequence already applied (0 at first)",
         .minimum = 0,
         .maximum = 2147483647},
        {.name = "limit",
         .type = QueryParameter::Type::kInteger,
         .description = "changes scanned at most (default 200)",
         .minimum = 1,
         .maximum = 1000}}});
  routes.push_back({"GET", "/federation/v1/blobs/{sha256}", PeerBlob,
                    "Server to server (signed, active peers): the bytes of a blob named by a file "
                    "the feed sends the caller (by its SHA-256); any other blob is not found",
                    nullptr, "", "", 200, Access::kPublic});
  routes.push_back({"POST", "/federation/v1/notify", PeerNotify,
                    "Server to server (signed, active peers): the caller's feed has news; pull it "
                    "now",
                    nullptr, "PeerNotifyInput", "PeerNotifyAnswer", 202, Access::kPublic});
  routes.push_back(
      {"GET",
       "/api/v1/federation/proposals",
       ListProposalsHandler,
       "Changes made here to replicas and proposed to the instance that owns them: your own "
       "(admins: everyone's), newest first, at most 500",
       nullptr,
       "",
       "FederationProposalList",
       200,
       Access::kUser,
       {{.name = "state",
         .type = QueryParameter::Type::kEnum,
         .description = "only proposals in this state",
         .values = {"pending", "applied", "rejected", "dismissed"}},
        {.name = "record_id",
         .type = QueryParameter::Type::kId,
         .description = "only proposals for this record"}}});
  routes.push_back({"POST", "/api/v1/federation/proposals/{id}/dismiss", DismissProposalHandler,
                    "Put a refused proposal away (it was seen); 409 unless it was refused", nullptr,
                    "", "FederationProposal", 200, Access::kUser});
  routes.push_back({"POST", "/federation/v1/proposals", PeerProposal,
                    "Server to server (signed, active peers): a change made on the caller's "
                    "replica, checked and applied here as a partner user's change; the same "
                    "answer for a resent proposal",
                    nullptr, "PeerProposalInput", "PeerProposalAnswer", 200, Access::kPublic});
  routes.push_back({"GET", "/api/v1/openapi.json", OpenApi, "This OpenAPI document", nullptr, "",
                    "OpenApiDocument", 200, Access::kPublic});
  routes.push_back({"GET", "/healthz", nullptr, "200 once the server is ready", nullptr, "",
                    "Health", 200, Access::kPublic});
  routes.push_back({"GET", "/metrics", MetricsHandler,
                    "Server metrics in the Prometheus text format: from a loopback address, or "
                    "with an admin's token",
                    nullptr, "", "", 200, Access::kPublic});
  return routes;
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> routes = BuildRoutes();
  return routes;
}

std::vector<std::string> RouteTemplates() {
  std::vector<std::string> templates;
  for (const Route& route : Routes()) templates.push_back(route.method + " " + route.pattern);
  return templates;
}

namespace {

// The route patterns split once, in the order of Routes().
const std::vector<http::Pattern>& Patterns() {
  static const std::vector<http::Pattern> patterns = [] {
    std::vector<http::Pattern> split;
    for (const Route& route : Routes()) split.emplace_back(route.pattern);
    return split;
  }();
  return patterns;
}

}  // namespace

std::string_view Call::Param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

std::string Call::Actor() const { return principal.email; }

std::string Call::ClientAddress() const {
  if (context.trust_proxy) {
    if (const auto forwarded = request.Header("X-Forwarded-For")) {
      std::string_view first = forwarded->substr(0, forwarded->find(','));
      while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
      while (!first.empty() && first.back() == ' ') first.remove_suffix(1);
      if (!first.empty()) return std::string(first);
    }
  }
  return request.remote_address;
}

Api::Api(store::Pool& pool, Context context) : pool_(pool), context_(std::move(context)) {
  if (!context_.credentials) context_.credentials = std::make_shared<CredentialCache>();
  if (!context_.uploads) context_.uploads = std::make_shared<UploadRegistry>();
  if (context_.file_types.empty()) context_.file_types = domain::DefaultFileTypes();
  if (!context_.nonces) context_.nonces = std::make_shared<federation::NonceCache>();
  if (!context_.inquiry_limiter) {
    context_.inquiry_limiter = std::make_shared<InquiryLimiter>(
        domain::RateLimit{context_.inquiry_limit, context_.inquiry_window_seconds});
  }
}

http::Response Api::Handle(const http::Request& request) { return Dispatch(request, nullptr); }

http::Response Api::HandleAs(const http::Request& request, const domain::Principal& principal) {
  return Dispatch(request, &principal);
}

namespace {

// Whether SQLite failed because the disk (or the database's page limit) is full.
bool DiskFull(const store::DbError& error) { return (error.code() & 0xFF) == SQLITE_FULL; }

// An answer to a signed-in caller holds what that caller may see: no shared cache on the way
// and no browser cache on a device that another person may use next keeps it. (The web UI keeps
// its own offline copy, in storage that signing out wipes.) A handler's own Cache-Control stays.
void KeepOutOfCaches(http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Cache-Control") return;
  }
  response.headers.emplace_back("Cache-Control", "private, no-store");
}

// Requests that carry a body: it must be JSON.
bool SendsBody(const http::Request& request) {
  return !request.body.empty() &&
         (request.method == "POST" || request.method == "PATCH" || request.method == "PUT");
}

// The route for the request's method and path, or null; `allowed` then lists the methods of the
// routes whose path matches (for 405).
const Route* FindRoute(const http::Request& request, http::Params& params, std::string& allowed) {
  std::string_view method = request.method;
  if (method == "HEAD") method = "GET";  // HEAD is GET without the body (the adapter drops it)
  const auto segments = http::SplitPath(request.path);
  for (size_t index = 0; index < Routes().size(); ++index) {
    const Route& route = Routes()[index];
    if (!Patterns()[index].Match(segments, params)) continue;
    if (route.method == method) return &route;
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
  }
  return nullptr;
}

}  // namespace

bool Api::SharesCommit(const http::Request& request) const {
  if (request.method == "GET" || request.method == "HEAD") return false;
  http::Params params;
  std::string allowed;
  const Route* route = FindRoute(request, params, allowed);
  if (route == nullptr) return false;
  const RouteHandler handler = route->handler;
  return handler == CreateRecordHandler || handler == UpdateRecordHandler ||
         handler == ArchiveRecordHandler || handler == TransitionCommitment ||
         handler == AddCommitmentNote || handler == RequestStudyVisit || handler == TransitionLead;
}

std::shared_ptr<http::BodySink> Api::OpenBodySink(const http::Request& head,
                                                  const domain::Principal* principal) {
  if (head.method != "PATCH" && head.method != "POST") return nullptr;
  http::Params params;
  std::string allowed;
  const Route* route = FindRoute(head, params, allowed);
  // The public inquiry form takes small bodies only: a larger one is refused before it is read.
  if (route != nullptr && route->handler == PostInquiry) {
    const auto length = head.Header("Content-Length");
    if (length &&
        (length->size() > 9 || std::stoull(std::string(*length)) > domain::kMaxInquiryBytes)) {
      throw http::HttpError(
          413, "Request body too large",
          {{"", "body_too_large",
            "an inquiry is at most " + std::to_string(domain::kMaxInquiryBytes) + " bytes"}});
    }
    return nullptr;
  }
  if (route == nullptr || route->handler != PatchUpload) return nullptr;
  try {
    auto lease = pool_.Acquire();
    Call call{head, params, *route, *lease, context_, context_.clock(), {}, false, {}};
    if (principal != nullptr) {
      call.principal = *principal;
      call.authenticated = true;
      return OpenUploadSink(call);
    }
    Authenticate(call);
    if (!call.authenticated) {
      Unauthorized("not_signed_in",
                   "sign in (POST /api/v1/session) or send Authorization: Bearer <token>");
    }
    CheckCsrf(call);
    return OpenUploadSink(call);
  } catch (const store::DbError& error) {
    if ((error.code() & 0xFF) != SQLITE_FULL) throw;
    throw NotSaved("the server's disk is full, so the upload cannot continue; try again later");
  }
}

std::vector<http::Response> Api::HandleBatch(const http::NextRequest& next) {
  std::vector<const http::Request*> requests;
  std::vector<http::Response> responses;
  auto lease = pool_.Acquire();
  store::Db& db = *lease;
  // Requests from `open_from` on have their changes in the open transaction. Should SQLite drop
  // it (it rolls back by itself after an I/O error or a full disk), their changes are gone, and
  // those that had succeeded must not say so.
  const auto lose = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (responses[i].status < 400) {
        responses[i] = http::ProblemResponse(
            NotSaved("the database failed while saving this change; try again"));
      }
    }
  };
  // The batch's transaction. The requests' own Tx objects open no savepoints in it at first
  // (Db::SkipSavepoints): should a request fail after changing rows, the transaction is rolled
  // back and its requests are done again, each in a savepoint that undoes only its own changes.
  std::optional<store::Tx> batch;
  size_t open_from = 0;
  const auto begin = [&](size_t from) {
    try {
      batch.emplace(db);
      open_from = from;
    } catch (const store::DbError&) {
      // The write lock stayed taken (another process): each request tries on its own, as alone.
    }
  };
  struct Savepoints {  // back on when the connection returns to the pool
    store::Db& db;
    ~Savepoints() { db.SkipSavepoints(false); }
  } savepoints{db};
  const auto run = [&](size_t i) {
    responses[i] =
        http::Guarded(*requests[i], [&] { return Dispatch(*requests[i], nullptr, &db); });
    if (batch && !db.InWriteTransaction()) {
      batch.reset();
      lose(open_from, i + 1);
      begin(i + 1);
    }
  };
  begin(0);
  db.SkipSavepoints(true);
  while (const http::Request* request = next()) {
    requests.push_back(request);
    responses.emplace_back();
    run(requests.size() - 1);
    if (db.PartialChangesLeft()) {
      batch.reset();
      db.SkipSavepoints(false);
      begin(open_from);
      for (size_t i = open_from; i < requests.size(); ++i) run(i);
    }
  }
  if (batch) {
    try {
      batch->Commit();
    } catch (const std::exception& error) {
      batch.reset();  // rolls back what is left
      std::string line =
          "{\"level\":\"error\",\"batch_commit\":" + std::to_string(responses.size() - open_from) +
          ",\"error\":";
      AppendJsonString(line, error.what());
      line += "}\n";
      std::fputs(line.c_str(), stderr);
      lose(open_from, responses.size());
    }
  }
  return responses;
}

http::HttpError NotSaved(std::string message) {
  return http::HttpError(503, "Not saved", {{"", "not_saved", std::move(message)}});
}

http::Response Api::Dispatch(const http::Request& request, const domain::Principal* principal,
                             store::Db* db) {
  try {
    return Answer(request, principal, db);
  } catch (const store::DbError& error) {
    // Every write path alike: a full disk keeps nothing of the request (its transaction rolled
    // back), so the client may retry once there is room; a bare 500 would not say so.
    if (!DiskFull(error)) throw;
    http::LogFailure(request, error);
    throw NotSaved(
        "the server's disk is full, so nothing of this change was saved; try again later");
  }
}

http::Response Api::Answer(const http::Request& request, const domain::Principal* principal,
                           store::Db* db) {
  std::string allowed;
  http::Params params;
  if (const Route* found = FindRoute(request, params, allowed)) {
    const Route& route = *found;
    request.route = static_cast<int>(found - Routes().data());
    const std::string_view method = route.method;
    if (route.handler == nullptr) {  // /healthz: the server answers once it is listening
      return JsonResponse(200, json::object{{"status", "ok"}, {"version", context_.version}});
    }
    std::optional<store::Pool::Lease> lease;
    if (db == nullptr) {
      lease.emplace(pool_.Acquire());
      db = &**lease;
    }
    Call call{request, params, route, *db, context_, context_.clock(), {}, false, {}};
    if (principal != nullptr) {
      call.principal = *principal;
      call.authenticated = true;
    } else {
      // A public route still learns who calls (a signed-in user may use it), but a bad token
      // does not stop it from answering.
      try {
        Authenticate(call);
      } catch (const http::HttpError& error) {
        if (route.access != Access::kPublic || error.status() != 401) throw;
      }
    }
    if (route.access != Access::kPublic) {
      if (!call.authenticated) {
        Unauthorized("not_signed_in",
                     "sign in (POST /api/v1/session) or send Authorization: Bearer <token>");
      }
      CheckCsrf(call);
      if ((route.access == Access::kAdmin && !domain::IsAdmin(call.principal)) ||
          (route.access == Access::kHome && !domain::SeesEverything(call.principal))) {
        ForbidRole(call.principal, "", "may not use this route");
      }
    }
    // A mail program's one-click unsubscribe posts a form (RFC 8058), which is not read.
    if (SendsBody(request) && route.handler != Unsubscribe) {
      const auto type = request.Header("Content-Type");
      if (!type || !http::IsJsonMediaType(*type)) {
        throw http::HttpError(
            415, "Unsupported media type",
            {{"Content-Type", "unsupported_media_type",
              "send the body as JSON with the header Content-Type: application/json"}});
      }
    }
    // A change to sessions, tokens or users empties the credential cache once it has committed
    // (also when the handler fails: clearing is cheap, and a failure may follow a commit).
    const bool changes_accounts =
        method != "GET" &&
        (route.pattern.starts_with("/api/v1/session") ||
         route.pattern.starts_with("/api/v1/users") || route.pattern.starts_with("/api/v1/tokens"));
    const auto handle = [&] {
      http::Response response = HasIdempotencyKey(call)
                                    ? AnswerOnce(call, [&] { return route.handler(call); })
                                    : route.handler(call);
      if (route.access != Access::kPublic) KeepOutOfCaches(response);
      return response;
    };
    if (!changes_accounts) return handle();
    struct ClearAfter {
      CredentialCache& cache;
      ~ClearAfter() { cache.Clear(); }
    } clear_after{*context_.credentials};
    return handle();
  }
  if (!allowed.empty()) {
    throw http::HttpError(
        405, "Method not allowed",
        {{"", "method_not_allowed", request.method + " is not allowed here; use " + allowed}},
        {{"Allow", allowed}});
  }
  throw http::HttpError(404, "Not found", {{"", "no_route", "no such path: " + request.path}});
}

}  // namespace amity::api
