#include "domain/products.h"

#include <cmath>

namespace amity::domain {

Problems CheckProductTerms(const ProductTerms& terms) {
  Problems problems;
  if ((terms.price_min || terms.price_max) && terms.currency.empty()) {
    problems.push_back({"currency", "required", "is required when a price is given"});
  }
  if (terms.price_min && terms.price_max && *terms.price_min > *terms.price_max) {
    problems.push_back({"price_max", "below_price_min", "must not be below price_min"});
  }
  if (terms.shelf_life_days && std::floor(*terms.shelf_life_days) != *terms.shelf_life_days) {
    problems.push_back({"shelf_life_days", "not_whole", "must be a whole number of days"});
  }
  return problems;
}

}  // namespace amity::domain
