#include "search/query.h"

namespace amity::search {
namespace {

bool Matches(const Token& word, const std::vector<Token>& query_tokens) {
  for (const Token& wanted : query_tokens) {
    if (wanted.ideographic ? word.text == wanted.text : word.text.starts_with(wanted.text)) {
      return true;
    }
  }
  return false;
}

// An FTS5 string: tokens hold letters and digits only, but quote them anyway, so FTS5 syntax never
// leaks in.
std::string Quoted(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

// Code points in valid UTF-8.
size_t Characters(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::optional<std::string> MatchExpression(std::string_view query, std::string_view column,
                                           Accents accents,
                                           const WordsStartingWith& words_starting_with) {
  const std::vector<Token> tokens = Tokenize(query, accents);
  if (tokens.empty()) return std::nullopt;
  std::string expression = std::string(column) + " : (";
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) expression += " AND ";
    const Token& token = tokens[i];
    if (token.ideographic) {
      expression += Quoted(token.text);
      continue;
    }
    std::optional<std::vector<std::string>> words;
    if (words_starting_with && Characters(token.text) > kIndexedPrefixLength) {
      words = words_starting_with(token.text);
    }
    if (!words || words->empty()) {
      expression += Quoted(token.text) + " *";
    } else if (words->size() == 1) {
      expression += Quoted(words->front());
    } else {
      expression += "(";
      for (size_t w = 0; w < words->size(); ++w) {
        if (w > 0) expression += " OR ";
        expression += Quoted((*words)[w]);
      }
      expression += ")";
    }
  }
  expression += ")";
  return expression;
}

std::vector<Segment> Highlight(std::string_view text, std::string_view query, Accents accents) {
  return Highlight(text, Tokenize(query, accents), accents);
}

namespace {

constexpr std::string_view kEllipsis = "…";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// `at` moved back to the start of the UTF-8 character it is in.
size_t CharacterStart(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() && IsContinuationByte(text[at])) --at;
  return std::min(at, text.size());
}

// The end of a piece of `text` starting at `start` of about `length` bytes: after a space when
// one is in its last quarter, else at a character boundary.
size_t PieceEnd(std::string_view text, size_t start, size_t length) {
  if (text.size() - start <= length) return text.size();
  const size_t limit = start + length;
  for (size_t at = limit; at > limit - length / 4; --at) {
    if (IsSpace(text[at - 1])) return at;
  }
  return CharacterStart(text, limit);
}

}  // namespace

std::vector<Segment> Snippet(std::string_view text, const std::vector<Token>& wanted,
                             Accents accents, size_t before, size_t after) {
  constexpr size_t kPiece = 4096;
  for (size_t start = 0; start < text.size();) {
    const size_t end = PieceEnd(text, start, kPiece);
    for (const Token& word : Tokenize(text.substr(start, end - start), accents)) {
      if (!Matches(word, wanted)) continue;
      const size_t at = start + word.begin;
      // From a space in the `before` bytes ahead of the word (else a character boundary) …
      size_t from = at > before ? CharacterStart(text, at - before) : 0;
      for (size_t i = from; i < at; ++i) {
        if (IsSpace(text[i])) {
          from = i + 1;
          break;
        }
      }
      // … to a space in the last quarter of the `after` bytes from it.
      const size_t to = std::max(PieceEnd(text, at, after), start + word.end);
      std::vector<Segment> segments;
      if (from > 0) segments.push_back({std::string(kEllipsis), false});
      for (Segment& segment : Highlight(text.substr(from, to - from), wanted, accents)) {
        segments.push_back(std::move(segment));
      }
      if (to < text.size()) segments.push_back({std::string(kEllipsis), false});
      return segments;
    }
    start = end;
  }
  const size_t to = PieceEnd(text, 0, after);
  std::vector<Segment> segments{{std::string(text.substr(0, to)), false}};
  if (to < text.size()) segments.push_back({std::string(kEllipsis), false});
  return segments;
}

std::vector<Segment> Highlight(std::string_view text, const std::vector<Token>& wanted,
                               Accents accents) {
  std::vector<Segment> segments;
  size_t done = 0;
  for (const Token& word : Tokenize(text, accents)) {
    if (!Matches(word, wanted)) continue;
    if (word.begin > done)
      segments.push_back({std::string(text.substr(done, word.begin - done)), false});
    segments.push_back({std::string(text.substr(word.begin, word.end - word.begin)), true});
    done = word.end;
  }
  if (done < text.size()) segments.push_back({std::string(text.substr(done)), false});
  return segments;
}

}  // namespace amity::search
