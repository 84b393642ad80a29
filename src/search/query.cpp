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
