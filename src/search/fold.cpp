#include "search/fold.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace amity::search {
namespace {

constexpr UChar32 kDottedCapitalI = 0x0130;  // İ
constexpr UChar32 kDotlessSmallI = 0x0131;   // ı

void AppendUtf16(UChar32 c, std::u16string& out) {
  if (c <= 0xFFFF) {
    out.push_back(static_cast<char16_t>(c));
  } else {
    out.push_back(static_cast<char16_t>(U16_LEAD(c)));
    out.push_back(static_cast<char16_t>(U16_TRAIL(c)));
  }
}

// Appends the folded form of one code point to `out` (UTF-16). `nfd` may be null (ICU without
// its normalization data): accents then stay.
void FoldCodePoint(UChar32 c, Accents accents, const icu::Normalizer2* nfd, std::u16string& out) {
  if (c < 0x80) {    // ASCII, most of any Latin text: by hand, no ICU calls
    if (c == 'I') {  // Turkish: I is the capital of dotless ı, which the loose form writes i
      out.push_back(accents == Accents::kSensitive ? static_cast<char16_t>(kDotlessSmallI) : u'i');
      return;
    }
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    out.push_back(static_cast<char16_t>(c));
    return;
  }
  const UChar32 lower = c == kDottedCapitalI ? 'i' : u_tolower(c);
  if (accents == Accents::kSensitive) return AppendUtf16(lower, out);
  if (lower == kDotlessSmallI) return AppendUtf16('i', out);
  icu::UnicodeString decomposed;
  if (nfd == nullptr || !nfd->getDecomposition(lower, decomposed)) return AppendUtf16(lower, out);
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 part = decomposed.char32At(i);
    if (u_charType(part) != U_NON_SPACING_MARK) AppendUtf16(part, out);
    i += U16_LENGTH(part);
  }
}

bool IsIdeographic(UChar32 first) {
  return u_hasBinaryProperty(first, UCHAR_IDEOGRAPHIC) ||
         ublock_getCode(first) == UBLOCK_HIRAGANA || ublock_getCode(first) == UBLOCK_KATAKANA;
}

// Appends UTF-16 units [begin, end) of `text` (valid: no lone surrogates) to `out` as UTF-8.
void AppendUtf8(const std::u16string& text, int32_t begin, int32_t end, std::string& out) {
  for (int32_t i = begin; i < end;) {
    UChar32 c;
    U16_NEXT_UNSAFE(text.data(), i, c);
    char bytes[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    out.append(bytes, static_cast<size_t>(length));
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, Accents accents) {
  static const icu::Normalizer2* const nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
  }();
  // Fold code point by code point, remembering for each folded UTF-16 unit which original
  // byte range it came from.
  std::u16string folded;
  folded.reserve(text.size());
  std::vector<std::pair<size_t, size_t>> origin;  // per folded UTF-16 unit
  origin.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;  // invalid UTF-8: skip the byte
    FoldCodePoint(c, accents, nfd, folded);
    origin.resize(folded.size(), {static_cast<size_t>(start), static_cast<size_t>(i)});
  }
  std::vector<Token> tokens;
  if (folded.empty()) return tokens;

  // One word iterator per thread: creating one loads ICU's dictionaries. It reads `folded` in
  // place (a read-only alias, no copy).
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU word break iterator unavailable");
    return iterator;
  }();
  const icu::UnicodeString alias(false, folded.data(), static_cast<int32_t>(folded.size()));
  words->setText(alias);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    if (words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    // ICU keeps "izmir'de" as one word; split at apostrophes so the stem is found on its own.
    int32_t piece_start = start;
    for (int32_t k = start; k <= end; ++k) {
      const bool boundary = k == end || folded[k] == u'\'' || folded[k] == u'’';
      if (!boundary) continue;
      if (k > piece_start) {
        Token token;
        AppendUtf8(folded, piece_start, k, token.text);
        token.begin = origin[piece_start].first;
        token.end = origin[k - 1].second;
        UChar32 first;
        U16_GET_UNSAFE(folded.data(), piece_start, first);
        token.ideographic = IsIdeographic(first);
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
