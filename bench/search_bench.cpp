// Search latency: the API's GET /api/v1/search end to end (HTTP, folding, FTS5, ranking, grouping,
// records, highlighting) against the raw SQLite FTS5 query for the same terms in the same run.
//
//   amity_search_bench --db FILE --url http://127.0.0.1:PORT --token TOKEN [--rounds N]
//
// The server must serve the same FILE; TOKEN is an API token (search needs a signed-in user).
// Prints one markdown row per term and the overall p50/p95, in milliseconds, of:
//   - the floor: the plain FTS5 MATCH the API asks for (a long Latin prefix written as the index
//     words it starts, see search::MatchExpression), with the same candidate window (the 2,000
//     newest matching rowids), unranked: what finding the candidates costs in SQLite;
//   - the same window for the prefix as FTS5 expands it itself (`"konser" *`: what the API asked
//     before it listed words);
//   - SQLite's bm25(): the prefix form's window ranked by FTS5's built-in bm25(), best 400 (what
//     the API ran before it had its own ranking function);
//   - raw FTS5: the query a plain SQLite user would write for the same term, all matches ranked,
//     `MATCH '"konser" *' ORDER BY rank LIMIT 400`;
//   - the API.
#include <curl/curl.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "search/fold.h"
#include "search/query.h"
#include "store/db.h"
#include "store/search_index.h"

namespace {

using Clock = std::chrono::steady_clock;

// Terms people type: Turkish with and without its letters and casing, Chinese words of two and
// three characters, English words and a prefix.
const char* const kTerms[] = {"izmir",    "İZMİR",    "karsiyaka", "konser", "atölye",
                              "harbin",   "哈尔滨",   "冰雪",      "音乐会", "友谊",
                              "symphony", "workshop", "exchange",  "fair",   "frie"};

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

size_t Discard(char*, size_t size, size_t count, void* bytes) {
  *static_cast<size_t*>(bytes) += size * count;
  return size * count;
}

std::string Escape(CURL* curl, const char* text) {
  char* escaped = curl_easy_escape(curl, text, 0);
  std::string out(escaped);
  curl_free(escaped);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, url, token;
  int rounds = 30;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) db_path = argv[i + 1];
    if (!std::strcmp(argv[i], "--url")) url = argv[i + 1];
    if (!std::strcmp(argv[i], "--token")) token = argv[i + 1];
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::atoi(argv[i + 1]);
  }
  if (db_path.empty() || url.empty() || token.empty() || rounds < 1) {
    std::fprintf(stderr,
                 "usage: amity_search_bench --db FILE --url http://HOST:PORT --token TOKEN "
                 "[--rounds N]\n");
    return 2;
  }
  amity::store::Db store(db_path);  // the API's own lookup of the words a prefix starts
  sqlite3* db = store.handle();
  // The floor: the MATCH and candidate window the API asks the index for (the 2,000 newest
  // matches), without ranking, grouping, records or highlighting.
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT rowid FROM search_index WHERE search_index MATCH ? "
                     "ORDER BY rowid DESC LIMIT 2000",
                     -1, &raw, nullptr);
  // For reference: the window ranked with SQLite's bm25(), the best 400 (what the API ran before
  // amity_rank; bm25() counts every match of every phrase).
  sqlite3_stmt* bm25 = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT rowid FROM (SELECT rowid, bm25(search_index) AS score FROM "
                     "search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 2000) "
                     "ORDER BY score LIMIT 400",
                     -1, &bm25, nullptr);
  // The raw FTS5 search: every match ranked by FTS5's rank (bm25), the best 400.
  sqlite3_stmt* ranked_all = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT rowid FROM search_index WHERE search_index MATCH ? "
                     "ORDER BY rank LIMIT 400",
                     -1, &ranked_all, nullptr);
  CURL* curl = curl_easy_init();
  size_t bytes = 0;
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Discard);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &bytes);
  curl_slist* headers = curl_slist_append(nullptr, ("Authorization: Bearer " + token).c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

  const auto time_ms = [](sqlite3_stmt* stmt, const std::string& match, long* rows) {
    const auto start = Clock::now();
    sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    *rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) ++*rows;
    sqlite3_reset(stmt);
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  };

  std::printf(
      "| term | candidates (of 2,000) | floor p50 ms | FTS5 prefix p50 ms | bm25() p50 ms "
      "| raw FTS5 p50 ms | API p50 ms | API p95 ms | API/floor (p50) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  std::vector<double> all_raw, all_prefix, all_bm25, all_ranked, all_api;
  for (const char* term : kTerms) {
    const auto match = amity::search::MatchExpression(
        term, "loose", amity::search::Accents::kInsensitive, [&store](std::string_view prefix) {
          return amity::store::IndexedWordsStartingWith(store, prefix,
                                                        amity::store::kWordsPerPrefix);
        });
    const auto prefix_match =
        amity::search::MatchExpression(term, "loose", amity::search::Accents::kInsensitive);
    std::vector<double> raw_ms, prefix_ms, bm25_ms, ranked_ms, api_ms;
    long matched = 0, prefix_matched = 0, ranked = 0, ranked_rows = 0;
    const std::string request = url + "/api/v1/search?q=" + Escape(curl, term);
    for (int round = 0; round < rounds; ++round) {
      raw_ms.push_back(time_ms(raw, *match, &matched));
      prefix_ms.push_back(time_ms(raw, *prefix_match, &prefix_matched));
      if (prefix_matched != matched) {
        std::fprintf(stderr, "%s: %ld candidates listed as words, %ld as a prefix\n", term, matched,
                     prefix_matched);
        return 1;
      }
      bm25_ms.push_back(time_ms(bm25, *prefix_match, &ranked));
      ranked_ms.push_back(time_ms(ranked_all, *prefix_match, &ranked_rows));

      const auto start = Clock::now();
      curl_easy_setopt(curl, CURLOPT_URL, request.c_str());
      long status = 0;
      if (curl_easy_perform(curl) != CURLE_OK ||
          (curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status), status != 200)) {
        std::fprintf(stderr, "search for %s failed (HTTP %ld)\n", term, status);
        return 1;
      }
      api_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    all_raw.insert(all_raw.end(), raw_ms.begin(), raw_ms.end());
    all_prefix.insert(all_prefix.end(), prefix_ms.begin(), prefix_ms.end());
    all_bm25.insert(all_bm25.end(), bm25_ms.begin(), bm25_ms.end());
    all_ranked.insert(all_ranked.end(), ranked_ms.begin(), ranked_ms.end());
    all_api.insert(all_api.end(), api_ms.begin(), api_ms.end());
    std::printf("| %s | %ld | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f× |\n", term, matched,
                Percentile(raw_ms, 0.5), Percentile(prefix_ms, 0.5), Percentile(bm25_ms, 0.5),
                Percentile(ranked_ms, 0.5), Percentile(api_ms, 0.5), Percentile(api_ms, 0.95),
                Percentile(api_ms, 0.5) / std::max(Percentile(raw_ms, 0.5), 1e-3));
  }
  std::printf(
      "| **all terms** | | %.2f (p95 %.2f) | %.2f (p95 %.2f) | %.2f (p95 %.2f) | %.2f (p95 %.2f) "
      "| %.2f | %.2f | %.1f× (p95 %.1f×) |\n",
      Percentile(all_raw, 0.5), Percentile(all_raw, 0.95), Percentile(all_prefix, 0.5),
      Percentile(all_prefix, 0.95), Percentile(all_bm25, 0.5), Percentile(all_bm25, 0.95),
      Percentile(all_ranked, 0.5), Percentile(all_ranked, 0.95), Percentile(all_api, 0.5),
      Percentile(all_api, 0.95),
      Percentile(all_api, 0.5) / std::max(Percentile(all_raw, 0.5), 1e-3),
      Percentile(all_api, 0.95) / std::max(Percentile(all_raw, 0.95), 1e-3));
  std::printf("\nAPI ÷ raw FTS5 (all terms): p50 %.2f×, p95 %.2f×\n",
              Percentile(all_api, 0.5) / std::max(Percentile(all_ranked, 0.5), 1e-3),
              Percentile(all_api, 0.95) / std::max(Percentile(all_ranked, 0.95), 1e-3));
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  sqlite3_finalize(raw);
  sqlite3_finalize(bm25);
  sqlite3_finalize(ranked_all);
  return 0;
}
