// What the annual council report reads of one partnership (issue 19): its commitments with the
// dates and evidence the report needs, its meetings and events, the documents of its legal steps,
// and the narrative an officer writes per year (table report_narratives). Plain rows; which of
// them a year's report shows is domain/council_report.h's rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"
#include "store/records.h"

namespace amity::store {

struct ReportFile {
  std::string id;
  std::string name;
};

struct ReportCommitment {
  std::string id;
  std::string text_json;  // the translatable text, as stored
  std::string area;
  std::string status;
  std::optional<std::string> due_date;   // YYYY-MM-DD
  std::string created_at;                // instant, UTC
  std::optional<std::string> closed_at;  // done or dropped: the latest transition to its status
  std::optional<std::string> last_note;  // the latest progress or transition note: why it slipped
  std::optional<std::string> last_note_at;
  long long links = 0;            // evidence links on the record
  long long held_events = 0;      // held events of its partnership that name it
  std::vector<ReportFile> files;  // live files kept with it
};

struct ReportOccasion {  // a meeting or an event
  std::string id;
  std::string title_json;
  std::string kind;
  std::string status;  // events: idea … held, cancelled; meetings: ""
  std::string starts_at;
  std::string time_zone;
};

// The live commitments of `partnership_id` that `visible` allows (nullptr: all), oldest first.
// Files marked personal data are left out unless `personal_files`. Three queries, whatever the
// number of commitments.
std::vector<ReportCommitment> ReportCommitments(Db& db, std::string_view partnership_id,
                                                const Condition* visible, bool personal_files);

// The live meetings, and events, of `partnership_id` that `visible` allows, by start.
struct ReportCase {  // a live case of the partnership's library
  std::string id;
  std::string visibility;
  std::string created_at;
};
// The live cases of the partnership that `visible` (if any) lets the caller see.
std::vector<ReportCase> ReportCases(Db& db, std::string_view partnership_id,
                                    const Condition* visible);

std::vector<ReportOccasion> ReportMeetings(Db& db, std::string_view partnership_id,
                                           const Condition* visible);
std::vector<ReportOccasion> ReportEvents(Db& db, std::string_view partnership_id,
                                         const Condition* visible);

// The live files on the partnership that document a legal step, as (milestone kind, file).
struct MilestoneFile {
  std::string milestone;
  ReportFile file;
};
std::vector<MilestoneFile> MilestoneFiles(Db& db, std::string_view partnership_id,
                                          bool personal_files);

// The narrative of `partnership_id` for `year` (JSON text of a translatable text) and its
// version; nullopt when none was written.
struct Narrative {
  std::string text_json;
  long long version = 0;
  std::string updated_at;
};
std::optional<Narrative> GetNarrative(Db& db, std::string_view partnership_id, int year);

// Writes (creates or replaces) the narrative; returns its new version. Run inside a Tx.
long long PutNarrative(Db& db, std::string_view partnership_id, int year,
                       std::string_view text_json, std::string_view updated_by,
                       std::string_view now);

}  // namespace amity::store
