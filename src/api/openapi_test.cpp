#include <gtest/gtest.h>

#include "api/api.h"
#include "api/handlers.h"

namespace amity::api {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Every route the server matches must be documented, with every schema it names defined.
TEST(OpenApiTest, EveryRouteIsDocumented) {
  const boost::json::object document = OpenApiDocument();
  const auto& paths = document.at("paths").as_object();
  const auto& schemas = document.at("components").as_object().at("schemas").as_object();
  for (const Route& route : Routes()) {
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern;
    EXPECT_TRUE(paths.at(route.pattern).as_object().contains(Lower(route.method)))
        << route.method << " " << route.pattern;
    for (const std::string& schema : {route.request_schema, route.response_schema}) {
      if (!schema.empty()) {
        EXPECT_TRUE(schemas.contains(schema)) << schema;
      }
    }
  }
}

}  // namespace
}  // namespace amity::api
