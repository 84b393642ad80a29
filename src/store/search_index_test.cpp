// Ranking of SearchTexts against SQLite's own bm25() over every match: identical (order and
// score, to the bit) while each word of the query is in at most the candidate window; for a
// more common word, the newest window in bm25's order, with its document count estimated.
#include "store/search_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "search/query.h"
#include "store/migrations.h"
#include "store/records.h"
#include "store/test_db.h"

namespace amity::store {
namespace {

// Texts of varied length and word frequency, words drawn from a small vocabulary with a skew
// (a deterministic generator, so every run sees the same corpus).
const char* const kWords[] = {"alpha",   "alphorn", "bravo", "charlie", "delta",   "echo",
                              "foxtrot", "golf",    "hotel", "india",   "juliett", "kilo"};

void InsertText(Db& db, const char* kind, const std::string& id, const char* lang,
                const std::string& text) {
  db.Prepare("INSERT INTO search_texts (kind, record_id, field, lang) VALUES (?, ?, ?, ?)")
      .Bind(1, kind)
      .Bind(2, id)
      .Bind(3, "text")
      .Bind(4, lang)
      .Run();
  db.Prepare("INSERT INTO search_index (rowid, exact, loose) VALUES (?, ?, ?)")
      .Bind(1, static_cast<long long>(sqlite3_last_insert_rowid(db.handle())))
      .Bind(2, text)
      .Bind(3, text)
      .Run();
}

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
    InsertText(db, next % 5 == 0 ? "events" : "commitments", id,
               next % 3 == 0   ? "tr"
               : next % 3 == 1 ? "en"
                               : "zh",
               text);
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

// The same texts (record and language) in the same order; `found` as long as `expected`.
void ExpectSameOrder(const std::vector<SearchHit>& found, const std::vector<SearchHit>& expected) {
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].record_id + found[i].lang, expected[i].record_id + expected[i].lang)
        << "at " << i << "\n"
        << Describe(found) << "vs\n"
        << Describe(expected);
  }
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
  const int kWide = 2000;  // wider than the fixture's matches of any word (the default is not)
  for (const std::string match :
       {"loose : (\"alpha\" *)", "loose : (\"alpha\")", "loose : (\"golf\" *)",
        "loose : (\"kilo\")", "loose : (\"bravo\" * AND \"echo\" *)",
        "loose : (\"alp\" * AND \"delta\" * AND \"hotel\" *)", "exact : (\"india\" *)"}) {
    const long long matches = Matches(db_, match);
    ASSERT_GT(matches, 1) << match;
    ASSERT_LT(matches, kWide) << match;
    const auto expected = Bm25(db_, match, 400, kWide);
    const auto found = SearchTexts(db_, match, std::nullopt, std::nullopt, 400, kWide);
    ASSERT_EQ(found.size(), expected.size()) << match;
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i].record_id, expected[i].record_id) << match << " at " << i;
      EXPECT_EQ(found[i].lang, expected[i].lang) << match << " at " << i;
      EXPECT_EQ(found[i].kind, expected[i].kind) << match << " at " << i;
      EXPECT_EQ(found[i].score, expected[i].score) << match << " at " << i;  // to the bit
    }
  }
}

// Text lengths come from FTS5's docsize records, one varint per column: one, two and three bytes.
TEST_F(SearchIndexTest, LongTextsScoreAsBm25Does) {
  for (const int words : {130, 300, 20000}) {
    std::string text;
    for (int w = 0; w < words; ++w) text += w % 50 == 0 ? "zulu " : "kilo ";
    InsertText(db_, "meetings", "long" + std::to_string(words), "en", text);
  }
  InsertText(db_, "meetings", "short", "en", "zulu kilo");
  const std::string match = "loose : (\"zulu\")";
  const auto expected = Bm25(db_, match, 400, kSearchWindow);
  const auto found = SearchTexts(db_, match, std::nullopt, std::nullopt, 400);
  ASSERT_EQ(found.size(), 4u);
  ASSERT_EQ(found.size(), expected.size());
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].record_id, expected[i].record_id) << i;
    EXPECT_EQ(found[i].score, expected[i].score) << found[i].record_id;  // to the bit
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
  // The same texts in the same order; the scores differ, since with a kind or language the
  // number of texts holding the word is counted among that kind's and language's texts.
  ASSERT_EQ(found.size(), expected.size());
  ExpectSameOrder(found, expected);
}

// A kind or language narrows the candidates before the window: events of a word whose newest
// matches are all commitments are still found (a window of 4 texts, newest first: r199's three
// texts are commitments, so before the fix an events search of "alpha" found at most one).
TEST_F(SearchIndexTest, KindAndLanguageFindTextsBehindTheWindow) {
  const std::string match = "loose : (\"alpha\" *)";
  const int window = 4;
  std::set<std::string> expected;
  for (const SearchHit& hit : Bm25(db_, match, 1000, 1000)) {
    if (hit.kind == "events" && hit.lang == "en") expected.insert(hit.record_id);
  }
  ASSERT_GT(expected.size(), static_cast<size_t>(window));
  const auto found = SearchTexts(db_, match, "events", "en", 400, window);
  ASSERT_EQ(found.size(), static_cast<size_t>(window)) << Describe(found);
  for (const SearchHit& hit : found) {
    EXPECT_EQ(hit.kind, "events");
    EXPECT_EQ(hit.lang, "en");
    EXPECT_TRUE(expected.contains(hit.record_id)) << hit.record_id;
  }
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
  ExpectSameOrder(found, expected);
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
  ExpectSameOrder(found, expected);
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_NEAR(found[i].score / expected[i].score, 1.0, 0.05) << "at " << i;
  }
}

TEST_F(SearchIndexTest, NothingFoundIsEmpty) {
  EXPECT_TRUE(SearchTexts(db_, "loose : (\"nowhere\" *)", std::nullopt, std::nullopt, 10).empty());
  Db empty(FreshDbPath("amity_search_index_empty.db"));
  Migrate(empty);
  EXPECT_TRUE(SearchTexts(empty, "loose : (\"alpha\" *)", std::nullopt, std::nullopt, 10).empty());
}

// Records indexed the way the API indexes them: search_terms must hold exactly FTS5's words, and a
// prefix written as the words it starts must match exactly the texts `"prefix" *` matches.
class SearchTermsTest : public ::testing::Test {
 protected:
  void SetUp() override { Migrate(db_); }

  boost::json::object AddCity(const std::string& tr, const std::string& zh, const std::string& en) {
    Tx tx(db_);
    auto city = InsertRecord(
        db_, domain::Cities(),
        boost::json::object{{"name", boost::json::object{{"tr", tr}, {"zh", zh}, {"en", en}}},
                            {"country", "TR"},
                            {"time_zone", "Europe/Istanbul"}},
        kWriter);
    tx.Commit();
    return city;
  }

  std::vector<long long> Matches(const std::string& match) {
    std::vector<long long> rowids;
    Stmt select =
        db_.Prepare("SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid");
    select.Bind(1, match);
    while (select.Step()) rowids.push_back(select.Int(0));
    return rowids;
  }

  // search_index's words as FTS5 lists them, minus search_terms (should be empty) and the other
  // way round (words whose texts have gone).
  std::vector<std::string> Missing() {
    db_.Exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary "
        "USING fts5vocab(main, search_index, row)");
    std::vector<std::string> missing;
    Stmt select =
        db_.Prepare("SELECT term FROM temp.vocabulary EXCEPT SELECT term FROM search_terms");
    while (select.Step()) missing.emplace_back(select.Text(0));
    return missing;
  }

  static constexpr WriteContext kWriter{
      .actor = "test", .now = Instant{}, .instance_id = "instance"};
  Db db_{FreshDbPath("amity_search_terms_test.db")};
};

// Inside a batch (a Tx around the requests' own Tx objects, which are savepoints), index changes
// wait for the outer commit, so FTS5 writes one segment for the batch; a request whose savepoint
// rolls back leaves no index rows, and the last change of a record is the one indexed.
TEST_F(SearchTermsTest, ABatchIndexesAtItsCommitAndForgetsWhatRolledBack) {
  const auto segments = [&] {
    Stmt select = db_.Prepare("SELECT count(*) FROM search_index_data WHERE id > 10");
    EXPECT_TRUE(select.Step());
    return select.Int(0);
  };
  const long long segments_before = segments();
  boost::json::object edited;
  {
    Tx batch(db_);
    for (const char* name : {"Birinci", "İkinci", "Üçüncü"}) {
      Tx request(db_);
      InsertRecord(db_, domain::Cities(),
                   boost::json::object{{"name", boost::json::object{{"tr", name}}},
                                       {"country", "TR"},
                                       {"time_zone", "Europe/Istanbul"}},
                   kWriter);
      request.Commit();
    }
    {
      Tx request(db_);
      InsertRecord(db_, domain::Cities(),
                   boost::json::object{{"name", boost::json::object{{"tr", "Geriye"}}},
                                       {"country", "TR"},
                                       {"time_zone", "Europe/Istanbul"}},
                   kWriter);
    }  // rolled back
    {
      Tx request(db_);
      edited = InsertRecord(db_, domain::Cities(),
                            boost::json::object{{"name", boost::json::object{{"tr", "Eski"}}},
                                                {"country", "TR"},
                                                {"time_zone", "Europe/Istanbul"}},
                            kWriter);
      edited =
          UpdateRecord(db_, domain::Cities(), edited,
                       boost::json::object{{"name", boost::json::object{{"tr", "Yeni"}}}}, kWriter);
      request.Commit();
    }
    EXPECT_TRUE(Matches("birinci").empty());  // not yet: written at the batch's commit
    batch.Commit();
  }
  for (const char* word : {"birinci", "ikinci", "üçüncü", "yeni"}) {
    EXPECT_EQ(Matches(std::string("exact:") + word).size(), 1u) << word;
  }
  EXPECT_TRUE(Matches("geriye").empty());
  EXPECT_TRUE(Matches("eski").empty());
  Stmt texts = db_.Prepare("SELECT count(*) FROM search_texts WHERE record_id = ?");
  texts.Bind(1, std::string(edited.at("id").as_string()));
  ASSERT_TRUE(texts.Step());
  EXPECT_EQ(texts.Int(0), 1);  // "Yeni" in tr; the edit's first texts are gone
  EXPECT_EQ(Missing(), std::vector<std::string>{});
  EXPECT_LE(segments() - segments_before, 2);  // one new segment (and its index page), not five
}

// The most segments FTS5 keeps on one level of search_index, from its structure record (row 10
// of search_index_data): a 4-byte cookie; varints for the number of levels, of segments and the
// write counter; then per level, varints for the segments being merged and the segments, and
// three (id, first and last page) per segment.
unsigned long long MostSegmentsOnALevel(Db& db) {
  Stmt select = db.Prepare("SELECT block FROM search_index_data WHERE id = 10");
  EXPECT_TRUE(select.Step());
  const std::string_view block = select.Text(0);  // the blob's bytes as they are
  size_t at = 4;
  const auto varint = [&] {
    unsigned long long value = 0;
    for (int i = 0; i < 9 && at < block.size(); ++i) {
      const auto byte = static_cast<unsigned char>(block[at++]);
      if (i == 8) return (value << 8) | byte;
      value = (value << 7) | (byte & 0x7F);
      if ((byte & 0x80) == 0) break;
    }
    return value;
  };
  const unsigned long long levels = varint();
  varint();  // segments
  varint();  // write counter
  unsigned long long most = 0;
  for (unsigned long long level = 0; level < levels; ++level) {
    varint();  // segments being merged
    const unsigned long long segments = varint();
    most = std::max(most, segments);
    for (unsigned long long segment = 0; segment < 3 * segments; ++segment) varint();
  }
  EXPECT_EQ(at, block.size()) << "the structure record was read to its end";
  return most;
}

// Migration 9 turns FTS5's automerge off; every write of the index takes a merge step instead. So
// after 300 commits of one record each (300 level-0 segments without any merging, and levels of
// up to 15 with FTS5's crisis merges alone) no level holds four segments: a step merges them.
TEST_F(SearchTermsTest, EveryWriteMergesTheIndexInASmallStep) {
  Stmt automerge = db_.Prepare("SELECT v FROM search_index_config WHERE k = 'automerge'");
  ASSERT_TRUE(automerge.Step());
  EXPECT_EQ(automerge.Int(0), 0);
  for (int i = 0; i < 300; ++i) {
    AddCity("Kent " + std::to_string(i), "城市", "Town number " + std::to_string(i));
  }
  EXPECT_LT(MostSegmentsOnALevel(db_), 4u);
  EXPECT_EQ(Matches("loose:kent").size(), 300u);
  EXPECT_EQ(Matches("exact:town AND exact:299").size(), 1u);
  Stmt check =
      db_.Prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 0)");
  check.Run();
}

TEST_F(SearchTermsTest, PrefixesListedAsWordsMatchWhatFts5PrefixesMatch) {
  AddCity("Karşıyaka'da konser", "哈尔滨音乐会", "Karsiyaka concert");
  AddCity("Karşıyakalı KONSERLER, ISPARTA", "冰雪节", "e.g. concerts 3.5 km");
  AddCity("İzmir konserde", "哈尔滨冰雪大世界", "Izmir concerto; İZMİRLİ");
  AddCity("ısparta ve Isparta'lı", "友谊", "Friendship and friends");
  EXPECT_EQ(Missing(), std::vector<std::string>{});

  int listed = 0;
  for (const search::Accents accents :
       {search::Accents::kSensitive, search::Accents::kInsensitive}) {
    const char* column = accents == search::Accents::kSensitive ? "exact" : "loose";
    for (const char* query :
         {"karşıyaka", "karsiyaka", "karsiy", "konser", "konserl", "konserlerde", "izmir", "İZMİR",
          "izmirli", "ıspar", "ispart", "ISPARTA", "concert", "concerts", "friend", "frie", "zzzz",
          "konser izmir", "哈尔滨 konser"}) {
      const auto words = [&](std::string_view prefix) {
        auto found = IndexedWordsStartingWith(db_, prefix, 32);
        if (found && !found->empty()) ++listed;
        return found;
      };
      const auto as_words = search::MatchExpression(query, column, accents, words);
      const auto as_prefix = search::MatchExpression(query, column, accents);
      ASSERT_TRUE(as_words && as_prefix);
      EXPECT_EQ(Matches(*as_words), Matches(*as_prefix)) << *as_words << " vs " << *as_prefix;
    }
  }
  EXPECT_GT(listed, 20);  // the comparison above really compared listed words with prefixes
  EXPECT_FALSE(Matches("loose : (\"konser\" *)").empty());
}

TEST_F(SearchTermsTest, EditsAndReindexingKeepTheWordsOfTheIndex) {
  const auto city = AddCity("Bornova", "", "Bornova");
  {
    Tx tx(db_);
    UpdateRecord(db_, domain::Cities(), city,
                 boost::json::object{{"name", boost::json::object{{"en", "Buca Tepeköy"}}}},
                 kWriter);
    tx.Commit();
  }
  EXPECT_EQ(Missing(), std::vector<std::string>{});
  EXPECT_EQ(IndexedWordsStartingWith(db_, "tepe", 32),
            (std::vector<std::string>{"tepekoy", "tepeköy"}));
  // A word whose texts have gone stays listed (it matches nothing) until the index is rebuilt.
  EXPECT_EQ(IndexedWordsStartingWith(db_, "born", 32), std::vector<std::string>{"bornova"});
  RebuildSearchIndex(db_, [](std::string_view, long long) {});
  EXPECT_EQ(IndexedWordsStartingWith(db_, "born", 32), std::vector<std::string>{});
  EXPECT_EQ(IndexedWordsStartingWith(db_, "tepe", 32),
            (std::vector<std::string>{"tepekoy", "tepeköy"}));
  EXPECT_EQ(Missing(), std::vector<std::string>{});
  // More words than asked for: not listed at all.
  EXPECT_EQ(IndexedWordsStartingWith(db_, "tepe", 1), std::nullopt);
  EXPECT_EQ(IndexedWordsStartingWith(db_, "", 32), std::nullopt);
}

// Only what people write is searched: the creator's user id, which the server sets, is not
// (each record would match its pieces, and writing them was most of a new record's index work).
TEST_F(SearchTermsTest, TheCreatorsIdIsNotIndexed) {
  constexpr char kUser[] = "01a20e04-5f5b-7379-9ff4-686112b07e40";
  Tx tx(db_);
  InsertRecord(db_, domain::Cities(),
               boost::json::object{{"name", boost::json::object{{"tr", "Karşıyaka"}}},
                                   {"country", "TR"},
                                   {"time_zone", "Europe/Istanbul"},
                                   {"created_by", kUser}},
               kWriter);
  tx.Commit();
  EXPECT_EQ(Matches("loose : karsiyaka").size(), 1u);
  EXPECT_TRUE(Matches("7379").empty());
  EXPECT_TRUE(Matches("\"01a20e04\"").empty());
  Stmt fields = db_.Prepare("SELECT DISTINCT field FROM search_texts");
  std::vector<std::string> indexed;
  while (fields.Step()) indexed.emplace_back(fields.Text(0));
  EXPECT_EQ(indexed, std::vector<std::string>{"name"});
  EXPECT_EQ(IndexedWordsStartingWith(db_, "7379", 32), std::vector<std::string>{});
}

// A database indexed before that loses the creator rows and their words at migration 11.
TEST_F(SearchTermsTest, Migration11RemovesTheCreatorRowsAlreadyIndexed) {
  AddCity("Bayraklı", "", "Bayrakli");
  {
    Tx tx(db_);  // what the old code wrote for a record's creator
    db_.Exec(
        "INSERT INTO search_texts (rowid, kind, record_id, field, lang) "
        "VALUES (900, 'cities', 'c1', 'created_by', ''); "
        "INSERT INTO search_index (rowid, exact, loose) "
        "VALUES (900, '01a20e04 5f5b 7379', '01a20e04 5f5b 7379'); "
        "INSERT INTO search_terms (term) VALUES ('01a20e04'), ('5f5b'), ('7379'); "
        "DELETE FROM schema_migrations WHERE number = 11");
    tx.Commit();
  }
  ASSERT_EQ(Matches("7379"), std::vector<long long>{900});
  EXPECT_EQ(Migrate(db_), std::vector<int>{11});
  EXPECT_TRUE(Matches("7379").empty());
  EXPECT_EQ(Matches("loose : bayrakli").size(), 2u);  // tr and en texts of the city
  Stmt creators = db_.Prepare("SELECT count(*) FROM search_texts WHERE field = 'created_by'");
  ASSERT_TRUE(creators.Step());
  EXPECT_EQ(creators.Int(0), 0);
  EXPECT_EQ(IndexedWordsStartingWith(db_, "7379", 32), std::vector<std::string>{});
  EXPECT_EQ(IndexedWordsStartingWith(db_, "bayrak", 32),
            (std::vector<std::string>{"bayrakli", "bayraklı"}));
  EXPECT_EQ(Missing(), std::vector<std::string>{});
}

// A database indexed before search_terms existed gets its words from the index itself.
TEST(SearchTermsMigrationTest, FillsTheWordsFromTheExistingIndex) {
  Db db(FreshDbPath("amity_search_terms_migration.db"));
  Migrate(db);
  Tx tx(db);
  InsertRecord(db, domain::Cities(),
               boost::json::object{{"name", boost::json::object{{"tr", "Çeşme Alaçatı"}}},
                                   {"country", "TR"},
                                   {"time_zone", "Europe/Istanbul"}},
               {.actor = "test", .now = Instant{}, .instance_id = "instance"});
  db.Exec("DELETE FROM search_terms");
  db.Exec("DELETE FROM schema_migrations WHERE number = 7; DROP TABLE search_terms");
  tx.Commit();
  EXPECT_EQ(Migrate(db), std::vector<int>{7});
  EXPECT_EQ(IndexedWordsStartingWith(db, "ala", 32),
            (std::vector<std::string>{"alacati", "alaçatı"}));
  EXPECT_EQ(IndexedWordsStartingWith(db, "ces", 32), std::vector<std::string>{"cesme"});
}

}  // namespace
}  // namespace amity::store
