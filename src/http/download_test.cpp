#include "http/download.h"

#include <gtest/gtest.h>

namespace amity::http {
namespace {

TEST(DownloadTest, ResolvesOneRange) {
  const auto whole = ResolveRange(std::nullopt, std::nullopt, "\"h\"", 1000);
  EXPECT_EQ(whole.kind, RangeKind::kWhole);
  const auto first = ResolveRange("bytes=0-99", std::nullopt, "\"h\"", 1000);
  ASSERT_EQ(first.kind, RangeKind::kPartial);
  EXPECT_EQ(first.range.first, 0u);
  EXPECT_EQ(first.range.length, 100u);
  EXPECT_EQ(ContentRange(first.range, 1000), "bytes 0-99/1000");
  const auto open = ResolveRange("bytes=900-", std::nullopt, "\"h\"", 1000);
  EXPECT_EQ(open.range.first, 900u);
  EXPECT_EQ(open.range.length, 100u);
  const auto past_end = ResolveRange("bytes=990-5000", std::nullopt, "\"h\"", 1000);
  EXPECT_EQ(past_end.range.length, 10u);
  const auto suffix = ResolveRange("bytes=-10", std::nullopt, "\"h\"", 1000);
  EXPECT_EQ(suffix.range.first, 990u);
  EXPECT_EQ(suffix.range.length, 10u);
  const auto longer_suffix = ResolveRange("bytes=-5000", std::nullopt, "\"h\"", 1000);
  EXPECT_EQ(longer_suffix.range.first, 0u);
  EXPECT_EQ(longer_suffix.range.length, 1000u);
}

TEST(DownloadTest, RefusesOrIgnoresWhatItCannotServe) {
  EXPECT_EQ(ResolveRange("bytes=1000-", std::nullopt, "\"h\"", 1000).kind,
            RangeKind::kUnsatisfiable);
  EXPECT_EQ(ResolveRange("bytes=-0", std::nullopt, "\"h\"", 1000).kind, RangeKind::kUnsatisfiable);
  EXPECT_EQ(ResolveRange("bytes=0-1,5-6", std::nullopt, "\"h\"", 1000).kind, RangeKind::kWhole);
  EXPECT_EQ(ResolveRange("items=0-1", std::nullopt, "\"h\"", 1000).kind, RangeKind::kWhole);
  EXPECT_EQ(ResolveRange("bytes=5-1", std::nullopt, "\"h\"", 1000).kind, RangeKind::kWhole);
  EXPECT_EQ(ResolveRange("bytes=x-", std::nullopt, "\"h\"", 1000).kind, RangeKind::kWhole);
  // If-Range names another version: the whole current one.
  EXPECT_EQ(ResolveRange("bytes=0-1", "\"old\"", "\"h\"", 1000).kind, RangeKind::kWhole);
  EXPECT_EQ(ResolveRange("bytes=0-1", "\"h\"", "\"h\"", 1000).kind, RangeKind::kPartial);
}

TEST(DownloadTest, KeepsNamesInEveryScript) {
  EXPECT_EQ(ContentDisposition("attachment", "report.pdf"),
            "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
  EXPECT_EQ(ContentDisposition("inline", "Kararı.pdf"),
            "inline; filename=\"Karar_.pdf\"; filename*=UTF-8''Karar%C4%B1.pdf");
  EXPECT_EQ(ContentDisposition("attachment", "冰雪 \"节\".jpg"),
            "attachment; filename=\"__ _.jpg\"; "
            "filename*=UTF-8''%E5%86%B0%E9%9B%AA%20%22%E8%8A%82%22.jpg");
}

}  // namespace
}  // namespace amity::http
