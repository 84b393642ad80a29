// Turning what a person typed into an FTS5 query, and marking where a text matches it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/fold.h"

namespace amity::search {

// The FTS5 MATCH expression for `query` against column `column`: every word must occur; Latin
// words match as prefixes (izm → İzmir, İzmirli), Chinese words as whole words. Returns nullopt
// when the query has no word at all (only spaces or punctuation).
std::optional<std::string> MatchExpression(std::string_view query, std::string_view column,
                                           Accents accents);

// A piece of a text for display; `match` pieces are the words the query found.
struct Segment {
  std::string text;
  bool match = false;
};

// Cuts `text` into segments, marking every word that matches a word of `query` the way
// MatchExpression does. Returns one unmarked segment when nothing matches.
std::vector<Segment> Highlight(std::string_view text, std::string_view query, Accents accents);

// The same with the query already tokenized (Tokenize(query, accents)), for highlighting many
// texts against one query.
std::vector<Segment> Highlight(std::string_view text, const std::vector<Token>& wanted,
                               Accents accents);

}  // namespace amity::search
