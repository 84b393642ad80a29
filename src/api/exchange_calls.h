// What the exchange call routes share with the allocation runs (api/exchange_calls.cpp,
// api/exchange_runs.cpp): the call a request names, its rules, and what an application states
// and is eligible for.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/api.h"
#include "domain/exchange_call.h"
#include "store/exchange_agreements.h"
#include "store/exchange_calls.h"

namespace amity::api {

// The call `id` with its agreement (400 when not a UUID), or the 404 of one the caller may not
// see.
std::pair<store::ExchangeCall, store::ExchangeAgreement> LoadCall(Call& call, std::string_view id);

// The call's rules: its window, formula and max_choices.
domain::CallRules RulesOf(const store::ExchangeCall& call);

// What the application states that the rules read (its stored JSON parsed).
domain::ApplicationFacts FactsOf(const store::ExchangeApplication& application);

// One ranked choice and every rule the student fails for it (empty: eligible); rule "offered"
// when the agreement no longer offers the condition.
struct ChoiceCheck {
  int rank = 0;
  std::string condition_id;
  std::vector<domain::Ineligibility> failures;
};
std::vector<ChoiceCheck> CheckChoicesOf(const store::ExchangeApplication& application,
                                        const store::ExchangeCall& exchange_call,
                                        const store::ExchangeAgreement& agreement);

}  // namespace amity::api
