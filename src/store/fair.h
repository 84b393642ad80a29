// The export fair's queries beyond the generic record path (its exhibitors, B2B plans, buyers,
// requests and leads are records, src/store/records.h): what is once per fair, the results, the
// stored B2B schedule.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/lead.h"
#include "store/db.h"
#include "store/records.h"

namespace amity::store {

// The id of the live record of `table` (b2b_plans, fair_buyers, meeting_requests) whose columns
// `columns` (e.g. {"event_id", "organization_id"}) hold `values`, other than `except_id`; absent
// when there is none. `table` and `columns` are the caller's constants, never input.
std::optional<std::string> OtherLiveRecord(Db& db, std::string_view table,
                                           const std::vector<std::string_view>& columns,
                                           const std::vector<std::string>& values,
                                           std::string_view except_id);

// What a fair or a partnership brought: its exhibitors, its leads by status and the won deals
// (each in its own currency).
struct TradeResults {
  long long exhibitors = 0;
  long long meetings = 0;                            // B2B meetings in the stored schedules
  std::map<std::string, long long> leads_by_status;  // statuses without a lead absent
  std::vector<domain::DealValue> won;
};

// The results of fair `event_id` (`by_partnership` false) or of every fair and lead of
// partnership `id` (true), counting only live rows that `exhibitors_visible` and `leads_visible`
// keep (nullptr: all).
TradeResults CountTradeResults(Db& db, std::string_view id, bool by_partnership,
                               const Condition* exhibitors_visible, const Condition* leads_visible);

// The parties and requests of a fair's B2B meetings, live records only, in a stable order.
struct B2bPartyRow {
  std::string id;                      // exhibitors: the exhibitor record; buyers: organization
  std::string company_id;              // exhibitors: the company; buyers: empty
  std::vector<std::string> available;  // slot starts; empty: every slot
};
struct B2bRequestRow {
  std::string id;
  std::string buyer_id;      // organization
  std::string exhibitor_id;  // exhibitor record
  long long priority = 1;
};
std::vector<B2bPartyRow> FairExhibitorParties(Db& db, std::string_view event_id);
std::vector<B2bPartyRow> FairBuyerParties(Db& db, std::string_view event_id);
std::vector<B2bRequestRow> FairRequests(Db& db, std::string_view event_id);

// A stored schedule: the run's figures and each met request's slot and table.
struct B2bRun {
  std::string ran_at;
  long long requests = 0, met = 0, met_priority = 0, upper_bound = 0;
};
struct B2bMeetingRow {
  std::string request_id;
  std::string starts_at, ends_at;  // UTC text
  long long table_number = 1;
};
// Replaces the fair's stored schedule with `run` and `meetings` (inside the caller's Tx).
void StoreB2bSchedule(Db& db, std::string_view event_id, const B2bRun& run,
                      const std::vector<B2bMeetingRow>& meetings);
// The fair's stored run, absent before the first; its meetings in time and table order.
std::optional<B2bRun> LoadB2bRun(Db& db, std::string_view event_id);
std::vector<B2bMeetingRow> LoadB2bMeetings(Db& db, std::string_view event_id);

}  // namespace amity::store
