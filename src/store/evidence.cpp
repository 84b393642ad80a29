#include "store/evidence.h"

namespace amity::store {

std::vector<LinkedEvent> LinkedEvents(Db& db, std::string_view partnership_id,
                                      std::string_view commitment_id) {
  Stmt select = db.Prepare(
      "SELECT events.id, events.status = 'held' FROM events, json_each(events.commitment_ids) AS "
      "linked WHERE events.partnership_id = ? AND events.archived = 0 AND linked.value = ? "
      "ORDER BY events.starts_at, events.id");
  select.Bind(1, partnership_id).Bind(2, commitment_id);
  std::vector<LinkedEvent> events;
  while (select.Step()) events.push_back({std::string(select.Text(0)), select.Int(1) != 0});
  return events;
}

domain::Evidence CountEvidence(Db& db, std::string_view partnership_id,
                               std::string_view commitment_id, long long links) {
  domain::Evidence evidence{.links = links};
  Stmt files = db.Prepare("SELECT count(*) FROM files WHERE holder_id = ? AND archived = 0");
  files.Bind(1, commitment_id).Step();
  evidence.files = files.Int(0);
  for (const LinkedEvent& event : LinkedEvents(db, partnership_id, commitment_id)) {
    evidence.held_events += event.held ? 1 : 0;
  }
  return evidence;
}

}  // namespace amity::store
