// Folding text for search so that what people type finds what others wrote:
// - Turkish casing: İ → i and I → ı (so İZMİR, İzmir and izmir meet, ISPARTA and ısparta too);
// - accent-insensitive (optional, on by default): ş → s, ç → c, ğ → g, ö → o, ü → u, ı → i, é → e;
// - Chinese, which has no spaces, is cut into words with ICU's dictionary-based segmentation.
// Folding works code point by code point, so every folded token knows where it came from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amity::search {

enum class Accents { kSensitive, kInsensitive };

struct Token {
  std::string text;  // folded
  size_t begin = 0;  // byte range in the original UTF-8 text
  size_t end = 0;
  bool ideographic = false;  // a Han/kana word: matched whole, never as a prefix
};

// Splits `text` into folded word tokens (punctuation and spaces dropped). Invalid UTF-8 bytes
// are skipped.
std::vector<Token> Tokenize(std::string_view text, Accents accents);

// The folded tokens joined by single spaces: the form stored in the search index.
std::string FoldForIndex(std::string_view text, Accents accents);

}  // namespace amity::search
