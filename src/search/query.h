// Turning what a person typed into an FTS5 query, and marking where a text matches it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/fold.h"

namespace amity::search {

// The index's words that start with a folded prefix, or nullopt when there are too many to list
// (then FTS5 expands the prefix itself).
using WordsStartingWith =
    std::function<std::optional<std::vector<std::string>>(std::string_view prefix)>;

// Prefixes up to this many characters have FTS5 prefix indexes (search_index's `prefix = '2 3'`)
// and are read lazily as they are; longer ones are worth listing as words.
inline constexpr size_t kIndexedPrefixLength = 3;

// The FTS5 MATCH expression for `query` against column `column`: every word must occur; Latin
// words match as prefixes (izm → İzmir, İzmirli), Chinese words as whole words. A Latin word
// longer than kIndexedPrefixLength is written as the index words it starts, when
// `words_starting_with` is given and lists them: `("konser" OR "konserde")` for `konser`, which
// FTS5 reads newest first and stops early, where `"konser" *` would merge every such word's
// posting list first. The two match the same texts. Returns nullopt when the query has no word at
// all (only spaces or punctuation).
std::optional<std::string> MatchExpression(std::string_view query, std::string_view column,
                                           Accents accents,
                                           const WordsStartingWith& words_starting_with = {});

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

// A short piece of a long text (a document's) around its first word that matches `wanted`
// (Tokenize(query, accents)), highlighted as Highlight does: about `before` bytes before the word
// and `after` bytes from its start, cut at spaces where there are any, and "…" segments where
// text was left out. Reads the text in pieces until one matches, so a match near the start of a
// megabyte costs what a short text does. When nothing matches, the text's first `after` bytes.
std::vector<Segment> Snippet(std::string_view text, const std::vector<Token>& wanted,
                             Accents accents, size_t before = 60, size_t after = 200);

}  // namespace amity::search
