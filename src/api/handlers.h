// Route handlers, grouped by file: records.cpp (generic list/get/create/update/archive for every
// resource), commitments.cpp (workflow), cases.cpp (study visits requested from a case),
// partnerships.cpp (timeline, dashboard),
// reference.cpp (areas, changes, health), openapi.cpp.
#pragma once

#include <boost/json.hpp>

#include "api/api.h"
#include "api/validation.h"
#include "store/accounts.h"
#include "store/changes.h"
#include "store/records.h"

namespace amity::api {

http::Response ListRecordsHandler(Call& call);
http::Response GetRecordHandler(Call& call);
http::Response CreateRecordHandler(Call& call);
http::Response UpdateRecordHandler(Call& call);
http::Response ArchiveRecordHandler(Call& call);

http::Response TransitionCommitment(Call& call);
http::Response AddCommitmentNote(Call& call);
http::Response CommitmentHistory(Call& call);
http::Response CommitmentEvidence(Call& call);  // evidence.cpp

http::Response RequestStudyVisit(Call& call);

// exchange_agreements.cpp: the ISCED-F table, exchange agreements, approvals and the seat grid.
http::Response ListIscedFields(Call& call);
http::Response ListExchangeAgreements(Call& call);
http::Response GetExchangeAgreement(Call& call);
http::Response CreateExchangeAgreement(Call& call);
http::Response UpdateExchangeAgreement(Call& call);
http::Response ProposeExchangeAgreement(Call& call);
http::Response ApproveExchangeAgreement(Call& call);
http::Response ListAgreementApprovals(Call& call);
http::Response AgreementSeatGrid(Call& call);
// agreement_exports.cpp: the agreements and a seat grid for spreadsheets.
http::Response ExportExchangeAgreements(Call& call);
http::Response ExportAgreementSeats(Call& call);
http::Response ExportExchangeApplications(Call& call);
http::Response ExportExchangeCalls(Call& call);

// exchange_calls.cpp: calls for applications on approved agreements, and the applications.
http::Response ListExchangeCalls(Call& call);
http::Response CreateExchangeCall(Call& call);
http::Response GetExchangeCall(Call& call);
http::Response ListExchangeApplications(Call& call);
http::Response CreateExchangeApplication(Call& call);
http::Response GetExchangeApplication(Call& call);
http::Response UpdateExchangeApplication(Call& call);
http::Response WithdrawExchangeApplication(Call& call);

// exchange_runs.cpp: allocation runs over a call, their explanations and locking.
http::Response ListAllocationRuns(Call& call);
http::Response CreateAllocationRun(Call& call);
http::Response GetAllocationRun(Call& call);
http::Response LockAllocationRun(Call& call);

// leads.cpp and fair.cpp: the export fair's leads and results.
http::Response TransitionLead(Call& call);
http::Response FairResults(Call& call);
http::Response PartnershipTradeResults(Call& call);
// trade_overview.cpp: the trade results of every partnership and fair shown on the dashboard.
http::Response TradeOverview(Call& call);
// b2b.cpp: a fair's B2B schedule run, read, and as iCalendar.
http::Response RunB2bSchedule(Call& call);
http::Response GetB2bSchedule(Call& call);
http::Response B2bScheduleCalendar(Call& call);
// exchange_nominations.cpp: nominations to the host side from a locked run, its decisions.
http::Response SendNominations(Call& call);
http::Response ListRunNominationsHandler(Call& call);
http::Response ListAgreementNominationsHandler(Call& call);
http::Response DecideNominationHandler(Call& call);
http::Response ExportAgreementNominations(Call& call);

// products.cpp: the HS nomenclature the trade catalogue names codes by.
http::Response ListHsChapters(Call& call);
http::Response GetHsCode(Call& call);
http::Response CataloguePdf(Call& call);

http::Response PartnershipTimeline(Call& call);
http::Response Dashboard(Call& call);
http::Response PartnershipHealthList(Call& call);  // health.cpp
// reports.cpp: the annual council report.
http::Response CouncilReport(Call& call);
http::Response CouncilReportPdf(Call& call);
http::Response PutReportNarrative(Call& call);
// The body of PutReportNarrative: {"narrative": a translatable text}.
const domain::ResourceSpec& ReportNarrativeBody();
// feeds.cpp: calendar feeds.
http::Response ListFeedsHandler(Call& call);
http::Response CreateFeedHandler(Call& call);
http::Response RevokeFeedHandler(Call& call);
http::Response CalendarFeed(Call& call);
http::Response PublicCalendar(Call& call);

// notices.cpp: the bell, notice settings, unsubscribe links, the mail outbox for admins.
http::Response ListNoticesHandler(Call& call);
http::Response ReadNoticeHandler(Call& call);
http::Response ReadAllNoticesHandler(Call& call);
http::Response GetNoticeSettings(Call& call);
http::Response UpdateNoticeSettings(Call& call);
http::Response UnsubscribePage(Call& call);
http::Response Unsubscribe(Call& call);
http::Response ListMailHandler(Call& call);
// Whether the outbox's list (and its export) shows only the messages that failed or wait to be
// tried again (state=problems, the default) rather than all (state=all). Throws HttpError 400 for
// a parameter its route does not declare.
bool MailProblemsOnly(const Call& call);
http::Response RetryMailHandler(Call& call);

http::Response ListAreas(Call& call);
http::Response GetArea(Call& call);
http::Response ListChangesHandler(Call& call);
// The change trail's filters (entity, record_id, actor, op, since, until; after_seq and paging
// where the route declares them) from the call's query. Throws HttpError 400 naming a parameter.
store::ChangeQuery ChangeQueryOf(const Call& call);
http::Response RecordChangesHandler(Call& call);
http::Response MinutesRevisions(Call& call);  // minutes.cpp
http::Response MinutesRevision(Call& call);   // minutes.cpp
http::Response ListAuthEvents(Call& call);    // users.cpp
// The security log's filters (kind, email, since, until; paging where the route declares it)
// from the call's query. Throws HttpError 400 naming a parameter that is unknown or malformed.
store::AuthEventQuery AuthEventQueryOf(const Call& call);

http::Response PublicPortal(Call& call);
http::Response MetricsHandler(Call& call);  // metrics.cpp
http::Response PublicPartnership(Call& call);
http::Response PublicCase(Call& call);
// The portal's language: ?lang= when given (400 for an unknown one), else the first of tr/zh/en
// in Accept-Language, else English.
std::string PortalLanguage(const Call& call);
// inquiries.cpp: a published fair's catalogue (JSON) and the inquiry form's POST.
http::Response PublicFairCatalogue(Call& call);
http::Response PostInquiry(Call& call);

// admin_exports.cpp: the administrators' lists for spreadsheets, as their JSON routes filter them.
http::Response ExportUsers(Call& call);
http::Response ExportAuthEvents(Call& call);
http::Response ExportMail(Call& call);
http::Response ExportChanges(Call& call);
// list_exports.cpp: the health list, the translation queue, a call's runs, a fair's B2B
// meetings and the caller's notices as CSV or XLSX.
http::Response ExportPartnershipHealth(Call& call);
http::Response ExportTranslationQueue(Call& call);
http::Response ExportAllocationRuns(Call& call);
http::Response ExportB2bMeetings(Call& call);
http::Response ExportNotices(Call& call);

http::Response ListUsers(Call& call);
http::Response GetUser(Call& call);
http::Response CreateUser(Call& call);
http::Response UpdateUser(Call& call);
http::Response ResetUserPassword(Call& call);
http::Response ListTokens(Call& call);
http::Response CreateToken(Call& call);
http::Response RevokeToken(Call& call);
http::Response OpenApi(Call& call);
http::Response Search(Call& call);
http::Response TranslationQueue(Call& call);

// The OpenAPI 3.1 document of every route in Routes().
boost::json::object OpenApiDocument();

// The record `id` of `spec` as the answer, with its version as ETag, showing what the caller may
// see of it (api/redaction.h). Throws HttpError 404 when there is no such record.
http::Response RecordResponse(int status, Call& call, const domain::ResourceSpec& spec,
                              std::string_view id);

// The two halves of POST /{resource}, for routes that create records of their own (a study
// visit requested from a case). ValidateCreate checks that the caller may create records of
// `spec` at all, then `body`'s shape and values (throws the 403/400/422 POST answers; reads no
// record). InsertValidated, inside the caller's transaction, checks references, the caller's
// right to create this very record and the resource's rules (throws likewise), then stores it
// with the caller as created_by and returns its id and the record as stored.
Validated ValidateCreate(const Call& call, const domain::ResourceSpec& spec,
                         const boost::json::object& body);
struct CreatedRecord {
  std::string id;
  store::RecordJson stored;
};
CreatedRecord InsertValidated(Call& call, const domain::ResourceSpec& spec, Validated input);

// `stored` (a record of `spec`) as the answer with `status`, showing what the caller may see.
http::Response RecordAnswer(Call& call, const domain::ResourceSpec& spec, store::RecordJson stored,
                            int status);

// The body of a route that is not a record (a transition, a note, a study-visit request),
// validated against `body_spec` as a create; throws the HttpError 400/422 of its problems.
Validated ValidBody(const http::Request& request, const domain::ResourceSpec& body_spec);

// Loads a live (not archived) record or throws HttpError 404 naming the resource.
boost::json::object LoadLiveRecord(Call& call, const domain::ResourceSpec& spec);

// Throws HttpError 404 unless record `id` of `spec` exists (archived or not) and the caller may
// see it; 400 when `id` is not a UUID.
void RequireVisibleRecord(Call& call, const domain::ResourceSpec& spec, std::string_view id);

// The changes of record `id` of `spec` that `query` selects (the record checked visible), as the
// caller may see them: for a partner user only from the last change that widened who sees the
// record (store::LastWidening; sets query.from_seq), that change's `before` null and listed in
// "hidden", and every before/after redacted (api/redaction.h). Home roles see every change.
store::Page VisibleRecordChanges(Call& call, const domain::ResourceSpec& spec, std::string_view id,
                                 store::ChangeQuery& query);

}  // namespace amity::api
