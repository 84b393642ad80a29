#include "domain/areas.h"

namespace amity::domain {
namespace {

constexpr Area kAreas[] = {
    {"technology_ai", "Teknoloji ve yapay zekâ", "科技与人工智能", "Technology & AI"},
    {"education", "Eğitim", "教育", "Education"},
    {"culture_arts", "Kültür ve sanat", "文化艺术", "Culture & arts"},
    {"music", "Müzik", "音乐", "Music"},
    {"sports", "Spor", "体育", "Sports"},
    {"trade_export", "Ticaret ve ihracat", "贸易与出口", "Trade & export"},
    {"heritage", "Kültürel miras", "文化遗产", "Heritage"},
    {"tourism", "Turizm", "旅游", "Tourism"},
    {"municipal_services", "Belediye hizmetleri", "市政服务", "Municipal services"},
    {"youth", "Gençlik", "青年", "Youth"},
    {"other", "Diğer", "其他", "Other"},
};

static_assert(std::size(kAreas) == std::size(kAreaCodes));

}  // namespace

std::span<const Area> AllAreas() { return kAreas; }

const Area* FindArea(std::string_view code) {
  for (const Area& area : kAreas) {
    if (area.code == code) return &area;
  }
  return nullptr;
}

}  // namespace amity::domain
