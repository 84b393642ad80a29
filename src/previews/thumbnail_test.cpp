#include "previews/thumbnail.h"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <filesystem>
#include <fstream>

#include "previews/test_documents.h"

namespace amity::previews {
namespace {

class ThumbnailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("amity-thumbnail-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  std::string Path(const std::string& name) const { return (folder_ / name).string(); }

  // The width and height of a JPEG given as bytes.
  static std::pair<int, int> JpegSize(const std::string& jpeg) {
    EXPECT_TRUE(jpeg.starts_with("\xFF\xD8\xFF")) << "not a JPEG";
    VipsImage* image = vips_image_new_from_buffer(jpeg.data(), jpeg.size(), "", nullptr);
    if (image == nullptr) return {0, 0};
    const std::pair<int, int> size{vips_image_get_width(image), vips_image_get_height(image)};
    g_object_unref(image);
    return size;
  }

  std::filesystem::path folder_;
};

TEST_F(ThumbnailTest, ShrinksAnImageToItsLongSide) {
  testing::WriteImage(Path("wide.png"), 1600, 900);
  const auto jpeg = MakeThumbnail(Path("wide.png"), "image/png");
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(JpegSize(*jpeg), std::make_pair(512, 288));
  testing::WriteImage(Path("tall.jpg"), 600, 1200);
  const auto tall = MakeThumbnail(Path("tall.jpg"), "image/jpeg");
  ASSERT_TRUE(tall);
  EXPECT_EQ(JpegSize(*tall), std::make_pair(256, 512));
}

TEST_F(ThumbnailTest, NeverEnlargesASmallImage) {
  testing::WriteImage(Path("small.png"), 100, 40);
  const auto jpeg = MakeThumbnail(Path("small.png"), "image/png");
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(JpegSize(*jpeg), std::make_pair(100, 40));
}

TEST_F(ThumbnailTest, RendersThePdfsFirstPage) {
  testing::WritePdf(Path("report.pdf"), {"Kemeraltı restorasyon raporu", "second page"});
  const auto jpeg = MakeThumbnail(Path("report.pdf"), "application/pdf");
  ASSERT_TRUE(jpeg);
  const auto [width, height] = JpegSize(*jpeg);
  EXPECT_EQ(height, 512);  // A4 stands: its long side is the height
  EXPECT_NEAR(width, 362, 1);
}

TEST_F(ThumbnailTest, APictureOverThePixelLimitHasNone) {
  testing::WriteImage(Path("big.png"), 600, 400);
  EXPECT_FALSE(MakeThumbnail(Path("big.png"), "image/png", kThumbnailSide, 600 * 400 - 1));
  EXPECT_TRUE(MakeThumbnail(Path("big.png"), "image/png", kThumbnailSide, 600 * 400));
}

TEST_F(ThumbnailTest, CorruptOrOtherBytesHaveNone) {
  std::ofstream(Path("broken.png"), std::ios::binary) << "\x89PNG\r\n\x1a\n this is no picture";
  EXPECT_FALSE(MakeThumbnail(Path("broken.png"), "image/png"));
  std::ofstream(Path("broken.pdf"), std::ios::binary) << "%PDF-1.4\n nothing here\n%%EOF\n";
  EXPECT_FALSE(MakeThumbnail(Path("broken.pdf"), "application/pdf"));
  std::ofstream(Path("notes.txt")) << "just text";
  EXPECT_FALSE(MakeThumbnail(Path("notes.txt"), "text/plain"));
  EXPECT_FALSE(Thumbnailable("text/plain"));
  EXPECT_FALSE(Thumbnailable("image/svg+xml"));
  EXPECT_TRUE(Thumbnailable("image/webp"));
}

}  // namespace
}  // namespace amity::previews
