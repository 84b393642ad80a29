// Trade promotion's vocabularies and a product's own rules: the sectors a company works in, the
// certifications a company holds or a product carries, the ISO 4217 currencies prices are given
// in, the units a product is sold by, and the checks across a product's fields (price range,
// currency, shelf life). Pure; the record shapes are declared in resources.cpp.
#pragma once

#include <optional>
#include <string_view>

#include "base/problem.h"

namespace amity::domain {

// Sectors of a company (organizations of kind company), chosen for what İzmir exports.
inline constexpr std::string_view kSectors[] = {
    "dried_fruit_nuts",  // figs, raisins, apricots, hazelnuts
    "fresh_produce",     // citrus, grapes, vegetables
    "olive_oil_olives",
    "processed_food",  // pastes, confectionery, honey, spices
    "beverages",
    "seafood",
    "textiles_apparel",
    "leather_footwear",
    "stone_marble",
    "ceramics_glass",
    "machinery",
    "automotive_parts",
    "chemicals_cosmetics",
    "furniture",
    "electrical_electronics",
    "metals",
    "software_it",
    "tourism_services",
    "other",
};

// Certifications and registrations (docs/API.md says what each is).
inline constexpr std::string_view kCertifications[] = {
    "halal",
    "kosher",
    "organic_eu",
    "organic_cn",
    "iso_9001",
    "iso_14001",
    "iso_22000",
    "fssc_22000",
    "haccp",
    "brcgs",
    "ifs_food",
    "globalgap",
    "gacc_registration",
    "ccc",
    "ce",
    "tse",
    "oeko_tex",
    "gots",
};

// Units a product is sold and ordered by.
inline constexpr std::string_view kProductUnits[] = {
    "kg",     "tonne", "litre", "piece", "pair",           "set",           "box", "carton",
    "pallet", "m2",    "m3",    "metre", "container_20ft", "container_40ft"};

// ISO 4217 codes of the currencies in use (funds and precious metals left out).
inline constexpr std::string_view kCurrencies[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
};

// The facts of a product its own rules look at (absent: not given).
struct ProductTerms {
  std::optional<double> price_min;
  std::optional<double> price_max;
  std::string_view currency;  // empty: not given
  std::optional<double> shelf_life_days;
};

// Problems with a product's terms: a price needs a currency, the lowest price may not exceed the
// highest, and a shelf life is a whole number of days. Empty when valid.
Problems CheckProductTerms(const ProductTerms& terms);

}  // namespace amity::domain
