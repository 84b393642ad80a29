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

}  // namespace

std::optional<std::string> MatchExpression(std::string_view query, std::string_view column,
                                           Accents accents) {
  const std::vector<Token> tokens = Tokenize(query, accents);
  if (tokens.empty()) return std::nullopt;
  std::string expression = std::string(column) + " : (";
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) expression += " AND ";
    // Tokens hold letters and digits only, but quote them anyway: FTS5 syntax never leaks in.
    std::string quoted = "\"";
    for (char c : tokens[i].text) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    quoted += '"';
    expression += quoted;
    if (!tokens[i].ideographic) expression += " *";
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
