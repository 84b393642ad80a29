// The annual council report (issue 19): GET /api/v1/reports/council gathers, for one partnership
// (or every one the caller sees) and a year, the legal steps and their documents, what was agreed,
// what was done with its evidence, events and meetings held, the figures and health, activity per
// year and follow-through by area, what is overdue and why, and the officer's narrative;
// GET /api/v1/reports/council.pdf draws the same answer as PDF (report/council_pdf.h).
// PUT /api/v1/partnerships/{id}/report-narratives/{year} keeps the narrative.
//
// Visibility: the lists follow the caller's list condition (a partner user sees the shared
// commitments, meetings and events of its partnerships), files marked personal data are left out
// for partner users, and the narrative — the home city's account to its council — is shown to
// home roles only.
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/programme_figures.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "api/texts.h"
#include "domain/access.h"
#include "domain/council_report.h"
#include "domain/follow_through.h"
#include "domain/milestones.h"
#include "http/error.h"
#include "report/council_pdf.h"
#include "store/council_report.h"
#include "store/read_models.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

constexpr domain::FieldSpec kNarrativeFields[] = {
    {.name = "narrative",
     .type = domain::FieldType::kText,
     .required = true,
     .description = "the officer's account of the year, in one or more languages"},
};
constexpr domain::ResourceSpec kNarrativeBody{"report_narratives", "report_narrative",
                                              kNarrativeFields};

// An instant's (or a date's) calendar date, UTC.
Date DateOfText(std::string_view text) {
  if (auto instant = ParseInstant(text)) return DateOf(*instant);
  if (auto date = ParseDate(text.substr(0, 10))) return *date;
  return Date{};
}

// The date a meeting or event took place on where it took place.
std::string LocalDate(const store::ReportOccasion& occasion) {
  const auto instant = ParseInstant(occasion.starts_at);
  if (!instant) return occasion.starts_at.substr(0, 10);
  if (!IsTimeZone(occasion.time_zone)) return FormatDate(DateOf(*instant));
  return FormatLocal(*instant, occasion.time_zone).substr(0, 10);
}

json::value Parsed(const std::string& text) { return json::parse(text); }

json::value OptionalString(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

json::value Share(std::optional<double> share) {
  return share ? json::value(*share) : json::value(nullptr);
}

struct Request {
  std::optional<std::string> partnership_id;
  int year = 0;
  std::string lang = "en";
  std::optional<std::string> second;
};

Request ReadRequest(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  Request request;
  for (const auto& [name, value] : call.request.query) {
    if (name == "partnership_id") request.partnership_id = value;
    if (name == "year") request.year = ParseBoundedInt(name, value, 1900, 2200);
    if (name == "lang") request.lang = value;
    if (name == "second") request.second = value;
  }
  if (request.second == request.lang) request.second.reset();
  return request;
}

// What one partnership's section is made from, read once.
struct Gathered {
  json::object partnership;
  std::vector<store::ReportCommitment> commitments;
  std::vector<domain::ReportCommitmentFacts> facts;
  std::vector<store::ReportOccasion> meetings;
  std::vector<store::ReportOccasion> events;
  std::vector<domain::ReportCaseFacts> cases;
  domain::ReportYears years;
};

Gathered Gather(Call& call, json::object partnership, const store::Condition* visible, Date today) {
  Gathered gathered;
  gathered.partnership = std::move(partnership);
  const std::string id(gathered.partnership.at("id").as_string());
  const bool home = domain::SeesEverything(call.principal);
  gathered.commitments = store::ReportCommitments(call.db, id, visible, home);
  gathered.meetings = store::ReportMeetings(call.db, id, visible);
  gathered.events = store::ReportEvents(call.db, id, visible);
  for (const store::ReportCase& report_case : store::ReportCases(call.db, id, visible)) {
    gathered.cases.push_back(
        {.visibility = report_case.visibility, .created = DateOfText(report_case.created_at)});
  }
  std::vector<Date> dates{DateOfText(gathered.partnership.at("created_at").as_string())};
  for (const json::value& milestone : gathered.partnership.at("milestones").as_array()) {
    dates.push_back(DateOfText(milestone.as_object().at("date").as_string()));
  }
  for (const store::ReportCommitment& commitment : gathered.commitments) {
    domain::ReportCommitmentFacts facts{.area = commitment.area,
                                        .status = commitment.status,
                                        .made = DateOfText(commitment.created_at),
                                        .done = std::nullopt,
                                        .due = std::nullopt,
                                        .dropped = std::nullopt};
    if (commitment.closed_at && commitment.status == "done") {
      facts.done = DateOfText(*commitment.closed_at);
    } else if (commitment.closed_at && commitment.status == "dropped") {
      facts.dropped = DateOfText(*commitment.closed_at);
    }
    if (commitment.due_date) facts.due = ParseDate(*commitment.due_date);
    dates.push_back(facts.made);
    gathered.facts.push_back(std::move(facts));
  }
  for (const auto* list : {&gathered.meetings, &gathered.events}) {
    for (const store::ReportOccasion& occasion : *list) {
      dates.push_back(DateOfText(occasion.starts_at));
    }
  }
  gathered.years = domain::YearsWithData(dates, today);
  return gathered;
}

json::value CityName(Call& call, const json::value& id) {
  if (!id.is_string()) return nullptr;
  auto city = store::GetRecord(call.db, domain::Cities(), id.as_string());
  if (!city) return nullptr;
  return city->at("name");
}

json::array LegalSteps(Call& call, const json::object& partnership) {
  const std::string id(partnership.at("id").as_string());
  const std::string country =
      store::CityCountry(call.db, partnership.at("home_city_id").as_string()).value_or("");
  const auto files = store::MilestoneFiles(call.db, id, domain::SeesEverything(call.principal));
  const json::array& milestones = partnership.at("milestones").as_array();
  const std::vector<std::string_view> required = domain::RequiredSteps(country);
  auto step = [&](std::string_view kind, bool is_required) {
    json::object entry{{"kind", kind},
                       {"required", is_required},
                       {"date", nullptr},
                       {"reference", nullptr},
                       {"note", nullptr}};
    for (const json::value& item : milestones) {
      const json::object& milestone = item.as_object();
      if (milestone.at("kind").as_string() != kind) continue;
      for (const char* key : {"date", "reference", "note"}) {
        if (const json::value* value = milestone.if_contains(key)) entry[key] = *value;
      }
    }
    json::array documents;
    for (const store::MilestoneFile& file : files) {
      if (file.milestone == kind) {
        documents.push_back(json::object{{"id", file.file.id}, {"name", file.file.name}});
      }
    }
    entry["documents"] = std::move(documents);
    return entry;
  };
  json::array steps;
  for (std::string_view kind : required) steps.push_back(step(kind, true));
  // Then the steps recorded that this country does not require, in the order of the kinds.
  for (std::string_view kind : domain::kMilestoneKinds) {
    if (std::find(required.begin(), required.end(), kind) != required.end()) continue;
    for (const json::value& item : milestones) {
      if (item.as_object().at("kind").as_string() == kind) {
        steps.push_back(step(kind, false));
        break;
      }
    }
  }
  return steps;
}

bool HasEvidence(const store::ReportCommitment& commitment) {
  return !commitment.files.empty() || commitment.links > 0 || commitment.held_events > 0;
}

json::object CommitmentItem(const store::ReportCommitment& commitment) {
  json::array files;
  for (const store::ReportFile& file : commitment.files) {
    files.push_back(json::object{{"id", file.id}, {"name", file.name}});
  }
  return json::object{{"id", commitment.id},
                      {"text", Parsed(commitment.text_json)},
                      {"area", commitment.area},
                      {"status", commitment.status},
                      {"due_date", OptionalString(commitment.due_date)},
                      {"made", FormatDate(DateOfText(commitment.created_at))},
                      {"done_at", commitment.closed_at && commitment.status == "done"
                                      ? json::value(FormatDate(DateOfText(*commitment.closed_at)))
                                      : json::value(nullptr)},
                      {"evidence",
                       {{"files", std::move(files)},
                        {"links", commitment.links},
                        {"held_events", commitment.held_events}}}};
}

json::object OccasionItem(const store::ReportOccasion& occasion) {
  return json::object{{"id", occasion.id},
                      {"title", Parsed(occasion.title_json)},
                      {"kind", occasion.kind},
                      {"starts_at", occasion.starts_at},
                      {"local_date", LocalDate(occasion)},
                      {"time_zone", occasion.time_zone}};
}

json::object Section(Call& call, Gathered& gathered, int year, Date today,
                     const store::Condition* visible, Redactor& redactor) {
  const json::object& partnership = gathered.partnership;
  const std::string id(partnership.at("id").as_string());
  const Date cut_off = domain::ReportCutOff(year, today);
  const bool home = domain::SeesEverything(call.principal);

  json::array agreed, done, overdue;
  long long done_with_evidence = 0, dropped = 0;
  for (size_t i = 0; i < gathered.commitments.size(); ++i) {
    const store::ReportCommitment& commitment = gathered.commitments[i];
    const domain::ReportCommitmentFacts& facts = gathered.facts[i];
    if (domain::MadeIn(facts, year)) agreed.push_back(CommitmentItem(commitment));
    if (domain::DoneIn(facts, year)) {
      done.push_back(CommitmentItem(commitment));
      done_with_evidence += HasEvidence(commitment) ? 1 : 0;
    }
    dropped += domain::DroppedIn(facts, year) ? 1 : 0;
    if (domain::OverdueAt(facts, cut_off)) {
      json::object item = CommitmentItem(commitment);
      item["days_overdue"] = (cut_off - *facts.due).count();
      item["why"] = OptionalString(commitment.last_note);
      item["why_at"] = commitment.last_note_at
                           ? json::value(FormatDate(DateOfText(*commitment.last_note_at)))
                           : json::value(nullptr);
      overdue.push_back(std::move(item));
    }
  }
  std::vector<Date> meeting_dates, held_dates;
  json::array meetings, events;
  for (const store::ReportOccasion& meeting : gathered.meetings) {
    const Date date = DateOfText(LocalDate(meeting));
    meeting_dates.push_back(date);
    if (domain::YearOf(date) == year) meetings.push_back(OccasionItem(meeting));
  }
  for (const store::ReportOccasion& event : gathered.events) {
    if (event.status != "held") continue;
    const Date date = DateOfText(LocalDate(event));
    held_dates.push_back(date);
    if (domain::YearOf(date) == year) events.push_back(OccasionItem(event));
  }
  const auto activity = domain::ActivityByYear(gathered.facts, meeting_dates, held_dates,
                                               gathered.cases, gathered.years.first, year);
  json::array activity_json;
  for (const domain::YearActivity& item : activity) {
    activity_json.push_back(json::object{{"year", item.year},
                                         {"meetings", item.meetings},
                                         {"events_held", item.events_held},
                                         {"made", item.made},
                                         {"done", item.done},
                                         {"cases_shared", item.cases_shared}});
  }
  json::array by_area;
  long long area_done = 0, area_left_proposed = 0;
  for (const domain::AreaFollowThrough& area :
       domain::FollowThroughByArea(gathered.facts, cut_off)) {
    area_done += area.done;
    area_left_proposed += area.left_proposed;
    by_area.push_back(json::object{{"area", area.area},
                                   {"made", area.made},
                                   {"done", area.done},
                                   {"dropped", area.dropped},
                                   {"left_proposed", area.left_proposed},
                                   {"overdue", area.overdue},
                                   {"follow_through", Share(area.follow_through)}});
  }
  const long long year_meetings = static_cast<long long>(meetings.size());
  const long long year_events = static_cast<long long>(events.size());
  long long cases_shared = 0;
  for (const domain::ReportCaseFacts& report_case : gathered.cases) {
    cases_shared += domain::SharedIn(report_case, year) ? 1 : 0;
  }
  json::object figures{
      {"meetings", year_meetings},
      {"events_held", year_events},
      {"made", static_cast<long long>(agreed.size())},
      {"done", static_cast<long long>(done.size())},
      {"done_with_evidence", done_with_evidence},
      {"dropped", dropped},
      {"overdue", static_cast<long long>(overdue.size())},
      {"cases_shared", cases_shared},
      {"follow_through", Share(domain::FollowThrough(static_cast<long>(area_done),
                                                     static_cast<long>(area_left_proposed)))}};
  const std::string health = store::PartnershipHealth(
      call.db, partnership, store::CountCommitments(call.db, id, today, visible), today, call.now,
      visible);
  json::value narrative = nullptr;
  json::value narrative_version = nullptr;
  if (home) {
    if (auto stored = store::GetNarrative(call.db, id, year)) {
      narrative = Parsed(stored->text_json);
      narrative_version = stored->version;
    }
  }
  // What a partner user is shown of the partnership record itself (api/redaction.h).
  const json::object shown =
      home ? partnership
           : Parsed(redactor.RedactJson(domain::Partnerships(), json::serialize(partnership)))
                 .as_object();
  return json::object{
      {"partnership",
       {{"id", id},
        {"home_city", CityName(call, shown.at("home_city_id"))},
        {"partner_city", CityName(call, shown.at("partner_city_id"))},
        {"tier", shown.at("tier")},
        {"status", shown.at("status")},
        {"since", FormatDate(DateOfText(shown.at("created_at").as_string()))}}},
      {"years", {{"first", gathered.years.first}, {"last", gathered.years.last}}},
      {"legal_steps", LegalSteps(call, shown)},
      {"figures", std::move(figures)},
      {"programmes",
       {{"exchange", ExchangeFigures(call, id, year)}, {"trade", TradeFigures(call, id)}}},
      {"health", Parsed(health)},
      {"activity", std::move(activity_json)},
      {"by_area", std::move(by_area)},
      {"narrative", std::move(narrative)},
      {"narrative_version", std::move(narrative_version)},
      {"agreed", std::move(agreed)},
      {"done", std::move(done)},
      {"overdue", std::move(overdue)},
      {"events", std::move(events)},
      {"meetings", std::move(meetings)}};
}

[[noreturn]] void YearOutside(int year, const domain::ReportYears& years) {
  throw http::HttpError(422, "Invalid query parameter",
                        {{"year", "no_data",
                          "no data for " + std::to_string(year) + ": reports cover " +
                              std::to_string(years.first) + " to " + std::to_string(years.last)}});
}

json::object BuildReport(Call& call) {
  const Request request = ReadRequest(call);
  const Date today = DateOf(call.now);
  const auto visible_rows = VisibleCondition(call.principal, domain::Commitments());
  const store::Condition* visible = visible_rows ? &*visible_rows : nullptr;
  std::vector<json::object> partnerships;
  bool truncated = false;  // more partnerships than one report holds
  if (request.partnership_id) {
    auto record = store::GetRecord(call.db, domain::Partnerships(), *request.partnership_id);
    if (!record || record->at("archived").as_bool()) NotFound("partnership");
    RequireVisible(call, domain::Partnerships(), *record);
    partnerships.push_back(std::move(*record));
  } else {
    store::ListQuery query{.sort_column = "created_at", .descending = false, .limit = 200};
    if (auto condition = VisibleCondition(call.principal, domain::Partnerships())) {
      query.conditions.push_back(std::move(*condition));
    }
    store::Page page = store::ListRecords(call.db, domain::Partnerships(), query);
    truncated = page.info.has_more;
    for (json::value& item : page.items) partnerships.push_back(std::move(item.as_object()));
  }
  std::vector<Gathered> gathered;
  domain::ReportYears years{domain::YearOf(today), domain::YearOf(today)};
  for (json::object& partnership : partnerships) {
    gathered.push_back(Gather(call, std::move(partnership), visible, today));
    years.first = std::min(years.first, gathered.back().years.first);
    years.last = std::max(years.last, gathered.back().years.last);
  }
  if (!years.Contains(request.year)) YearOutside(request.year, years);
  Redactor redactor(call.db, call.principal);
  json::array sections;
  for (Gathered& item : gathered) {
    if (!item.years.Contains(request.year)) continue;  // of several, those that had begun
    sections.push_back(Section(call, item, request.year, today, visible, redactor));
  }
  return json::object{{"year", request.year},
                      {"lang", request.lang},
                      {"second", OptionalString(request.second)},
                      {"today", FormatDate(today)},
                      {"cut_off", FormatDate(domain::ReportCutOff(request.year, today))},
                      {"truncated", truncated},
                      {"partnerships", std::move(sections)}};
}

}  // namespace

const domain::ResourceSpec& ReportNarrativeBody() { return kNarrativeBody; }

http::Response CouncilReport(Call& call) { return JsonResponse(200, BuildReport(call)); }

http::Response CouncilReportPdf(Call& call) {
  const json::object report = BuildReport(call);
  http::Response response;
  response.content_type = "application/pdf";
  response.body = report::CouncilReportPdf(report);
  std::string name = "council-report-" + std::to_string(report.at("year").as_int64()) + "-" +
                     std::string(report.at("lang").as_string());
  if (report.at("second").is_string()) (name += "-") += report.at("second").as_string();
  response.headers.emplace_back("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
  return response;
}

http::Response PutReportNarrative(Call& call) {
  const json::object partnership = LoadLiveRecord(call, domain::Partnerships());
  if (!domain::CanEdit(call.principal,
                       {.resource = "partnerships",
                        .visibility = domain::Visibility::kPrivate,
                        .partnership_id = std::string(partnership.at("id").as_string())})) {
    throw http::HttpError(403, "Forbidden",
                          {{"", "forbidden", "only officers write the council report"}});
  }
  const int year = ParseBoundedInt("year", call.Param("year"), 1900, 2200);
  const std::string id(partnership.at("id").as_string());
  store::Tx tx(call.db);
  Validated input = ValidBody(call.request, kNarrativeBody);
  const auto current = store::GetNarrative(call.db, id, year);
  const json::object stored =
      current ? json::object{{"narrative", Parsed(current->text_json)}} : json::object{};
  ReconcileTexts(kNarrativeBody, input.fields, current ? &stored : nullptr);
  const std::string text = json::serialize(input.fields.at("narrative"));
  const std::string now = FormatInstant(call.now);
  const long long version = store::PutNarrative(call.db, id, year, text, call.Actor(), now);
  tx.Commit();
  return JsonResponse(200, json::object{{"partnership_id", id},
                                        {"year", year},
                                        {"narrative", input.fields.at("narrative")},
                                        {"version", version},
                                        {"updated_at", now}});
}

}  // namespace amity::api
