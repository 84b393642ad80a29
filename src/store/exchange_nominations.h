// Nominations sent to the host side from a locked allocation run, and the host's decision on
// each (migration 0033). Each row holds only the minimum set the host needs (docs/EXCHANGE.md),
// copied from the application when sent. Callers check the rules and hold the transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "store/db.h"

namespace amity::store {

struct ExchangeNomination {
  std::string id;
  std::string run_id;
  std::string call_id;
  std::string agreement_id;
  std::string application_id;
  std::string condition_id;
  std::string academic_year;
  std::string direction;
  std::string host_institution_id;
  std::string host_department;
  std::string name_native;
  std::string name_latin;
  std::string home_institution_id;
  std::string home_department;
  std::string isced_code;
  std::string level;
  int months = 0;
  std::string language;
  std::string language_level;
  std::string sent_at;
  std::string sent_by_email;
  std::string status = "sent";  // sent, accepted, rejected
  std::string decided_at;       // "" while undecided
  std::string decided_by_email;
  std::string reason;
};

// The nomination `id`, or nullopt.
std::optional<ExchangeNomination> GetNomination(Db& db, std::string_view id);
// The run's nominations by Latin name.
std::vector<ExchangeNomination> ListRunNominations(Db& db, std::string_view run_id);
// The agreement's nominations by academic year, direction and Latin name.
std::vector<ExchangeNomination> ListAgreementNominations(Db& db, std::string_view agreement_id);
void InsertNomination(Db& db, const ExchangeNomination& nomination);
// Records the host's decision (status, who, when, reason).
void DecideNomination(Db& db, const ExchangeNomination& nomination);
// Nominations accepted and rejected per (academic year, direction, condition id).
struct DecisionCounts {
  std::map<std::tuple<std::string, std::string, std::string>, int> accepted, rejected;
};
DecisionCounts CountDecisions(Db& db, std::string_view agreement_id);

}  // namespace amity::store
