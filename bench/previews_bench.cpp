// Time and peak memory of what the previews worker does to one file: the thumbnail of a
// 20-megapixel photo and of a 100-page PDF, and the text of that PDF.
//
//   amity_previews_bench generate DIR          writes DIR/photo-20mp.{jpg,png}, DIR/report-100p.pdf
//   amity_previews_bench thumbnail FILE TYPE N  makes the thumbnail N times
//   amity_previews_bench text FILE TYPE N       extracts the text N times
//   amity_previews_bench index FILE TYPE N      stores and indexes its text N times, each in a
//                                               fresh database: the worker's write transaction
//
// Each run prints the median and every time in milliseconds, the size of what it made, and the
// process's peak RSS (getrusage) beside its RSS before the first run; bench/previews.sh runs
// each case in a process of its own so that one peak is one case's.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "previews/document_text.h"
#include "previews/test_documents.h"
#include "previews/thumbnail.h"
#include "store/db.h"
#include "store/files.h"
#include "store/migrations.h"

namespace {

long ResidentKib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

long PeakKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int Generate(const std::string& folder) {
  using amity::previews::testing::WriteImage;
  using amity::previews::testing::WritePdf;
  WriteImage(folder + "/photo-20mp.jpg", 5472, 3648);  // 19.96 megapixels, a 3:2 camera's
  // The same as a PNG: no shrink-on-load, every row decoded (the slow case).
  WriteImage(folder + "/photo-20mp.png", 5472, 3648);
  std::vector<std::string> pages;
  for (int page = 1; page <= 100; ++page) {
    std::string text;
    for (int line = 0; line < 30; ++line) {
      text += "Sayfa " + std::to_string(page) + " satır " + std::to_string(line) +
              ": Kemeraltı Çarşısı restorasyon raporu, 哈尔滨冰雪大世界 合作方案\n";
    }
    pages.push_back(text);
  }
  WritePdf(folder + "/report-100p.pdf", pages);
  return 0;
}

// Stores and indexes `text` as the text of a new file's blob in a fresh database at `path`, as
// the worker does: folded first, then written in one transaction. Returns how long each took,
// in ms (other writes wait only for the transaction).
std::pair<double, double> IndexOnce(const std::string& path, const std::string& text) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  amity::store::Db db(path);
  amity::store::Migrate(db);
  const std::string sha256(64, 'a');
  const amity::Instant now = amity::Now();
  {
    amity::store::Tx tx(db);
    amity::store::InsertFile(db,
                             {.id = "00000000-0000-7000-8000-000000000001",
                              .created_at = amity::FormatInstant(now),
                              .updated_at = amity::FormatInstant(now),
                              .instance_id = "bench",
                              .holder = "commitments",
                              .holder_id = "00000000-0000-7000-8000-000000000002",
                              .name = "rapor.pdf",
                              .media_type = "application/pdf",
                              .size = 1,
                              .sha256 = sha256,
                              .created_by = "bench"},
                             {"bench", now, "bench"});
    tx.Commit();
  }
  const auto start = std::chrono::steady_clock::now();
  const amity::store::FoldedText folded = amity::store::FoldText(db, text);
  const auto folded_at = std::chrono::steady_clock::now();
  amity::store::Tx tx(db);
  amity::store::SaveDerivatives(db, sha256, std::nullopt, text, amity::FormatInstant(now), &folded);
  tx.Commit();
  const auto end = std::chrono::steady_clock::now();
  return {std::chrono::duration<double, std::milli>(folded_at - start).count(),
          std::chrono::duration<double, std::milli>(end - folded_at).count()};
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "generate") return Generate(args[1]);
  if (args.size() != 4 || (args[0] != "thumbnail" && args[0] != "text" && args[0] != "index")) {
    std::fputs("usage: amity_previews_bench generate DIR | thumbnail|text|index FILE TYPE RUNS\n",
               stderr);
    return 2;
  }
  const std::string& path = args[1];
  const std::string& type = args[2];
  const int runs = std::stoi(args[3]);
  const long before = ResidentKib();
  std::vector<double> times;
  size_t made = 0;
  if (args[0] == "index") {
    const auto text = amity::previews::ExtractText(path, type);
    if (!text) return 1;
    const std::string db_path = path + ".bench.db";
    std::vector<double> folds;
    for (int i = 0; i < runs; ++i) {
      const auto [fold, transaction] = IndexOnce(db_path, *text);
      folds.push_back(fold);
      times.push_back(transaction);
    }
    std::sort(folds.begin(), folds.end());
    std::printf("index: folding before the transaction, median %.1f ms; the transaction:\n",
                folds[folds.size() / 2]);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
    made = text->size();
  }
  for (int i = 0; i < runs && args[0] != "index"; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto result = args[0] == "thumbnail" ? amity::previews::MakeThumbnail(path, type)
                                               : amity::previews::ExtractText(path, type);
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    if (!result) {
      std::fprintf(stderr, "nothing made of %s\n", path.c_str());
      return 1;
    }
    made = result->size();
  }
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  std::printf("%s %s: median %.1f ms (", args[0].c_str(), path.c_str(), sorted[sorted.size() / 2]);
  for (size_t i = 0; i < times.size(); ++i) std::printf("%s%.1f", i ? " " : "", times[i]);
  std::printf("), %zu bytes made, RSS %.1f MiB before, peak %.1f MiB\n", made, before / 1024.0,
              PeakKib() / 1024.0);
  return 0;
}
