#include "web/assets.h"

#include <gtest/gtest.h>

#include <string>

#include "web/embedded.h"

namespace amity::web {
namespace {

http::Request Get(std::string path, http::Pairs headers = {}) {
  http::Request request;
  request.method = "GET";
  request.path = std::move(path);
  request.headers = std::move(headers);
  return request;
}

std::string HeaderOf(const http::Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

const EmbeddedFile* FirstImmutable() {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.immutable && !file.gzip.empty()) return &file;
  }
  return nullptr;
}

TEST(AcceptsGzip, ReadsTokensAndQualities) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("*, gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("br, *;q=0"));
}

TEST(Serve, LeavesApiHealthAndOtherMethodsAlone) {
  EXPECT_FALSE(Serve(Get("/api/v1/cities")).has_value());
  EXPECT_FALSE(Serve(Get("/api")).has_value());
  EXPECT_FALSE(Serve(Get("/healthz")).has_value());
  auto post = Get("/");
  post.method = "POST";
  EXPECT_FALSE(Serve(post).has_value());
}

TEST(Serve, IndexIsRevalidatedAndUnknownPathsFallBackToIt) {
  const auto root = Serve(Get("/"));
  ASSERT_TRUE(root.has_value());
  EXPECT_EQ(root->status, 200);
  EXPECT_EQ(root->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(*root, "Cache-Control"), "no-cache");
  EXPECT_NE(root->body.find("<html"), std::string::npos);

  const auto deep = Serve(Get("/partnerships/0190c3a0-0000-7000-8000-000000000000"));
  ASSERT_TRUE(deep.has_value());
  EXPECT_EQ(deep->status, 200);
  EXPECT_EQ(deep->body, root->body);
  EXPECT_EQ(HeaderOf(*deep, "Cache-Control"), "no-cache");
}

TEST(Serve, HashedAssetsAreImmutableAndGzippedWhenAccepted) {
  const EmbeddedFile* asset = FirstImmutable();
  if (asset == nullptr) GTEST_SKIP() << "placeholder build: no hashed assets";
  const auto plain = Serve(Get(std::string(asset->path)));
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(HeaderOf(*plain, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(HeaderOf(*plain, "Vary"), "Accept-Encoding");
  EXPECT_EQ(HeaderOf(*plain, "Content-Encoding"), "");
  EXPECT_EQ(plain->body, asset->raw);

  const auto packed = Serve(Get(std::string(asset->path), {{"accept-encoding", "gzip, br"}}));
  ASSERT_TRUE(packed.has_value());
  EXPECT_EQ(HeaderOf(*packed, "Content-Encoding"), "gzip");
  EXPECT_EQ(packed->body, asset->gzip);
  EXPECT_EQ(static_cast<unsigned char>(packed->body[0]), 0x1f);  // gzip magic
  EXPECT_NE(HeaderOf(*packed, "ETag"), HeaderOf(*plain, "ETag"));
}

TEST(Serve, MissingHashedAssetIsNotFound) {
  const auto missing = Serve(Get("/assets/index-00000000.js"));
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body.find("<html"), std::string::npos);
}

const EmbeddedFile* Find(std::string_view path) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

TEST(Serve, ServiceWorkerIsNeverLongCachedAndManifestsHaveTheirType) {
  if (Find("/sw.js") == nullptr) GTEST_SKIP() << "placeholder build: no service worker";
  const auto worker = Serve(Get("/sw.js"));
  ASSERT_TRUE(worker.has_value());
  EXPECT_EQ(worker->status, 200);
  EXPECT_EQ(worker->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(*worker, "Cache-Control"), "no-cache, max-age=0");
  EXPECT_NE(worker->body.find("amity-shell-"), std::string::npos);
  // The release's files are listed, with index.html under "/".
  EXPECT_EQ(worker->body.find("__SHELL__"), std::string::npos);
  EXPECT_NE(worker->body.find("\"/assets/"), std::string::npos);

  for (const char* lang : {"tr", "zh", "en"}) {
    const std::string path = std::string("/manifest.") + lang + ".webmanifest";
    const auto manifest = Serve(Get(path));
    ASSERT_TRUE(manifest.has_value()) << path;
    EXPECT_EQ(manifest->content_type, "application/manifest+json") << path;
    EXPECT_EQ(HeaderOf(*manifest, "Cache-Control"), "no-cache") << path;
    EXPECT_NE(manifest->body.find("\"maskable\""), std::string::npos) << path;
  }
  const auto icon = Serve(Get("/icons/maskable-512.png"));
  ASSERT_TRUE(icon.has_value());
  EXPECT_EQ(icon->content_type, "image/png");
  EXPECT_EQ(icon->body.substr(1, 3), "PNG");
}

TEST(Serve, AnswersNotModifiedForAKnownETag) {
  const auto first = Serve(Get("/", {{"Accept-Encoding", "gzip"}}));
  ASSERT_TRUE(first.has_value());
  const std::string etag = HeaderOf(*first, "ETag");
  ASSERT_FALSE(etag.empty());
  const auto again = Serve(Get("/", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}}));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  const auto other = Serve(Get("/", {{"If-None-Match", "\"nope\""}}));
  EXPECT_EQ(other->status, 200);
}

}  // namespace
}  // namespace amity::web
