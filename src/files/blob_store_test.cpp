#include "files/blob_store.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "files/sha256.h"
#include "files/sniff.h"

namespace amity::files {
namespace {

std::string TempRoot() {
  char pattern[] = "/tmp/amity-blobs-XXXXXX";
  return mkdtemp(pattern);
}

void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(Sha256Test, KnownDigests) {
  Sha256 empty;
  EXPECT_EQ(empty.Finish(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 pieces;
  pieces.Update("a");
  pieces.Update("bc");
  EXPECT_EQ(pieces.bytes(), 3u);
  EXPECT_EQ(pieces.Finish(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(BlobStoreTest, AdoptsOnceAndDeduplicates) {
  const std::string root = TempRoot();
  BlobStore store(root);
  const std::string first = store.UploadPath("0190-a"), second = store.UploadPath("0190-b");
  WriteFile(first, "abc");
  WriteFile(second, "abc");
  const int fd = open(first.c_str(), O_RDONLY);
  const std::string sha = Sha256OfFile(fd);
  close(fd);
  EXPECT_EQ(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  store.Adopt(first, sha);
  store.Adopt(second, sha);  // the same bytes: kept once, the second copy removed
  EXPECT_TRUE(store.Has(sha));
  EXPECT_FALSE(std::filesystem::exists(first));
  EXPECT_FALSE(std::filesystem::exists(second));
  int blobs = 0;
  store.ForEachBlob([&](std::string_view hash, std::uint64_t size, double) {
    EXPECT_EQ(hash, sha);
    EXPECT_EQ(size, 3u);
    ++blobs;
  });
  EXPECT_EQ(blobs, 1);
  EXPECT_TRUE(store.Remove(sha));
  EXPECT_FALSE(store.Has(sha));
  std::filesystem::remove_all(root);
}

TEST(BlobStoreTest, RefusesPathsThatAreNotIds) {
  BlobStore store(TempRoot());
  EXPECT_THROW(store.BlobPath("../../etc/passwd"), std::invalid_argument);
  EXPECT_THROW(store.UploadPath("../x"), std::invalid_argument);
  std::filesystem::remove_all(store.root());
}

TEST(SniffTest, JudgesBytesNotNames) {
  const std::string root = TempRoot();
  WriteFile(root + "/report.pdf", "%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n");
  EXPECT_EQ(SniffMediaType(root + "/report.pdf"), "application/pdf");
  WriteFile(root + "/photo.pdf", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16));
  EXPECT_EQ(SniffMediaType(root + "/photo.pdf"), "image/png");
  WriteFile(root + "/notes.pdf", "Plain words, nothing else.\n");
  EXPECT_EQ(SniffMediaType(root + "/notes.pdf"), "text/plain");
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace amity::files
