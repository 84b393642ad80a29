#include "http/message.h"

#include <gtest/gtest.h>

namespace amity::http {
namespace {

TEST(MessageTest, JsonMediaTypeIgnoresCaseAndParameters) {
  for (const char* type :
       {"application/json", "Application/JSON", "application/json; charset=utf-8",
        " application/json ;charset=UTF-8", "application/json;"}) {
    EXPECT_TRUE(IsJsonMediaType(type)) << type;
  }
  for (const char* type :
       {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/jsonp", "application/json-seq", "text/json", "application/problem+json"}) {
    EXPECT_FALSE(IsJsonMediaType(type)) << type;
  }
}

TEST(MessageTest, HeadersAreFoundWithoutRegardToCase) {
  Request request;
  request.headers = {{"content-type", "application/json"}, {"Cookie", "a=1; amity_session=xyz"}};
  EXPECT_EQ(request.Header("Content-Type"), "application/json");
  EXPECT_FALSE(request.Header("Accept"));
  EXPECT_EQ(request.Cookie("amity_session"), "xyz");
}

}  // namespace
}  // namespace amity::http
