// Exchange agreements, their cooperation conditions and the approvals each side gave
// (migration 0027). The rules they obey are domain/exchange_agreement.h; callers check them and
// hold the transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/exchange_agreement.h"
#include "store/db.h"

namespace amity::store {

struct ExchangeAgreement {
  std::string id;
  long long version = 1;
  std::string created_at;
  std::string updated_at;
  std::string created_by;  // user id, "" when made by the system
  domain::AgreementContent content;
  std::string state = "draft";
  std::string visibility = "shared";
  std::string content_hash;
};

struct AgreementApproval {
  std::string id;
  std::string agreement_id;
  std::string side;
  std::string user_id;
  std::string user_email;
  std::string approved_at;
  std::string content_hash;
  std::string content;  // the canonical JSON approved
  std::optional<std::string> superseded_at;
};

// The agreement `id` with its live conditions in order, or nullopt.
std::optional<ExchangeAgreement> GetAgreement(Db& db, std::string_view id);

// Agreements, oldest first: of `partnership_id` when given; with `partner_user_id` given only
// the shared ones of the partnerships assigned to that user.
std::vector<ExchangeAgreement> ListAgreements(Db& db, std::optional<std::string> partnership_id,
                                              std::optional<std::string> partner_user_id);

// Stores a new agreement and its conditions (whose ids the caller chose).
void InsertAgreement(Db& db, const ExchangeAgreement& agreement);

// Writes `agreement` over the stored one (its version raised by the caller): its fields, its
// conditions as listed (an id already stored is updated in place), and marks the conditions no
// longer listed removed at `agreement.updated_at`.
void UpdateAgreement(Db& db, const ExchangeAgreement& agreement);

// Every approval of the agreement, oldest first.
std::vector<AgreementApproval> ListApprovals(Db& db, std::string_view agreement_id);

void InsertApproval(Db& db, const AgreementApproval& approval);

// Marks the agreement's standing approvals superseded at `now`.
void SupersedeApprovals(Db& db, std::string_view agreement_id, std::string_view now);

// Whether `condition_id` is a live condition of `agreement_id`.
bool HasLiveCondition(Db& db, std::string_view agreement_id, std::string_view condition_id);

}  // namespace amity::store
