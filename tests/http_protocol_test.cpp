// The HTTP connection itself, spoken byte by byte on a raw socket to the real server: pipelined
// requests each answered in order, limits answered before a body is read (413, 414, 431),
// bounded memory for unfinished bodies, HEAD, Expect: 100-continue and malformed methods.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "raw_client.h"
#include "test_server.h"

namespace amity::testing {
namespace {

std::string Get(const std::string& path, const std::string& extra = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

std::string PostJson(const TestServer& server, const std::string& path, const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + server.admin().Bearer() +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

// Resident memory of process `pid` in KiB.
long ResidentKib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

class HttpProtocolTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(false); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer* server_;
};
TestServer* HttpProtocolTest::server_ = nullptr;

TEST_F(HttpProtocolTest, PipelinedRequestsAreAllAnsweredInOrder) {
  RawClient client(server_->port());
  // Three reads, then a read of something that does not exist, in one send.
  ASSERT_TRUE(client.Send(Get("/healthz") + Get("/healthz") + Get("/api/v1/nothing-here") +
                          Get("/healthz")));
  EXPECT_EQ(client.Read().status, 200);
  EXPECT_EQ(client.Read().status, 200);
  EXPECT_EQ(client.Read().status, 404);
  EXPECT_EQ(client.Read().status, 200);
  // The connection stays open for more.
  ASSERT_TRUE(client.Send(Get("/healthz")));
  EXPECT_EQ(client.Read().status, 200);
}

TEST_F(HttpProtocolTest, PipelinedWritesAreEachAnsweredAndWrittenOnce) {
  const long before = QueryNumber(server_->db_path(), "SELECT count(*) FROM api_tokens");
  RawClient client(server_->port());
  std::string requests;
  for (int i = 0; i < 3; ++i) {
    requests += PostJson(*server_, "/api/v1/tokens",
                         R"({"name":"pipelined )" + std::to_string(i) + R"("})");
    requests += Get("/healthz");
  }
  ASSERT_TRUE(client.Send(requests));
  std::vector<std::string> names;
  for (int i = 0; i < 3; ++i) {
    const RawResponse created = client.Read();
    EXPECT_EQ(created.status, 201) << created.body;
    const std::regex name("\"name\":\"(pipelined [0-9])\"");
    std::smatch match;
    if (std::regex_search(created.body, match, name)) names.push_back(match[1]);
    EXPECT_EQ(client.Read().status, 200);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"pipelined 0", "pipelined 1", "pipelined 2"}));
  EXPECT_EQ(QueryNumber(server_->db_path(), "SELECT count(*) FROM api_tokens"), before + 3);
}

TEST_F(HttpProtocolTest, DeclaredBodyOverTheLimitAnswers413BeforeTheBodyIsSent) {
  RawClient client(server_->port());
  ASSERT_TRUE(
      client.Send("POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\n" + server_->admin().Bearer() +
                  "\r\nContent-Type: application/json\r\nContent-Length: 15000000\r\n\r\n"));
  const RawResponse refused = client.Read();  // no byte of the body was sent
  EXPECT_EQ(refused.status, 413);
  EXPECT_EQ(refused.Header("Content-Type"), "application/problem+json");
  EXPECT_NE(refused.body.find("1048576"), std::string::npos) << refused.body;
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(HttpProtocolTest, ChunkedBodyStopsAtTheLimit) {
  RawClient client(server_->port());
  ASSERT_TRUE(
      client.Send("POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\n" + server_->admin().Bearer() +
                  "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk(64 << 10, 'a');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
  for (int i = 0; i < 20; ++i) {  // 1.25 MiB in all; the server stops reading at 1 MiB
    if (!client.Send(size_line + chunk + "\r\n")) break;
  }
  EXPECT_EQ(client.Read().status, 413);
}

TEST_F(HttpProtocolTest, UnfinishedBodiesHoldBoundedMemoryAndExtraOnesWait) {
  const long idle = ResidentKib(server_->pid());
  ASSERT_GT(idle, 0);
  // 100 connections without credentials, each declaring the largest body allowed and sending
  // all of it but the last byte.
  const size_t size = 1 << 20;
  const std::string body(size - 1, 'x');
  std::vector<std::unique_ptr<RawClient>> clients;
  for (int i = 0; i < 100; ++i) {
    clients.push_back(std::make_unique<RawClient>(server_->port()));
    clients.back()->Send(
        "POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(size) + "\r\n\r\n" + body);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const long busy = ResidentKib(server_->pid());
  // The bodies being received share a 64 MiB budget: the requests past it were told at once to
  // try again (503); the others still wait for their last byte.
  int busy_answers = 0, unauthorized = 0;
  std::vector<RawClient*> waiting;
  for (auto& client : clients) {
    const RawResponse early = client->Read(false, 50);
    if (early.status == 503) {
      ++busy_answers;
      EXPECT_EQ(early.Header("Retry-After"), "1");
    } else {
      EXPECT_EQ(early.status, 0) << early.head;
      waiting.push_back(client.get());
    }
  }
  EXPECT_LT(busy - idle, 100 * 1024) << "idle " << idle << " KiB, busy " << busy << " KiB";
  for (RawClient* client : waiting) {
    client->Send("}");
    unauthorized += client->Read().status == 401 ? 1 : 0;
  }
  EXPECT_GE(busy_answers, 30);
  EXPECT_EQ(unauthorized, 100 - busy_answers);
  clients.clear();
  // The budget was given back: bodies are read again.
  RawClient after(server_->port());
  ASSERT_TRUE(after.Send(PostJson(*server_, "/api/v1/tokens", R"({"name":"after"})")));
  EXPECT_EQ(after.Read().status, 201);
  // And the bodies' memory went back to the system.
  after.Close();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const long freed = ResidentKib(server_->pid());
  EXPECT_LT(freed - idle, 16 * 1024);
}

TEST_F(HttpProtocolTest, OverlongTargetAndHeadersGet414And431) {
  {
    RawClient client(server_->port());
    client.Send(Get("/healthz?q=" + std::string(90000, 'a')));
    EXPECT_EQ(client.Read().status, 414);
  }
  {
    RawClient client(server_->port());
    client.Send(Get("/healthz?q=" + std::string(9000, 'a')));
    EXPECT_EQ(client.Read().status, 414);
  }
  {
    RawClient client(server_->port());
    client.Send(Get("/healthz", "X-Big: " + std::string(100000, 'b') + "\r\n"));
    EXPECT_EQ(client.Read().status, 431);
  }
  {
    RawClient client(server_->port());
    std::string headers;
    for (int i = 0; i < 10000; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
    client.Send(Get("/healthz", headers));
    EXPECT_EQ(client.Read().status, 431);
  }
}

TEST_F(HttpProtocolTest, LowercaseOrMalformedMethodGets400) {
  RawClient client(server_->port());
  client.Send("get /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  const RawResponse response = client.Read();
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("invalid_method"), std::string::npos) << response.body;
  RawClient garbage(server_->port());
  garbage.Send("\x01\x02 nonsense\r\n\r\n");
  EXPECT_EQ(garbage.Read().status, 400);
}

TEST_F(HttpProtocolTest, HeadSaysTheLengthOfTheGetAnswer) {
  RawClient client(server_->port());
  client.Send(Get("/"));
  const RawResponse get = client.Read();
  ASSERT_EQ(get.status, 200);
  ASSERT_GT(get.body.size(), 100u);
  client.Send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
  const RawResponse head = client.Read(true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("Content-Length"), std::to_string(get.body.size()));
  // No body followed: the next answer on the connection is the next request's.
  client.Send(Get("/healthz"));
  const RawResponse next = client.Read();
  EXPECT_EQ(next.status, 200);
  EXPECT_NE(next.body.find("status"), std::string::npos) << next.body;
}

TEST_F(HttpProtocolTest, ExpectContinueGets100ThenTheAnswer) {
  RawClient client(server_->port());
  const std::string body = R"({"name":"continued"})";
  client.Send("POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\n" + server_->admin().Bearer() +
              "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " +
              std::to_string(body.size()) + "\r\n\r\n");
  EXPECT_EQ(client.Read().status, 100);
  client.Send(body);
  EXPECT_EQ(client.Read().status, 201);
}

}  // namespace
}  // namespace amity::testing
