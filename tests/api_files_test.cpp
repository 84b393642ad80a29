// Files kept with records, against the real server: resumable uploads (tus 1.0) whole and after a
// cut connection, deduplicated blobs, every refusal with the database and the files folder
// unchanged, downloads with Range and ETag and the name in every script, who may see a file, a
// kill -9 during an upload, and `amity files check` / `sweep`; thumbnails of images and PDFs, and
// search inside documents (PDF, .docx) with who may find what.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <utime.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "previews/test_documents.h"
#include "raw_client.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned value = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(value >> shift) & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned value = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += kAlphabet[(value >> 6) & 63];
    out += '=';
  }
  return out;
}

// A small but real PDF (libmagic: application/pdf), `size` bytes long.
std::string Pdf(size_t size, char fill = 'x') {
  std::string pdf = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n% ";
  const std::string end = "\ntrailer\n<< >>\n%%EOF\n";
  pdf += std::string(size > pdf.size() + end.size() ? size - pdf.size() - end.size() : 0, fill);
  return pdf + end;
}

// The start of an ELF program: what a renamed executable's bytes begin with.
std::string Program() {
  std::string elf(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0",
      24);
  return elf + std::string(200, '\0');
}

struct Metadata {
  std::string filename = "Meclis Kararı 2025.pdf";
  std::string holder = "commitments";
  std::string holder_id;
  std::string extra;  // more ", key base64" pairs, as written
};

std::string MetadataHeader(const Metadata& metadata) {
  return "Upload-Metadata: filename " + Base64(metadata.filename) + ",holder " +
         Base64(metadata.holder) + ",holder_id " + Base64(metadata.holder_id) + metadata.extra;
}

// Every file under `folder`, with its size: equal listings mean an unchanged files folder.
std::string Listing(const std::string& folder) {
  std::string listing;
  if (!fs::exists(folder)) return listing;
  std::vector<std::string> lines;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      lines.push_back(entry.path().string() + " " + std::to_string(entry.file_size()));
    }
  }
  std::sort(lines.begin(), lines.end());
  for (const std::string& line : lines) listing += line + "\n";
  return listing;
}

class ApiFilesTest : public ::testing::Test {
 protected:
  // A commitment of the first partnership, with `visibility`.
  std::string NewCommitment(const std::string& visibility) const {
    const HttpResult created = server_.Post(
        "/api/v1/commitments",
        json::object{{"partnership_id", partnership_},
                     {"text", {{"original", "en"}, {"en", "Evidence test " + visibility}}},
                     {"area", "heritage"},
                     {"proposed_by_side", "home"},
                     {"visibility", visibility}});
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  }

  HttpResult Create(const Metadata& metadata, size_t length, const std::string& auth = "",
                    std::vector<std::string> headers = {}) const {
    headers.push_back("Tus-Resumable: 1.0.0");
    headers.push_back("Upload-Length: " + std::to_string(length));
    headers.push_back(MetadataHeader(metadata));
    if (!auth.empty()) headers.push_back(auth);
    return server_.Request("POST", "/api/v1/uploads", "", headers);
  }

  HttpResult Patch(const std::string& location, size_t offset, const std::string& bytes,
                   const std::string& auth = "") const {
    std::vector<std::string> headers = {"Tus-Resumable: 1.0.0",
                                        "Content-Type: application/offset+octet-stream",
                                        "Upload-Offset: " + std::to_string(offset)};
    if (!auth.empty()) headers.push_back(auth);
    return server_.Request("PATCH", location, bytes, headers);
  }

  long long Offset(const std::string& location, const std::string& auth = "") const {
    std::vector<std::string> headers = {"Tus-Resumable: 1.0.0"};
    if (!auth.empty()) headers.push_back(auth);
    const HttpResult head = server_.Request("HEAD", location, "", headers);
    if (head.status != 200) return -1;
    return std::stoll(head.Header("upload-offset"));
  }

  // Uploads `bytes` in one PATCH and returns the new file's id ("" on failure).
  std::string Upload(const Metadata& metadata, const std::string& bytes,
                     const std::string& auth = "") const {
    const HttpResult created = Create(metadata, bytes.size(), auth);
    EXPECT_EQ(created.status, 201) << created.body;
    if (created.status != 201) return "";
    const HttpResult done = Patch(created.Header("location"), 0, bytes, auth);
    EXPECT_EQ(done.status, 204) << done.body;
    return done.Header("amity-file-id");
  }

  // Sends a PATCH announcing all of `bytes` from `offset` but only its first `sent` bytes, then
  // drops the connection.
  void CutPatch(const std::string& location, size_t offset, const std::string& bytes,
                size_t sent) const {
    RawClient client(server_.port());
    const std::string head =
        "PATCH " + location + " HTTP/1.1\r\nHost: localhost\r\n" + server_.admin().Bearer() +
        "\r\nTus-Resumable: 1.0.0\r\nContent-Type: "
        "application/offset+octet-stream\r\nUpload-Offset: " +
        std::to_string(offset) + "\r\nContent-Length: " + std::to_string(bytes.size()) + "\r\n\r\n";
    ASSERT_TRUE(client.Send(head + bytes.substr(0, sent)));
    client.Close();
  }

  // Waits until the server holds `want` bytes of the upload (it reads what was sent before it
  // sees the connection close); returns what it holds at the end.
  long long WaitForOffset(const std::string& location, long long want) const {
    long long held = -1;
    for (int i = 0; i < 100 && held != want; ++i) {
      held = Offset(location);
      if (held != want) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return held;
  }

  std::string files_folder() const { return server_.folder() + "/files"; }

  TestServer server_{true, {"AMITY_MAX_FILE_MIB=2"}};
  std::string partnership_ = FirstPartnershipId(server_);
};

TEST_F(ApiFilesTest, TheDemoKeepsItsOwnDocumentsAndDrawings) {
  const json::value decision =
      server_.Get("/api/v1/partnerships/" + partnership_ + "/files").Json().at("items").at(0);
  EXPECT_EQ(decision.at("milestone").as_string(), "council_decision");
  EXPECT_EQ(decision.at("media_type").as_string(), "application/pdf");
  EXPECT_TRUE(
      server_.Get(std::string(decision.at("content_url").as_string())).body.starts_with("%PDF"));
  const json::value events = server_.Get("/api/v1/events?kind=festival").Json();
  const std::string festival(events.at("items").at(0).at("id").as_string());
  const json::value photos = server_.Get("/api/v1/events/" + festival + "/files").Json();
  ASSERT_EQ(photos.at("items").as_array().size(), 2u);
  for (const json::value& photo : photos.at("items").as_array()) {
    EXPECT_EQ(photo.at("media_type").as_string(), "image/png");
  }
}

TEST_F(ApiFilesTest, UploadsWholeAndDownloadsWithRangeEtagAndTheName) {
  const std::string commitment = NewCommitment("private");
  const std::string pdf = Pdf(5000);
  Metadata metadata{.filename = "Meclis Kararı 冰雪节.pdf", .holder_id = commitment};
  const std::string id = Upload(metadata, pdf);
  ASSERT_FALSE(id.empty());

  const HttpResult described = server_.Get("/api/v1/files/" + id);
  ASSERT_EQ(described.status, 200) << described.body;
  const json::object file = described.Json().as_object();
  EXPECT_EQ(file.at("name").as_string(), "Meclis Kararı 冰雪节.pdf");
  EXPECT_EQ(file.at("media_type").as_string(), "application/pdf");
  EXPECT_EQ(file.at("size").as_int64(), static_cast<long long>(pdf.size()));
  EXPECT_EQ(file.at("holder_id").as_string(), commitment);

  const HttpResult listed = server_.Get("/api/v1/commitments/" + commitment + "/files");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.Json().at("items").as_array().size(), 1u);

  const std::string content = "/api/v1/files/" + id + "/content";
  const HttpResult whole = server_.Get(content);
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body, pdf);
  EXPECT_EQ(whole.Header("content-type"), "application/pdf");
  EXPECT_EQ(whole.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(whole.Header("content-disposition"),
            "attachment; filename=\"Meclis Karar_ ___.pdf\"; "
            "filename*=UTF-8''Meclis%20Karar%C4%B1%20%E5%86%B0%E9%9B%AA%E8%8A%82.pdf");
  const std::string etag = whole.Header("etag");
  EXPECT_EQ(etag, "\"" + std::string(file.at("sha256").as_string()) + "\"");

  const HttpResult part = server_.Request("GET", content, "", {"Range: bytes=100-199"});
  ASSERT_EQ(part.status, 206);
  EXPECT_EQ(part.body, pdf.substr(100, 100));
  EXPECT_EQ(part.Header("content-range"), "bytes 100-199/" + std::to_string(pdf.size()));
  const HttpResult tail = server_.Request("GET", content, "", {"Range: bytes=-10"});
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, pdf.substr(pdf.size() - 10));
  const HttpResult past = server_.Request("GET", content, "", {"Range: bytes=999999-"});
  EXPECT_EQ(past.status, 416);
  EXPECT_EQ(past.Header("content-range"), "bytes */" + std::to_string(pdf.size()));
  EXPECT_EQ(server_.Request("GET", content, "", {"If-None-Match: " + etag}).status, 304);
  const HttpResult inline_pdf = server_.Get(content + "?disposition=inline");
  EXPECT_TRUE(inline_pdf.Header("content-disposition").starts_with("inline;"));
  const HttpResult head = server_.Request("HEAD", content);
  EXPECT_EQ(head.Header("content-length"), std::to_string(pdf.size()));
}

TEST_F(ApiFilesTest, EveryKindOfRecordKeepsFilesAndALegalStepItsDocument) {
  const std::string milestone = "council_decision";
  const std::string files_path = "/api/v1/partnerships/" + partnership_ + "/files";
  const size_t demo_files = server_.Get(files_path).Json().at("items").as_array().size();
  const std::string decision = Upload({.filename = "Meclis kararı.pdf",
                                       .holder = "partnerships",
                                       .holder_id = partnership_,
                                       .extra = ",milestone " + Base64(milestone)},
                                      Pdf(600, 'm'));
  ASSERT_FALSE(decision.empty());
  const json::value listed = server_.Get(files_path).Json();
  ASSERT_EQ(listed.at("items").as_array().size(), demo_files + 1);
  EXPECT_EQ(listed.at("items").as_array().back().at("id").as_string(), decision);
  EXPECT_EQ(listed.at("items").as_array().back().at("milestone").as_string(), milestone);
  for (const std::string holder : {"meetings", "events", "organizations", "cases"}) {
    const std::string id(server_.Get("/api/v1/" + holder + "?limit=1")
                             .Json()
                             .at("items")
                             .at(0)
                             .at("id")
                             .as_string());
    ASSERT_FALSE(Upload({.filename = holder + ".pdf", .holder = holder, .holder_id = id},
                        Pdf(500, holder[0]))
                     .empty())
        << holder;
    EXPECT_EQ(
        server_.Get("/api/v1/" + holder + "/" + id + "/files").Json().at("items").as_array().size(),
        1u)
        << holder;
  }
  // A cancelled upload leaves nothing.
  const std::string before = server_.Snapshot(), files_before = Listing(files_folder());
  const HttpResult created = Create({.holder_id = NewCommitment("private")}, 100);
  ASSERT_EQ(created.status, 201);
  ASSERT_EQ(Patch(created.Header("location"), 0, "half").status, 204);
  EXPECT_EQ(
      server_.Request("DELETE", created.Header("location"), "", {"Tus-Resumable: 1.0.0"}).status,
      204);
  EXPECT_EQ(Offset(created.Header("location")), -1);
  EXPECT_EQ(Listing(files_folder()), files_before);
}

TEST_F(ApiFilesTest, ResumesAfterACutConnectionAtSeveralOffsets) {
  const std::string commitment = NewCommitment("shared");
  const std::string pdf = Pdf(900 * 1024, 'r');
  const HttpResult created = Create({.holder_id = commitment}, pdf.size());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string location = created.Header("location");
  size_t held = 0;
  // Cut after a byte, inside a piece the server reads (256 KiB), and past one.
  for (const size_t sent : {size_t{1}, size_t{70'003}, size_t{300'007}}) {
    CutPatch(location, held, pdf.substr(held), sent);
    EXPECT_EQ(WaitForOffset(location, static_cast<long long>(held + sent)),
              static_cast<long long>(held + sent));
    held += sent;
  }
  // Continuing from anywhere but the server's offset is refused.
  EXPECT_EQ(Patch(location, held - 1, pdf.substr(held - 1)).status, 409);
  const HttpResult done = Patch(location, held, pdf.substr(held));
  ASSERT_EQ(done.status, 204) << done.body;
  const std::string id = done.Header("amity-file-id");
  EXPECT_EQ(server_.Get("/api/v1/files/" + id + "/content").body, pdf);
  // Asking again after the end (a lost answer) tells the same outcome.
  const HttpResult again = server_.Request("GET", location, "", {"Tus-Resumable: 1.0.0"});
  EXPECT_EQ(again.Json().at("file_id").as_string(), id);
  EXPECT_EQ(again.Header("upload-offset"), std::to_string(pdf.size()));
  EXPECT_EQ(Patch(location, pdf.size(), "").status, 204);
}

TEST_F(ApiFilesTest, ACommitmentClosesWithAFileOrAHeldEvent) {
  const auto close = [&](const std::string& id) {
    return server_.Post("/api/v1/commitments/" + id + "/transitions",
                        {{"to", "done"}, {"note", "the restoration report is attached"}});
  };
  const std::string with_file = NewCommitment("shared");
  const std::string before = server_.Snapshot();
  const HttpResult refused = close(with_file);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("problems").at(0).at("code").as_string(), "evidence_required");
  EXPECT_EQ(server_.Snapshot(), before);
  const std::string report =
      Upload({.filename = "Kemeraltı raporu.pdf", .holder_id = with_file}, Pdf(900, 'e'));
  ASSERT_EQ(close(with_file).status, 200);
  const json::value evidence = server_.Get("/api/v1/commitments/" + with_file + "/evidence").Json();
  EXPECT_EQ(evidence.at("files").at(0).at("id").as_string(), report);
  EXPECT_TRUE(evidence.at("has_evidence").as_bool());

  // A held event that names the commitment is evidence; a planned one is not yet.
  const std::string with_event = NewCommitment("shared");
  const auto event = [&](const std::string& status) {
    return server_.Post(
        "/api/v1/events",
        json::object{{"kind", "study_visit"},
                     {"partnership_id", partnership_},
                     {"title", {{"original", "en"}, {"en", "Study visit " + status}}},
                     {"starts_at", "2026-10-05T09:00:00+03:00"},
                     {"ends_at", "2026-10-07T18:00:00+03:00"},
                     {"time_zone", "Europe/Istanbul"},
                     {"status", status},
                     {"commitment_ids", json::array{json::string(with_event)}},
                     {"visibility", "shared"}});
  };
  ASSERT_EQ(event("planned").status, 201);
  EXPECT_EQ(close(with_event).status, 422);
  ASSERT_EQ(event("held").status, 201);
  ASSERT_EQ(close(with_event).status, 200);
  const json::value linked = server_.Get("/api/v1/commitments/" + with_event + "/evidence").Json();
  EXPECT_EQ(linked.at("events").as_array().size(), 2u);
  EXPECT_EQ(linked.at("files").as_array().size(), 0u);
  // Each linked event carries the zone its time is local to, as events do elsewhere.
  for (const json::value& linked_event : linked.at("events").as_array()) {
    EXPECT_EQ(linked_event.at("time_zone").as_string(), "Europe/Istanbul");
  }
  const json::value dashboard =
      server_.Get("/api/v1/dashboard?partnership_id=" + partnership_).Json();
  EXPECT_EQ(dashboard.at("partnerships").at(0).at("done_with_evidence").as_int64(), 2);

  // The timeline counts them as the dashboard does, for the home city and for a partner user
  // (who counts only what it sees), whatever page it asks for.
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_});
  const std::string private_done = NewCommitment("private");
  Upload({.filename = "iç not.pdf", .holder_id = private_done}, Pdf(500, 'i'));
  ASSERT_EQ(close(private_done).status, 200);
  for (const std::string& auth : {server_.admin().Bearer(), partner.Bearer()}) {
    const HttpResult board =
        server_.Request("GET", "/api/v1/dashboard?partnership_id=" + partnership_, "", {auth});
    ASSERT_EQ(board.status, 200) << board.body;
    const json::value answer = board.Json();
    const json::value& figures = answer.at("partnerships").at(0);
    for (const std::string query : {"", "?limit=1"}) {
      const HttpResult timeline = server_.Request(
          "GET", "/api/v1/partnerships/" + partnership_ + "/timeline" + query, "", {auth});
      ASSERT_EQ(timeline.status, 200) << timeline.body;
      EXPECT_EQ(timeline.Json().at("done"), figures.at("done")) << auth;
      EXPECT_EQ(timeline.Json().at("done_with_evidence"), figures.at("done_with_evidence")) << auth;
    }
  }
  const auto timeline_figure = [&](const std::string& auth, const char* name) {
    return server_.Request("GET", "/api/v1/partnerships/" + partnership_ + "/timeline", "", {auth})
        .Json()
        .at(name)
        .as_int64();
  };
  const long long home = timeline_figure(server_.admin().Bearer(), "done_with_evidence");
  EXPECT_EQ(home, 3);  // the demo closes none with evidence; these three are
  EXPECT_EQ(timeline_figure(partner.Bearer(), "done_with_evidence"), 2);  // not the private one
  EXPECT_GE(timeline_figure(server_.admin().Bearer(), "done"), home);
}

TEST_F(ApiFilesTest, KeepsTheSameBytesOnce) {
  const auto blobs = [&] {
    int count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(files_folder() + "/blobs")) {
      count += entry.is_regular_file() ? 1 : 0;
    }
    return count;
  };
  server_.WaitForPreviews();   // the demo's files' thumbnails are blobs too
  const int before = blobs();  // the demo's
  const std::string pdf = Pdf(3000, 'd');
  const std::string first = Upload({.holder_id = NewCommitment("private")}, pdf);
  const std::string second =
      Upload({.filename = "copy.pdf", .holder_id = NewCommitment("shared")}, pdf);
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  EXPECT_NE(first, second);
  server_.WaitForPreviews();  // a PDF of no pages: no thumbnail
  EXPECT_EQ(blobs(), before + 1);
  EXPECT_EQ(
      QueryNumber(server_.db_path(), "SELECT count(DISTINCT sha256) FROM files WHERE id IN ('" +
                                         first + "', '" + second + "')"),
      1);
}

TEST_F(ApiFilesTest, RefusalsChangeNothing) {
  const std::string own = NewCommitment("private");
  // A shared partnership the partner user is not assigned to.
  const std::string izmir(
      server_.Get("/api/v1/cities?country=TR").Json().at("items").at(0).at("id").as_string());
  const HttpResult city = server_.Post(
      "/api/v1/cities", json::parse(R"({"name":{"original":"en","en":"Busan"},"country":"KR",
                                        "time_zone":"Asia/Seoul"})"));
  ASSERT_EQ(city.status, 201) << city.body;
  const HttpResult other =
      server_.Post("/api/v1/partnerships", {{"home_city_id", izmir},
                                            {"partner_city_id", city.Json().at("id")},
                                            {"visibility", "shared"}});
  ASSERT_EQ(other.status, 201) << other.body;
  const std::string other_partnership(other.Json().at("id").as_string());
  ASSERT_FALSE(other_partnership.empty());
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_});
  const TestUser viewer = server_.AddUser("viewer@izmir.example", "viewer");
  struct Case {
    std::string name;
    Metadata metadata;
    size_t length;
    std::string auth;
    std::vector<std::string> headers;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"too large", {.holder_id = own}, (2u << 20) + 1, "", {}, 413, "Upload-Length"},
      {"empty", {.holder_id = own}, 0, "", {}, 422, "Upload-Length"},
      {"a path", {.filename = "../../etc/passwd", .holder_id = own}, 10, "", {}, 422, "filename"},
      {"NUL",
       {.filename = std::string("a\0b.pdf", 7), .holder_id = own},
       10,
       "",
       {},
       422,
       "filename"},
      {"right-to-left override",
       {.filename = "evil\u202Efdp.exe", .holder_id = own},
       10,
       "",
       {},
       422,
       "filename"},
      {"unknown kind of record", {.holder = "users", .holder_id = own}, 10, "", {}, 422, "holder"},
      {"unknown record",
       {.holder_id = "01a24de0-0000-7000-8000-000000000000"},
       10,
       "",
       {},
       422,
       "holder_id"},
      {"someone else's private record",
       {.holder_id = own},
       10,
       partner.Bearer(),
       {},
       422,
       "holder_id"},
      {"another partnership",
       {.holder = "partnerships", .holder_id = other_partnership},
       10,
       partner.Bearer(),
       {},
       422,
       "holder_id"},
      {"a viewer", {.holder_id = own}, 10, viewer.Bearer(), {}, 403, ""},
      {"a milestone on a commitment",
       {.holder_id = own, .extra = ",milestone " + Base64("agreement")},
       10,
       "",
       {},
       422,
       "milestone"},
      {"an unknown metadata key",
       {.holder_id = own, .extra = ",colour " + Base64("red")},
       10,
       "",
       {},
       400,
       "Upload-Metadata"},
      {"bad base64",
       {.holder_id = own, .extra = ",milestone !!!"},
       10,
       "",
       {},
       400,
       "Upload-Metadata"},
      {"another tus version",
       {.holder_id = own},
       10,
       "",
       {"Tus-Resumable: 0.2.2"},
       412,
       "Tus-Resumable"},
      {"anonymous", {.holder_id = own}, 10, "Authorization:", {}, 401, ""},
  };
  const std::string before = server_.Snapshot(), files_before = Listing(files_folder());
  for (const Case& test : cases) {
    const HttpResult answer = Create(test.metadata, test.length, test.auth, test.headers);
    EXPECT_EQ(answer.status, test.status) << test.name << ": " << answer.body;
    if (!test.field.empty() && answer.status == test.status) {
      EXPECT_EQ(answer.Json().at("problems").at(0).at("field").as_string(), test.field)
          << test.name;
    }
    EXPECT_EQ(server_.Snapshot(), before) << test.name;
    EXPECT_EQ(Listing(files_folder()), files_before) << test.name;
  }

  // A program named .pdf: refused by its bytes once they are all there, and nothing kept.
  const std::string program = Program();
  const HttpResult created = Create({.filename = "report.pdf", .holder_id = own}, program.size());
  ASSERT_EQ(created.status, 201);
  const HttpResult refused = Patch(created.Header("location"), 0, program);
  EXPECT_EQ(refused.status, 415) << refused.body;
  EXPECT_NE(refused.body.find("application/x-"), std::string::npos) << refused.body;
  EXPECT_EQ(server_.Snapshot(), before);
  EXPECT_EQ(Listing(files_folder()), files_before);

  // Bytes past the announced length, the wrong type, or another user's upload.
  const HttpResult small = Create({.holder_id = own}, 10);
  const std::string location = small.Header("location");
  EXPECT_EQ(Patch(location, 0, std::string(11, 'x')).status, 413);
  EXPECT_EQ(
      server_
          .Request("PATCH", location, "xx",
                   {"Tus-Resumable: 1.0.0", "Content-Type: application/json", "Upload-Offset: 0"})
          .status,
      415);
  EXPECT_EQ(Patch(location, 0, "x", partner.Bearer()).status, 404);
  EXPECT_EQ(Offset(location), 0);

  // An unauthenticated PATCH announcing a gigabyte is answered before its body is read.
  RawClient client(server_.port());
  ASSERT_TRUE(client.Send("PATCH " + location +
                          " HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\nContent-Type: "
                          "application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                          "Content-Length: 1073741824\r\n\r\n"));
  EXPECT_EQ(client.Read().status, 401);
}

TEST_F(ApiFilesTest, AFileIsSeenByWhoeverSeesItsRecord) {
  const std::string private_one = NewCommitment("private");
  const std::string shared_one = NewCommitment("shared");
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_});
  const std::string hidden = Upload({.holder_id = private_one}, Pdf(400, 'p'));
  const std::string seen = Upload({.holder_id = shared_one}, Pdf(400, 's'));
  const std::string personal = Upload({.filename = "passport.pdf",
                                       .holder_id = shared_one,
                                       .extra = ",personal_data " + Base64("true")},
                                      Pdf(400, 'q'));
  const std::string auth = partner.Bearer();
  EXPECT_EQ(server_.Request("GET", "/api/v1/files/" + hidden, "", {auth}).status, 404);
  EXPECT_EQ(server_.Request("GET", "/api/v1/files/" + hidden + "/content", "", {auth}).status, 404);
  EXPECT_EQ(
      server_.Request("GET", "/api/v1/commitments/" + private_one + "/files", "", {auth}).status,
      404);
  EXPECT_EQ(server_.Request("GET", "/api/v1/files/" + seen + "/content", "", {auth}).status, 200);
  EXPECT_EQ(server_.Request("GET", "/api/v1/files/" + personal, "", {auth}).status, 404);
  const HttpResult listed =
      server_.Request("GET", "/api/v1/commitments/" + shared_one + "/files", "", {auth});
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(listed.Json().at("items").at(0).at("id").as_string(), seen);
  EXPECT_FALSE(listed.Json().at("items").at(0).as_object().contains("created_by"));
  EXPECT_EQ(server_.Request("GET", "/api/v1/files/" + seen, "", {"Authorization:"}).status, 401);

  // Turning the record private hides its files too.
  const HttpResult record = server_.Get("/api/v1/commitments/" + shared_one);
  const HttpResult hid =
      server_.Request("PATCH", "/api/v1/commitments/" + shared_one, R"({"visibility":"private"})",
                      {"If-Match: " + std::to_string(record.Json().at("version").as_int64())});
  ASSERT_EQ(hid.status, 200) << hid.body;
  EXPECT_EQ(server_.Request("GET", "/api/v1/files/" + seen + "/content", "", {auth}).status, 404);

  // Removing: a partner may not remove what it did not upload; the home officer may. Each file
  // says whether the caller may (may_remove), as the server then decides.
  EXPECT_EQ(server_.Request("DELETE", "/api/v1/files/" + hidden, "", {auth}).status, 404);
  const std::string shared_two = NewCommitment("shared");
  const std::string visible = Upload({.holder_id = shared_two}, Pdf(400, 'v'));
  const std::string theirs =
      Upload({.filename = "会议照片.pdf", .holder_id = shared_two}, Pdf(400, 'w'), auth);
  ASSERT_FALSE(theirs.empty());
  const auto may_remove = [&](const std::string& id, const std::string& who) {
    const HttpResult one = server_.Request("GET", "/api/v1/files/" + id, "", {who});
    EXPECT_EQ(one.status, 200) << one.body;
    return one.Json().at("may_remove").as_bool();
  };
  EXPECT_FALSE(may_remove(visible, auth));
  EXPECT_TRUE(may_remove(theirs, auth));
  EXPECT_TRUE(may_remove(visible, server_.admin().Bearer()));
  EXPECT_TRUE(may_remove(theirs, server_.admin().Bearer()));
  const TestUser viewer = server_.AddUser("viewer@izmir.example", "viewer");
  EXPECT_FALSE(may_remove(visible, viewer.Bearer()));
  const HttpResult partner_list =
      server_.Request("GET", "/api/v1/commitments/" + shared_two + "/files", "", {auth});
  std::vector<std::pair<std::string, bool>> listed_may;
  const json::value partner_items = partner_list.Json().at("items");
  for (const json::value& item : partner_items.as_array()) {
    listed_may.emplace_back(item.at("id").as_string(), item.at("may_remove").as_bool());
  }
  EXPECT_EQ(listed_may,
            (std::vector<std::pair<std::string, bool>>{{visible, false}, {theirs, true}}));
  const HttpResult evidence =
      server_.Request("GET", "/api/v1/commitments/" + shared_two + "/evidence", "", {auth});
  EXPECT_FALSE(evidence.Json().at("files").at(0).at("may_remove").as_bool());
  EXPECT_EQ(server_.Request("DELETE", "/api/v1/files/" + visible, "", {viewer.Bearer()}).status,
            403);
  EXPECT_EQ(server_.Request("DELETE", "/api/v1/files/" + visible, "", {auth}).status, 403);
  EXPECT_EQ(server_.Request("DELETE", "/api/v1/files/" + theirs, "", {auth}).status, 204);
  EXPECT_EQ(server_.Request("DELETE", "/api/v1/files/" + hidden).status, 204);
  EXPECT_EQ(server_.Get("/api/v1/files/" + hidden).status, 404);
  EXPECT_EQ(server_.Get("/api/v1/commitments/" + private_one + "/files")
                .Json()
                .at("items")
                .as_array()
                .size(),
            0u);
}

TEST_F(ApiFilesTest, AKillDuringAnUploadLeavesAConsistentState) {
  const std::string commitment = NewCommitment("private");
  const long long files_before = QueryNumber(server_.db_path(), "SELECT count(*) FROM files");
  const std::string pdf = Pdf(600 * 1024, 'k');
  const HttpResult created = Create({.holder_id = commitment}, pdf.size());
  ASSERT_EQ(created.status, 201);
  const std::string location = created.Header("location");
  {
    RawClient client(server_.port());
    ASSERT_TRUE(client.Send("PATCH " + location + " HTTP/1.1\r\nHost: localhost\r\n" +
                            server_.admin().Bearer() +
                            "\r\nTus-Resumable: 1.0.0\r\nContent-Type: "
                            "application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                            "Content-Length: " +
                            std::to_string(pdf.size()) + "\r\n\r\n" + pdf.substr(0, 200'000)));
    WaitForOffset(location, 200'000);
    server_.KillAndRestart();  // mid-body: the connection dies with the server
  }
  EXPECT_EQ(QueryNumber(server_.db_path(), "SELECT count(*) FROM files"), files_before);
  const long long held = Offset(location);
  ASSERT_GE(held, 0);
  ASSERT_LE(held, 200'000);
  const HttpResult done = Patch(location, held, pdf.substr(held));
  ASSERT_EQ(done.status, 204) << done.body;
  EXPECT_EQ(server_.Get("/api/v1/files/" + done.Header("amity-file-id") + "/content").body, pdf);
  std::string output;
  EXPECT_EQ(RunAmity({"files", "check", "--db", server_.db_path()}, &output), 0) << output;
  EXPECT_NE(output.find("0 missing, 0 damaged"), std::string::npos) << output;
}

TEST_F(ApiFilesTest, CheckFindsDamageAndSweepRemovesWhatNoRecordNames) {
  const std::string id = Upload({.holder_id = NewCommitment("private")}, Pdf(700, 'c'));
  const std::string sha(server_.Get("/api/v1/files/" + id).Json().at("sha256").as_string());
  const std::string blob = files_folder() + "/blobs/" + sha.substr(0, 2) + "/" + sha;
  ASSERT_TRUE(fs::exists(blob));
  std::string output;
  EXPECT_EQ(RunAmity({"files", "check", "--db", server_.db_path()}, &output), 0) << output;
  fs::permissions(blob, fs::perms::owner_write, fs::perm_options::add);
  { std::ofstream(blob, std::ios::binary | std::ios::in | std::ios::out) << "tampered"; }
  EXPECT_EQ(RunAmity({"files", "check", "--db", server_.db_path()}, &output), 1) << output;
  EXPECT_NE(output.find("damaged  " + sha), std::string::npos) << output;

  // A blob no row names: kept while it may belong to an upload finishing now, then removed.
  const std::string stray_sha(64, 'a');
  fs::create_directories(files_folder() + "/blobs/aa");
  const std::string stray = files_folder() + "/blobs/aa/" + stray_sha;
  std::ofstream(stray) << "stray";
  EXPECT_EQ(RunAmity({"files", "sweep", "--db", server_.db_path()}, &output), 0) << output;
  EXPECT_TRUE(fs::exists(stray));
  const utimbuf old{std::time(nullptr) - 7200, std::time(nullptr) - 7200};
  ASSERT_EQ(utime(stray.c_str(), &old), 0);
  // An upload past its expiry goes with its bytes.
  const HttpResult created = Create({.holder_id = NewCommitment("private")}, 50);
  const std::string upload_id = created.Json().at("id").as_string().c_str();
  ASSERT_EQ(Patch(created.Header("location"), 0, "0123456789").status, 204);
  {
    const std::string sql =
        "UPDATE uploads SET expires_at = '2000-01-01T00:00:00Z' WHERE id = '" + upload_id + "'";
    ASSERT_EQ(std::system(("sqlite3 '" + server_.db_path() + "' \"" + sql + "\"").c_str()), 0);
  }
  EXPECT_EQ(RunAmity({"files", "sweep", "--db", server_.db_path()}, &output), 0) << output;
  EXPECT_NE(output.find("1 expired uploads"), std::string::npos) << output;
  EXPECT_NE(output.find("1 unreferenced blobs"), std::string::npos) << output;
  EXPECT_FALSE(fs::exists(stray));
  EXPECT_FALSE(fs::exists(files_folder() + "/uploads/" + upload_id));
  EXPECT_TRUE(fs::exists(blob));  // named by a row: kept, even damaged
}

// The bytes `write` puts in a file (a document or image made by previews::testing).
std::string Made(const std::function<void(const std::string&)>& write, const std::string& name) {
  const std::string path =
      (fs::temp_directory_path() / ("amity-made-" + std::to_string(getpid()) + "-" + name))
          .string();
  write(path);
  std::string bytes = ReadFile(path);
  fs::remove(path);
  return bytes;
}

// The items of the search results' group of `kind` (empty when there is none).
json::array SearchGroup(const HttpResult& results, std::string_view kind) {
  EXPECT_EQ(results.status, 200) << results.body;
  if (results.status != 200) return {};
  const json::value body = results.Json();
  for (const json::value& group : body.at("groups").as_array()) {
    if (group.at("kind").as_string() == kind) return group.at("items").as_array();
  }
  return {};
}

// Whether `items` hold one with `id`.
const json::object* FindItem(const json::array& items, const std::string& id) {
  for (const json::value& item : items) {
    if (item.at("id").as_string() == id) return &item.as_object();
  }
  return nullptr;
}

std::string Query(const std::string& words) {
  std::string encoded;
  for (const unsigned char c : words) {
    if (std::isalnum(c)) {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return "/api/v1/search?q=" + encoded;
}

// The number of blobs `amity files check` verified.
long long CheckedBlobs(const std::string& db_path) {
  std::string output;
  EXPECT_EQ(RunAmity({"files", "check", "--db", db_path}, &output), 0) << output;
  const size_t at = output.find("checked ");
  return at == std::string::npos ? -1 : std::stoll(output.substr(at + 8));
}

TEST_F(ApiFilesTest, ImagesAndPdfsGetAThumbnailOthersNone) {
  server_.WaitForPreviews();  // the demo's own files
  const long long blobs_before = CheckedBlobs(server_.db_path());
  const std::string commitment = NewCommitment("private");
  const std::string png = Made(
      [](const std::string& path) { previews::testing::WriteImage(path, 900, 600); }, "photo.png");
  const std::string pdf = Made(
      [](const std::string& path) {
        previews::testing::WritePdf(path, {"Kemeraltı Çarşısı\nrestorasyon", "ikinci sayfa"});
      },
      "report.pdf");
  // A PNG's signature and header, then no picture: sniffed as a PNG, decoded as nothing.
  const std::string broken = png.substr(0, 33) + std::string(400, '\x17');
  const std::string photo = Upload({.filename = "Kordon.png", .holder_id = commitment}, png);
  const std::string report = Upload({.filename = "rapor.pdf", .holder_id = commitment}, pdf);
  const std::string damaged = Upload({.filename = "bozuk.png", .holder_id = commitment}, broken);
  const std::string text = Upload({.filename = "not.txt", .holder_id = commitment}, "düz metin\n");
  ASSERT_FALSE(photo.empty() || report.empty() || damaged.empty() || text.empty());
  server_.WaitForPreviews();

  for (const std::string& id : {photo, report}) {
    const HttpResult file = server_.Get("/api/v1/files/" + id);
    ASSERT_EQ(file.status, 200) << file.body;
    const std::string url = "/api/v1/files/" + id + "/thumbnail";
    EXPECT_EQ(file.Json().at("thumbnail_url"), json::value(url));
    const HttpResult thumbnail = server_.Get(url);
    ASSERT_EQ(thumbnail.status, 200) << thumbnail.body;
    EXPECT_EQ(thumbnail.Header("content-type"), "image/jpeg");
    EXPECT_TRUE(thumbnail.body.starts_with("\xFF\xD8\xFF"));
    EXPECT_LT(thumbnail.body.size(), 100'000u);
    EXPECT_EQ(thumbnail.Header("cache-control"), "private, no-cache");
    const std::string etag = thumbnail.Header("etag");
    ASSERT_EQ(etag.size(), 66u) << etag;
    const HttpResult again = server_.Request("GET", url, "", {"If-None-Match: " + etag});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
  }
  for (const std::string& id : {damaged, text}) {
    EXPECT_TRUE(server_.Get("/api/v1/files/" + id).Json().at("thumbnail_url").is_null());
    const HttpResult none = server_.Get("/api/v1/files/" + id + "/thumbnail");
    EXPECT_EQ(none.status, 404) << none.body;
  }
  // Seen like the file: a partner user gets 404 for a private record's file's thumbnail.
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_});
  EXPECT_EQ(server_.Request("GET", "/api/v1/files/" + photo + "/thumbnail", "", {partner.Bearer()})
                .status,
            404);
  // Thumbnails are blobs the files name: checked, and never swept while their file lives.
  EXPECT_EQ(CheckedBlobs(server_.db_path()), blobs_before + 6);  // 4 files, 2 thumbnails
  std::string output;
  for (const auto& entry : fs::recursive_directory_iterator(files_folder() + "/blobs")) {
    const utimbuf old{std::time(nullptr) - 7200, std::time(nullptr) - 7200};
    if (entry.is_regular_file()) utime(entry.path().c_str(), &old);
  }
  EXPECT_EQ(RunAmity({"files", "sweep", "--db", server_.db_path()}, &output), 0) << output;
  EXPECT_NE(output.find(" 0 unreferenced blobs"), std::string::npos) << output;
  EXPECT_EQ(server_.Get("/api/v1/files/" + report + "/thumbnail").status, 200);
}

// The public portal's pictures: a file of a published record is anyone's at /public/files/…
// with the download's headers; a file of a record not public, one marked personal data, an
// archived one and a missing one are all the same 404, whoever asks.
TEST_F(ApiFilesTest, FilesOfPublishedRecordsArePublicAndNoOthers) {
  std::string published, shared_case;
  const json::value cases = server_.Get("/api/v1/cases?limit=50").Json().at("items");
  for (const json::value& item : cases.as_array()) {
    const std::string id(item.at("id").as_string());
    if (item.at("visibility") == "public" && published.empty()) published = id;
    if (item.at("visibility") == "shared" && shared_case.empty()) shared_case = id;
  }
  ASSERT_FALSE(published.empty() || shared_case.empty());
  const std::string png = Made(
      [](const std::string& path) { previews::testing::WriteImage(path, 640, 480); }, "cephe.png");
  const std::string photo = Upload(
      {.filename = "Cephe onarımı 修复.png", .holder = "cases", .holder_id = published}, png);
  const std::string personal = Upload({.filename = "usta.png",
                                       .holder = "cases",
                                       .holder_id = published,
                                       .extra = ",personal_data " + Base64("true")},
                                      png + "personal");
  const std::string of_shared =
      Upload({.filename = "ev.png", .holder = "cases", .holder_id = shared_case}, png + "shared");
  const std::string of_private =
      Upload({.filename = "iç.pdf", .holder_id = NewCommitment("private")}, Pdf(400, 'r'));
  const std::string removed =
      Upload({.filename = "eski.png", .holder = "cases", .holder_id = published}, png + "old");
  ASSERT_FALSE(photo.empty() || personal.empty() || of_shared.empty() || of_private.empty() ||
               removed.empty());
  ASSERT_EQ(server_.Request("DELETE", "/api/v1/files/" + removed).status, 204);
  server_.WaitForPreviews();

  const std::string content = "/public/files/" + photo;
  const HttpResult whole = server_.Request("GET", content, "", {"Authorization:"});
  ASSERT_EQ(whole.status, 200) << whole.body;
  EXPECT_EQ(whole.body, png);
  EXPECT_EQ(whole.Header("content-type"), "image/png");
  EXPECT_EQ(whole.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(whole.Header("accept-ranges"), "bytes");
  EXPECT_EQ(whole.Header("cache-control"), "public, no-cache");
  EXPECT_TRUE(whole.Header("content-disposition").starts_with("attachment;"));
  EXPECT_NE(whole.Header("content-disposition")
                .find("filename*=UTF-8''Cephe%20onar%C4%B1m%C4%B1%20%E4%BF%AE%E5%A4%8D.png"),
            std::string::npos);
  const std::string etag = whole.Header("etag");
  EXPECT_EQ(etag,
            "\"" +
                std::string(server_.Get("/api/v1/files/" + photo).Json().at("sha256").as_string()) +
                "\"");
  const HttpResult part =
      server_.Request("GET", content, "", {"Authorization:", "Range: bytes=0-7"});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, png.substr(0, 8));
  EXPECT_EQ(
      server_.Request("GET", content, "", {"Authorization:", "If-None-Match: " + etag}).status,
      304);
  EXPECT_TRUE(server_.Request("GET", content + "?disposition=inline", "", {"Authorization:"})
                  .Header("content-disposition")
                  .starts_with("inline;"));
  EXPECT_EQ(server_.Request("GET", content + "?disposition=nope", "", {"Authorization:"}).status,
            400);
  const HttpResult thumbnail =
      server_.Request("GET", content + "/thumbnail", "", {"Authorization:"});
  ASSERT_EQ(thumbnail.status, 200) << thumbnail.body;
  EXPECT_EQ(thumbnail.Header("content-type"), "image/jpeg");
  EXPECT_EQ(thumbnail.Header("x-content-type-options"), "nosniff");
  EXPECT_TRUE(thumbnail.body.starts_with("\xFF\xD8\xFF"));
  EXPECT_EQ(server_
                .Request("GET", content + "/thumbnail", "",
                         {"Authorization:", "If-None-Match: " + thumbnail.Header("etag")})
                .status,
            304);

  // Whatever is not published answers like a missing file, to anyone, signed in or not.
  const HttpResult missing = server_.Request(
      "GET", "/public/files/00000000-0000-4000-8000-000000000000", "", {"Authorization:"});
  ASSERT_EQ(missing.status, 404);
  const auto problem_of = [](const HttpResult& result) {
    json::object problem = result.Json().as_object();
    problem.erase("instance");  // the request's own address
    return problem;
  };
  for (const std::string& hidden : {personal, of_shared, of_private, removed}) {
    for (const std::string path :
         {"/public/files/" + hidden, "/public/files/" + hidden + "/thumbnail"}) {
      const HttpResult anonymous = server_.Request("GET", path, "", {"Authorization:"});
      EXPECT_EQ(anonymous.status, 404) << path;
      EXPECT_EQ(problem_of(anonymous), problem_of(missing)) << path;
      EXPECT_EQ(server_.Get(path).status, 404) << path << " (the admin, too)";
    }
  }
  EXPECT_EQ(server_.Request("GET", "/public/files/nope", "", {"Authorization:"}).status, 404);

  // The portal shows the case with its photo (the thumbnail) and not the personal one.
  const HttpResult card = server_.Request("GET", "/public?lang=tr", "", {"Authorization:"});
  EXPECT_NE(card.body.find("<img src=\"/public/files/"), std::string::npos) << card.body;
  EXPECT_NE(card.Header("content-security-policy").find("img-src 'self'"), std::string::npos)
      << card.body;
  const HttpResult page =
      server_.Request("GET", "/public/cases/" + published + "?lang=zh", "", {"Authorization:"});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<img src=\"/public/files/" + photo +
                           "/thumbnail\" alt=\"照片：Cephe onarımı 修复.png\""),
            std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("href=\"/public/files/" + photo + "?disposition=inline\""),
            std::string::npos);
  for (const std::string& hidden : {personal, removed}) {
    EXPECT_EQ(page.body.find(hidden), std::string::npos) << hidden;
  }
  EXPECT_NE(page.Header("content-security-policy").find("img-src 'self'"), std::string::npos);

  // Unpublishing the case takes its files off the portal at once.
  const long long version =
      server_.Get("/api/v1/cases/" + published).Json().at("version").as_int64();
  ASSERT_EQ(server_
                .Request("PATCH", "/api/v1/cases/" + published, R"({"visibility":"shared"})",
                         {"If-Match: " + std::to_string(version)})
                .status,
            200);
  EXPECT_EQ(server_.Request("GET", content, "", {"Authorization:"}).status, 404);
  EXPECT_EQ(server_.Request("GET", content + "/thumbnail", "", {"Authorization:"}).status, 404);
}

TEST_F(ApiFilesTest, SearchFindsTheTextInsideDocumentsWhereTheFileIsSeen) {
  const std::string shared = NewCommitment("shared");
  const std::string secret = NewCommitment("private");
  const std::string pdf = Made(
      [](const std::string& path) {
        previews::testing::WritePdf(
            path, {"Kemeraltı Çarşısı restorasyon raporu\nTarihi hanların onarımı",
                   "哈尔滨冰雪大世界 合作方案", "Zeytinyağlıbalkon dördüncü sayfa"});
      },
      "rapor.pdf");
  const std::string docx = Made(
      [](const std::string& path) {
        previews::testing::WriteDocx(path, {"Ahşapkonaklar onarım planı", "ikinci paragraf"});
      },
      "plan.docx");
  const std::string hidden_docx = Made(
      [](const std::string& path) {
        previews::testing::WriteDocx(path, {"Gizlikapı ahşapkonaklar bütçesi"});
      },
      "gizli.docx");
  const std::string report = Upload({.filename = "Kemeraltı raporu.pdf", .holder_id = shared}, pdf);
  const std::string plan = Upload({.filename = "plan.docx", .holder_id = shared}, docx);
  const std::string hidden = Upload({.filename = "bütçe.docx", .holder_id = secret}, hidden_docx);
  const std::string personal = Upload(
      {.filename = "kimlik.txt", .holder_id = shared, .extra = ",personal_data " + Base64("true")},
      "Pasaportnumarasi 12345\n");
  ASSERT_FALSE(report.empty() || plan.empty() || hidden.empty() || personal.empty());
  server_.WaitForPreviews();
  EXPECT_EQ(server_.Get("/api/v1/files/" + plan).Json().at("media_type").as_string(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  // Turkish folding (KEMERALTI finds Kemeraltı), every word required, the file named with the
  // record that holds it and the words marked in a piece of the text.
  const json::array found = SearchGroup(server_.Get(Query("KEMERALTI restorasyon")), "files");
  const json::object* item = FindItem(found, report);
  ASSERT_NE(item, nullptr) << json::serialize(found);
  EXPECT_EQ(item->at("title").as_string(), "Kemeraltı raporu.pdf");
  EXPECT_EQ(item->at("holder").at("kind").as_string(), "commitments");
  EXPECT_EQ(item->at("holder").at("id").as_string(), shared);
  EXPECT_EQ(item->at("holder").at("title").at("en").as_string(), "Evidence test shared");
  std::string marked;
  for (const json::value& match : item->at("matches").as_array()) {
    if (match.at("field").as_string() != "text") continue;
    for (const json::value& segment : match.at("segments").as_array()) {
      if (segment.at("match").as_bool())
        marked += std::string(segment.at("text").as_string()) + "|";
    }
  }
  EXPECT_EQ(marked, "Kemeraltı|restorasyon|") << json::serialize(*item);
  // Chinese words inside the PDF (a two-character word), a later page, and a .docx's text.
  EXPECT_NE(FindItem(SearchGroup(server_.Get(Query("冰雪") + "&kind=files"), "files"), report),
            nullptr);
  EXPECT_NE(FindItem(SearchGroup(server_.Get(Query("zeytinyağlıbalkon")), "files"), report),
            nullptr);
  EXPECT_NE(FindItem(SearchGroup(server_.Get(Query("ahşapkonaklar onarım")), "files"), plan),
            nullptr);
  // A personal-data file's text is never indexed, for anyone.
  EXPECT_TRUE(SearchGroup(server_.Get(Query("Pasaportnumarasi")), "files").empty());

  // A partner user finds the shared record's documents, never the private record's.
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_});
  const auto partner_search = [&](const std::string& words) {
    return SearchGroup(server_.Request("GET", Query(words), "", {partner.Bearer()}), "files");
  };
  EXPECT_NE(FindItem(partner_search("kemeraltı"), report), nullptr);
  EXPECT_NE(FindItem(SearchGroup(server_.Get(Query("gizlikapı")), "files"), hidden), nullptr);
  EXPECT_TRUE(partner_search("gizlikapı").empty());
  const json::array both = partner_search("ahşapkonaklar");
  EXPECT_NE(FindItem(both, plan), nullptr);
  EXPECT_EQ(FindItem(both, hidden), nullptr);
  // When the record turns private, its files' text is no longer found by the partner.
  const HttpResult record = server_.Get("/api/v1/commitments/" + shared);
  const HttpResult turned = server_.Request(
      "PATCH", "/api/v1/commitments/" + shared, R"({"visibility":"private"})",
      {"If-Match: \"" + std::to_string(record.Json().at("version").as_int64()) + "\""});
  ASSERT_EQ(turned.status, 200) << turned.body;
  EXPECT_EQ(FindItem(partner_search("kemeraltı restorasyon"), report), nullptr);
  EXPECT_NE(FindItem(SearchGroup(server_.Get(Query("kemeraltı restorasyon")), "files"), report),
            nullptr);

  // A removed file is no longer found; `amity reindex` indexes the documents' text again.
  ASSERT_EQ(server_.Request("DELETE", "/api/v1/files/" + plan, "", {"If-Match: \"1\""}).status,
            204);
  EXPECT_EQ(FindItem(SearchGroup(server_.Get(Query("ahşapkonaklar")), "files"), plan), nullptr);
  std::string output;
  ASSERT_EQ(RunAmity({"reindex", "--db", server_.db_path()}, &output), 0) << output;
  EXPECT_NE(FindItem(SearchGroup(server_.Get(Query("冰雪")), "files"), report), nullptr);
  EXPECT_EQ(FindItem(SearchGroup(server_.Get(Query("ahşapkonaklar")), "files"), plan), nullptr);
  EXPECT_TRUE(SearchGroup(server_.Get(Query("Pasaportnumarasi")), "files").empty());
}

TEST_F(ApiFilesTest, ABackupArchiveKeepsTheFilesAndRestoresThemChecked) {
  const std::string pdf = Pdf(300 * 1024, 'b');
  const std::string id =
      Upload({.filename = "Kurul kararı.pdf", .holder_id = NewCommitment("shared")}, pdf);
  ASSERT_FALSE(id.empty());
  const std::string archive = server_.folder() + "/backup.tar";
  std::string output;
  ASSERT_EQ(RunAmity({"backup", "--db", server_.db_path(), archive}, &output), 0) << output;
  EXPECT_NE(output.find(" stored files to " + archive), std::string::npos) << output;
  // A database-only copy says what it leaves out.
  ASSERT_EQ(RunAmity({"backup", "--db", server_.db_path(), server_.folder() + "/only.db"}, &output),
            0);
  EXPECT_NE(output.find("not in"), std::string::npos) << output;

  // Restored into an empty place, checked, and served again with the same bytes.
  const std::string place = server_.folder() + "/restored";
  const std::string restored_db = place + "/amity.db";
  ASSERT_EQ(RunAmity({"restore", "--db", restored_db, archive}, &output), 0) << output;
  const long long kept = QueryNumber(server_.db_path(), "SELECT count(*) FROM files");
  EXPECT_GE(kept, 1);
  EXPECT_EQ(QueryNumber(restored_db, "SELECT count(*) FROM files"), kept);
  EXPECT_EQ(RunAmity({"files", "check", "--db", restored_db}, &output), 0) << output;
  EXPECT_EQ(Listing(place + "/files").size() > 0, true);
  const std::string sha(server_.Get("/api/v1/files/" + id).Json().at("sha256").as_string());
  EXPECT_EQ(ReadFile(place + "/files/blobs/" + sha.substr(0, 2) + "/" + sha), pdf);
  // Not over an existing database.
  EXPECT_EQ(RunAmity({"restore", "--db", restored_db, archive}, &output), 1) << output;

  // A damaged archive restores nothing.
  std::string bytes = ReadFile(archive);
  const size_t at = bytes.find(std::string(64, 'b'));
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'B';
  const std::string damaged = server_.folder() + "/damaged.tar";
  std::ofstream(damaged, std::ios::binary) << bytes;
  const std::string other = server_.folder() + "/other";
  EXPECT_EQ(RunAmity({"restore", "--db", other + "/amity.db", damaged}, &output), 1) << output;
  EXPECT_NE(output.find("damaged"), std::string::npos) << output;
  EXPECT_FALSE(fs::exists(other + "/amity.db"));
  EXPECT_EQ(Listing(other + "/files"), "");
}

// AMITY_FILE_TYPES narrows the allow-list: a CSV (allowed by default) is refused with 415 naming
// what its bytes are, a PDF still taken, and nothing kept of the refused one.
TEST(ApiFileTypesTest, TheConfiguredAllowListIsTheOneApplied) {
  const TestServer server(true, {"AMITY_FILE_TYPES=application/pdf"});
  const json::value commitments =
      server.Get("/api/v1/commitments?limit=1&visibility=shared").Json();
  const std::string holder(commitments.at("items").at(0).at("id").as_string());
  const auto upload = [&](const std::string& name, const std::string& bytes) {
    const HttpResult created =
        server.Request("POST", "/api/v1/uploads", "",
                       {"Tus-Resumable: 1.0.0", "Upload-Length: " + std::to_string(bytes.size()),
                        MetadataHeader({.filename = name, .holder_id = holder})});
    EXPECT_EQ(created.status, 201) << created.body;
    return server.Request("PATCH", created.Header("location"), bytes,
                          {"Tus-Resumable: 1.0.0", "Content-Type: application/offset+octet-stream",
                           "Upload-Offset: 0"});
  };
  const std::string before = server.Snapshot();
  const HttpResult csv = upload("Katılımcılar.csv", "ad;soyad\nAyşe;Yılmaz\nLi;Wei\n");
  EXPECT_EQ(csv.status, 415) << csv.body;
  EXPECT_NE(csv.body.find("text/"), std::string::npos) << csv.body;
  EXPECT_EQ(server.Snapshot(), before);
  EXPECT_EQ(upload("Karar.pdf", Pdf(4096)).status, 204);
}

}  // namespace
}  // namespace amity::testing
