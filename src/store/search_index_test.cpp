// Ranking of SearchTexts against SQLite's own bm25() over every match: identical (order and
// score, to the bit) while each word of the query is in at most the candidate window; for a
// more common word, the newest window in bm25's order, with its document count estimated.
#include "store/search_index.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/migrations.h"
#include "store/test_db.h"

namespace amity::store {
namespace {

// Texts of varied length and word frequency, words drawn from a small vocabulary with a skew
// (a deterministic generator, so every run sees the same corpus).
const char* const kWords[] = {"alpha",   "alphorn", "bravo", "charlie", "delta",   "echo",
                              "foxtrot", "golf",    "hotel", "india",   "juliett", "kilo"};

void AddTexts(Db& db, int count, unsigned seed, const char* every_other = nullptr) {
  Stmt count_rows = db.Prepare("SELECT count(*) FROM search_texts");
  count_rows.Step();
  long long next = count_rows.Int(0);
  unsigned state = seed;
  const auto random = [&state](unsigned below) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % below;
  };
  for (int i = 0; i < count; ++i, ++next) {
    std::string text;
    const unsigned length = 1 + random(12);
    for (unsigned w = 0; w < length; ++w) {
      // Skewed: low indexes far more often.
      const unsigned word = random(1 + random(std::size(kWords)));
      text += std::string(kWords[word]) + " ";
    }
    if (every_other && next % 2 == 0) text += every_other;
    const std::string id = "r" + std::to_string(next / 3);  // three texts per record
    db.Prepare("INSERT INTO search_texts (kind, record_id, field, lang) VALUES (?, ?, ?, ?)")
        .Bind(1, next % 5 == 0 ? "events" : "commitments")
        .Bind(2, id)
        .Bind(3, "text")
        .Bind(4, next % 3 == 0   ? "tr"
                 : next % 3 == 1 ? "en"
                                 : "zh")
        .Run();
    db.Prepare("INSERT INTO search_index (rowid, exact, loose) VALUES (?, ?, ?)")
        .Bind(1, static_cast<long long>(sqlite3_last_insert_rowid(db.handle())))
        .Bind(2, text)
        .Bind(3, text)
        .Run();
  }
}

// The reference: SQLite's bm25() over the newest `window` matches (every match when the window
// is larger), best first, ties by record, field and language.
std::vector<SearchHit> Bm25(Db& db, const std::string& match, int limit, int window) {
  Stmt select = db.Prepare(
      "SELECT t.kind, t.record_id, t.field, t.lang, s.score "
      "FROM (SELECT rowid, bm25(search_index) AS score FROM search_index "
      "      WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?3) s "
      "JOIN search_texts t ON t.rowid = s.rowid "
      "ORDER BY s.score, t.record_id, t.field, t.lang LIMIT ?2");
  select.Bind(1, match).Bind(2, limit).Bind(3, window);
  std::vector<SearchHit> hits;
  while (select.Step()) {
    hits.push_back({std::string(select.Text(0)), std::string(select.Text(1)),
                    std::string(select.Text(2)), std::string(select.Text(3)), select.Real(4)});
  }
  return hits;
}

long long Matches(Db& db, const std::string& match) {
  Stmt count = db.Prepare("SELECT count(*) FROM search_index WHERE search_index MATCH ?");
  count.Bind(1, match);
  count.Step();
  return count.Int(0);
}

std::string Describe(const std::vector<SearchHit>& hits) {
  std::string out;
  for (const SearchHit& hit : hits) {
    out += hit.record_id + "/" + hit.lang + " " + std::to_string(hit.score) + "\n";
  }
  return out;
}

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Migrate(db_);
    AddTexts(db_, 600, 7);
  }
  Db db_{FreshDbPath("amity_search_index_test.db")};
};

TEST_F(SearchIndexTest, BelowTheWindowEveryScoreIsBm25s) {
  for (const std::string match :
       {"loose : (\"alpha\" *)", "loose : (\"alpha\")", "loose : (\"golf\" *)",
        "loose : (\"kilo\")", "loose : (\"bravo\" * AND \"echo\" *)",
        "loose : (\"alp\" * AND \"delta\" * AND \"hotel\" *)", "exact : (\"india\" *)"}) {
    const long long matches = Matches(db_, match);
    ASSERT_GT(matches, 1) << match;
    ASSERT_LT(matches, kSearchWindow) << match;
    const auto expected = Bm25(db_, match, 400, kSearchWindow);
    const auto found = SearchTexts(db_, match, std::nullopt, std::nullopt, 400);
    ASSERT_EQ(found.size(), expected.size()) << match;
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i].record_id, expected[i].record_id) << match << " at " << i;
      EXPECT_EQ(found[i].lang, expected[i].lang) << match << " at " << i;
      EXPECT_EQ(found[i].kind, expected[i].kind) << match << " at " << i;
      EXPECT_EQ(found[i].score, expected[i].score) << match << " at " << i;  // to the bit
    }
  }
}

TEST_F(SearchIndexTest, KindLanguageAndLimitNarrowTheSameRanking) {
  const std::string match = "loose : (\"alpha\" *)";
  std::vector<SearchHit> expected;
  for (SearchHit& hit : Bm25(db_, match, 1000, kSearchWindow)) {
    if (hit.kind == "events" && hit.lang == "en") expected.push_back(std::move(hit));
  }
  expected.resize(std::min<size_t>(expected.size(), 5));
  const auto found = SearchTexts(db_, match, "events", "en", 5);
  EXPECT_EQ(Describe(found), Describe(expected));
}

TEST_F(SearchIndexTest, AFullWindowRanksTheNewestMatchesInBm25Order) {
  // "alpha" matches most texts: a window of 50 holds only the newest of them.
  const std::string match = "loose : (\"alpha\")";
  const long long matches = Matches(db_, match);
  ASSERT_GT(matches, 200);
  const int window = 50;
  const auto expected = Bm25(db_, match, 400, window);
  const auto found = SearchTexts(db_, match, std::nullopt, std::nullopt, 400, window);
  ASSERT_EQ(found.size(), expected.size());
  // One word: the estimated count scales every score alike, so the order is bm25's…
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].record_id + found[i].lang, expected[i].record_id + expected[i].lang)
        << "at " << i << "\n"
        << Describe(found) << "vs\n"
        << Describe(expected);
  }
  // …and the estimate (texts evenly spread here) stays near the true count: bm25's IDF comes
  // from `matches`, ours from the estimate; the score ratio is the IDF ratio.
  const double ratio = found[0].score / expected[0].score;
  EXPECT_NEAR(ratio, 1.0, 0.15) << matches << " matches";
  for (size_t i = 1; i < found.size(); ++i) {
    EXPECT_NEAR(found[i].score / expected[i].score, ratio, 1e-9);
  }
}

TEST_F(SearchIndexTest, AWordCommonerThanTheWindowWeighsLessThanARareOne) {
  // "zulu" in every other text of 600 more: 300+ holders, counted only up to the window.
  AddTexts(db_, 600, 11, "zulu");
  const std::string match = "loose : (\"zulu\" * AND \"kilo\" *)";
  const int window = 40;
  ASSERT_GT(Matches(db_, "loose : (\"zulu\" *)"), 4 * window);
  const auto found = SearchTexts(db_, match, std::nullopt, std::nullopt, 400, window);
  const auto expected = Bm25(db_, match, 400, window);
  ASSERT_FALSE(found.empty());
  ASSERT_EQ(found.size(), expected.size());
  // The estimate of "zulu" is close to its true count, so bm25's order holds and the scores stay
  // within a few percent.
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].record_id + found[i].lang, expected[i].record_id + expected[i].lang)
        << "at " << i << "\n"
        << Describe(found) << "vs\n"
        << Describe(expected);
    EXPECT_NEAR(found[i].score / expected[i].score, 1.0, 0.05) << "at " << i;
  }
}

TEST_F(SearchIndexTest, NothingFoundIsEmpty) {
  EXPECT_TRUE(SearchTexts(db_, "loose : (\"nowhere\" *)", std::nullopt, std::nullopt, 10).empty());
  Db empty(FreshDbPath("amity_search_index_empty.db"));
  Migrate(empty);
  EXPECT_TRUE(SearchTexts(empty, "loose : (\"alpha\" *)", std::nullopt, std::nullopt, 10).empty());
}

}  // namespace
}  // namespace amity::store
