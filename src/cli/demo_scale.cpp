// Generated partnerships for benchmarks: realistic shapes (partner cities in many time zones,
// delegations, ~100 commitments across areas and statuses with their histories, events, cases),
// made deterministically from a fixed seed.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <random>

#include "base/time.h"
#include "cli/demo.h"
#include "domain/areas.h"
#include "domain/resources.h"
#include "store/commitment_history.h"
#include "store/migrations.h"
#include "store/records.h"

namespace amity::cli {
namespace json = boost::json;

namespace {

struct Place {
  const char* country;
  const char* zone;
  const char* tr;
  const char* zh;
  const char* en;
};

constexpr Place kPlaces[] = {
    {"DE", "Europe/Berlin", "Köln", "科隆", "Cologne"},
    {"JP", "Asia/Tokyo", "Osaka", "大阪", "Osaka"},
    {"BR", "America/Sao_Paulo", "Porto Alegre", "阿雷格里港", "Porto Alegre"},
    {"KR", "Asia/Seoul", "Busan", "釜山", "Busan"},
    {"US", "America/Chicago", "Houston", "休斯敦", "Houston"},
    {"IT", "Europe/Rome", "Napoli", "那不勒斯", "Naples"},
    {"KZ", "Asia/Almaty", "Almatı", "阿拉木图", "Almaty"},
    {"EG", "Africa/Cairo", "İskenderiye", "亚历山大", "Alexandria"},
    {"AU", "Australia/Sydney", "Sidney", "悉尼", "Sydney"},
    {"CN", "Asia/Shanghai", "Dalian", "大连", "Dalian"},
};

constexpr const char* kCommitmentTexts[][3] = {
    {"Ortak yazılım atölyesi düzenlenmesi", "举办联合软件工作坊", "Hold a joint software workshop"},
    {"Öğrenci değişim programının başlatılması", "启动学生交流项目",
     "Start a student exchange programme"},
    {"Ticaret fuarına katılım", "参加贸易博览会", "Take part in the trade fair"},
    {"Ortak konser düzenlenmesi", "举办联合音乐会", "Organise a joint concert"},
    {"Tarihi yapıların korunması üzerine bilgi paylaşımı", "分享历史建筑保护经验",
     "Share know-how on preserving historic buildings"},
    {"Dostluk maratonu düzenlenmesi", "举办友谊马拉松", "Organise a friendship marathon"},
};

json::object Text(const char* tr, const char* zh, const char* en, const char* original) {
  return {{"original", original}, {"tr", tr}, {"zh", zh}, {"en", en}};
}

}  // namespace

void GenerateScaleData(store::Db& db, int count, int busy) {
  std::mt19937 random(20261123);
  const Instant start = Now();
  store::WriteContext context{"demo-generator", start, store::InstanceId(db)};
  const auto pick = [&random](int n) { return static_cast<int>(random() % n); };
  // Cases draw from their own sequence, so the records generated before them stay as they were.
  std::mt19937 case_random(20261207);
  const auto case_pick = [&case_random](int n) { return static_cast<int>(case_random() % n); };
  const Instant base = *ParseInstant("2025-01-01T00:00:00Z");
  const auto instant_text = [&](int day, int hour) {
    return FormatInstant(base + std::chrono::days{day} + std::chrono::hours{hour});
  };
  const auto date_text = [&](int day) { return FormatDate(DateOf(base + std::chrono::days{day})); };

  json::object home_city;
  {
    store::Tx tx(db);
    home_city = store::InsertRecord(db, domain::Cities(),
                                    {{"name", Text("Ev Şehri", "主城", "Home City", "tr")},
                                     {"country", "TR"},
                                     {"time_zone", "Europe/Istanbul"}},
                                    context);
    tx.Commit();
  }
  const json::string home_id = home_city.at("id").as_string();

  for (int p = 0; p < count; ++p) {
    // Partnerships were recorded over time: one minute apart, ending now.
    context.now = start - std::chrono::minutes(count - p);
    store::Tx tx(db);
    const Place& place = kPlaces[p % std::size(kPlaces)];
    const std::string suffix = " " + std::to_string(p + 1);
    const json::object city =
        store::InsertRecord(db, domain::Cities(),
                            {{"name", Text((place.tr + suffix).c_str(), (place.zh + suffix).c_str(),
                                           (place.en + suffix).c_str(), "en")},
                             {"country", place.country},
                             {"time_zone", place.zone}},
                            context);
    json::array people_ids;
    for (int i = 0; i < 6; ++i) {
      const json::object person = store::InsertRecord(
          db, domain::People(),
          {{"native_name", "Person " + std::to_string(p) + "-" + std::to_string(i)},
           {"latin_name", "Person " + std::to_string(p) + "-" + std::to_string(i)},
           {"languages", json::array{"en"}}},
          context);
      people_ids.push_back(person.at("id"));
    }
    const json::object partnership = store::InsertRecord(
        db, domain::Partnerships(),
        {{"home_city_id", home_id},
         {"partner_city_id", city.at("id")},
         {"tier", domain::kTiers[pick(4)]},
         {"status", p % 7 == 0 ? "dormant" : "active"},
         {"focal_points",
          json::array{json::object{{"person_id", people_ids[0]}, {"side", "home"}},
                      json::object{{"person_id", people_ids[3]}, {"side", "partner"}}}}},
        context);
    const json::value& partnership_id = partnership.at("id");
    json::array meeting_ids;
    for (int m = 0; m < 5; ++m) {
      const int day = pick(800);
      const json::object meeting = store::InsertRecord(
          db, domain::Meetings(),
          {{"kind", domain::kMeetingKinds[pick(5)]},
           {"partnership_id", partnership_id},
           {"title", Text("Çalışma toplantısı", "工作会议", "Working meeting", "en")},
           {"starts_at", instant_text(day, 8)},
           {"ends_at", instant_text(day, 10)},
           {"time_zone", place.zone},
           {"participants",
            json::array{
                json::object{{"person_id", people_ids[0]}, {"side", "home"}, {"role", "host"}},
                json::object{
                    {"person_id", people_ids[3]}, {"side", "partner"}, {"role", "guest"}}}},
           {"areas", json::array{domain::kAreaCodes[pick(11)]}},
           {"minutes", Text("Görüşme notları", "会谈纪要", "Notes of the talks", "en")}},
          context);
      meeting_ids.push_back(meeting.at("id"));
    }
    json::array commitment_ids;
    // The first partnership is the busy one when `busy` asks for more than the usual 100.
    const int commitments = p == 0 ? std::max(100, busy) : 100;
    for (int c = 0; c < commitments; ++c) {
      const auto* text = kCommitmentTexts[pick(std::size(kCommitmentTexts))];
      json::object commitment =
          store::InsertRecord(db, domain::Commitments(),
                              {{"partnership_id", partnership_id},
                               {"meeting_id", meeting_ids[pick(5)]},
                               {"text", Text(text[0], text[1], text[2], "tr")},
                               {"area", domain::kAreaCodes[pick(11)]},
                               {"proposed_by_side", domain::kProposingSides[pick(3)]},
                               {"home_owner_id", people_ids[pick(3)]},
                               {"partner_owner_id", people_ids[3 + pick(3)]},
                               {"due_date", date_text(pick(900))}},
                              context);
      // Walk a share of commitments forward, some to done; a few are dropped from an open
      // status (never from done, which the workflow forbids).
      const int outcome = pick(6);  // 0–4: the status reached; 5: dropped
      const int steps = outcome == 5 ? pick(4) : outcome;
      std::string from = "proposed";
      for (int s = 1; s <= steps; ++s) {
        const std::string to(domain::kCommitmentStatuses[s]);
        commitment = store::UpdateRecord(db, domain::Commitments(), commitment, {{"status", to}},
                                         context, "transition");
        store::AppendTransition(db, commitment.at("id").as_string(), from, to, "", context);
        from = to;
      }
      if (outcome == 5) {
        commitment = store::UpdateRecord(db, domain::Commitments(), commitment,
                                         {{"status", "dropped"}}, context, "transition");
        store::AppendTransition(db, commitment.at("id").as_string(), from, "dropped",
                                "superseded by a new plan", context);
      }
      commitment_ids.push_back(commitment.at("id"));
    }
    for (int e = 0; e < 10; ++e) {
      const int day = pick(900);
      store::InsertRecord(
          db, domain::Events(),
          {{"kind", domain::kEventKinds[pick(8)]},
           {"partnership_id", partnership_id},
           {"title", Text("Dostluk etkinliği", "友谊活动", "Friendship event", "en")},
           {"starts_at", instant_text(day, 9)},
           {"ends_at", instant_text(day + pick(4), 18)},
           {"time_zone", place.zone},
           {"city_id", pick(2) ? json::value(home_id) : city.at("id")},
           {"status", domain::kEventStatuses[pick(5)]},
           {"commitment_ids", json::array{commitment_ids[pick(100)]}}},
          context);
    }
    // A few cases each city offers the other, so the library's lists have rows to plan for.
    static constexpr std::string_view kCaseTags[] = {"restoration", "survey", "adaptive reuse",
                                                     "waterfront", "festival"};
    for (int c = 0; c < 3; ++c) {
      json::object fields{
          {"partnership_id", partnership_id},
          {"title", Text("Deneyim", "经验", "Practice", case_pick(2) ? "tr" : "zh")},
          {"summary", Text("Özet", "概要", "Summary", "en")},
          {"area", domain::kAreaCodes[case_pick(std::size(domain::kAreaCodes))]},
          {"city_id", case_pick(2) ? json::value(home_id) : city.at("id")},
          {"tags", json::array{json::string(kCaseTags[case_pick(5)])}},
          {"visibility", domain::kVisibilities[case_pick(3)]}};
      if (case_pick(3)) fields["period_start"] = date_text(-case_pick(3000));
      store::InsertRecord(db, domain::Cases(), fields, context);
    }
    tx.Commit();
    if ((p + 1) % 100 == 0 || p + 1 == count) {
      std::fprintf(stderr, "amity demo: generated %d of %d partnerships\n", p + 1, count);
    }
  }
}

}  // namespace amity::cli
