#include "domain/products.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

namespace amity::domain {
namespace {

TEST(ProductTermsTest, APriceRangeWithACurrencyIsValid) {
  EXPECT_TRUE(CheckProductTerms({.price_min = 0, .price_max = 4.5, .currency = "USD"}).empty());
  EXPECT_TRUE(CheckProductTerms({.price_min = 3, .price_max = 3, .currency = "CNY"}).empty());
  EXPECT_TRUE(CheckProductTerms({.shelf_life_days = 540}).empty());
  EXPECT_TRUE(CheckProductTerms({}).empty());
}

TEST(ProductTermsTest, EachBrokenRuleNamesItsField) {
  const Problems reversed = CheckProductTerms({.price_min = 5, .price_max = 4, .currency = "EUR"});
  ASSERT_EQ(reversed.size(), 1u);
  EXPECT_EQ(reversed[0].field, "price_max");
  const Problems no_currency = CheckProductTerms({.price_max = 4});
  ASSERT_EQ(no_currency.size(), 1u);
  EXPECT_EQ(no_currency[0].field, "currency");
  const Problems fraction = CheckProductTerms({.shelf_life_days = 1.5});
  ASSERT_EQ(fraction.size(), 1u);
  EXPECT_EQ(fraction[0].code, "not_whole");
}

TEST(CurrencyListTest, SortedUniqueThreeCapitals) {
  EXPECT_TRUE(std::is_sorted(std::begin(kCurrencies), std::end(kCurrencies)));
  EXPECT_EQ(std::adjacent_find(std::begin(kCurrencies), std::end(kCurrencies)),
            std::end(kCurrencies));
  for (std::string_view code : kCurrencies) {
    EXPECT_EQ(code.size(), 3u);
    EXPECT_TRUE(std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
  }
  for (std::string_view needed : {"TRY", "CNY", "USD", "EUR"}) {
    EXPECT_TRUE(std::binary_search(std::begin(kCurrencies), std::end(kCurrencies), needed));
  }
}

}  // namespace
}  // namespace amity::domain
