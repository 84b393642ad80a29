#include "search/fold.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace amity::search {
namespace {

constexpr UChar32 kDottedCapitalI = 0x0130;  // İ
constexpr UChar32 kDotlessSmallI = 0x0131;   // ı

// Appends the folded form of one code point to `out` (UTF-16).
void FoldCodePoint(UChar32 c, Accents accents, icu::UnicodeString& out) {
  UChar32 lower;
  if (c == 'I') {
    lower = kDotlessSmallI;
  } else if (c == kDottedCapitalI) {
    lower = 'i';
  } else {
    lower = u_tolower(c);
  }
  if (accents == Accents::kSensitive) {
    out.append(lower);
    return;
  }
  if (lower == kDotlessSmallI) {
    out.append(static_cast<UChar32>('i'));
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_FAILURE(status) || !nfd->getDecomposition(lower, decomposed)) {
    out.append(lower);
    return;
  }
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 part = decomposed.char32At(i);
    if (u_charType(part) != U_NON_SPACING_MARK) out.append(part);
    i += U16_LENGTH(part);
  }
}

bool IsIdeographic(const icu::UnicodeString& word) {
  const UChar32 first = word.char32At(0);
  return u_hasBinaryProperty(first, UCHAR_IDEOGRAPHIC) ||
         ublock_getCode(first) == UBLOCK_HIRAGANA || ublock_getCode(first) == UBLOCK_KATAKANA;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, Accents accents) {
  // Fold code point by code point, remembering for each folded UTF-16 unit which original
  // byte range it came from.
  icu::UnicodeString folded;
  std::vector<std::pair<size_t, size_t>> origin;  // per folded UTF-16 unit
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;  // invalid UTF-8: skip the byte
    const int32_t before = folded.length();
    FoldCodePoint(c, accents, folded);
    for (int32_t unit = before; unit < folded.length(); ++unit) {
      origin.emplace_back(static_cast<size_t>(start), static_cast<size_t>(i));
    }
  }
  std::vector<Token> tokens;
  if (folded.isEmpty()) return tokens;

  // One word iterator per thread: creating one loads ICU's dictionaries.
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU word break iterator unavailable");
    return iterator;
  }();
  words->setText(folded);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    if (words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    const icu::UnicodeString word = folded.tempSubStringBetween(start, end);
    // ICU keeps "izmir'de" as one word; split at apostrophes so the stem is found on its own.
    int32_t piece_start = 0;
    for (int32_t k = 0; k <= word.length(); ++k) {
      const bool boundary = k == word.length() || word.charAt(k) == u'\'' || word.charAt(k) == u'’';
      if (!boundary) continue;
      if (k > piece_start) {
        Token token;
        word.tempSubStringBetween(piece_start, k).toUTF8String(token.text);
        token.begin = origin[start + piece_start].first;
        token.end = origin[start + k - 1].second;
        token.ideographic = IsIdeographic(word.tempSubStringBetween(piece_start, k));
        tokens.push_back(std::move(token));
      }
      piece_start = k + 1;
    }
  }
  return tokens;
}

std::string FoldForIndex(std::string_view text, Accents accents) {
  std::string out;
  for (const Token& token : Tokenize(text, accents)) {
    if (!out.empty()) out.push_back(' ');
    out += token.text;
  }
  return out;
}

}  // namespace amity::search
