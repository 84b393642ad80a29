#include "domain/isced.h"

#include <algorithm>

namespace amity::domain {
namespace {

// Names follow the English of ISCED-F 2013; the Turkish ones follow YÖK's usage, the Chinese
// ones the usual renderings of the classification (国际教育标准分类).
constexpr IscedField kFields[] = {
    {"00", "Generic programmes and qualifications", "Genel programlar ve yeterlilikler",
     "通用课程与资格"},
    {"001", "Basic programmes and qualifications", "Temel programlar ve yeterlilikler",
     "基础课程与资格"},
    {"002", "Literacy and numeracy", "Okuma-yazma ve sayısal beceriler", "读写与计算"},
    {"003", "Personal skills and development", "Kişisel beceriler ve gelişim", "个人技能与发展"},
    {"01", "Education", "Eğitim", "教育"},
    {"011", "Education", "Eğitim", "教育"},
    {"0111", "Education science", "Eğitim bilimleri", "教育科学"},
    {"0114", "Teacher training with subject specialisation", "Alan öğretmenliği", "学科教师培养"},
    {"02", "Arts and humanities", "Sanat ve beşeri bilimler", "艺术与人文"},
    {"021", "Arts", "Sanat", "艺术"},
    {"0211", "Audio-visual techniques and media production",
     "Görsel-işitsel teknikler ve medya yapımı", "视听技术与媒体制作"},
    {"0212", "Fashion, interior and industrial design", "Moda, iç mimari ve endüstriyel tasarım",
     "时装、室内与工业设计"},
    {"0213", "Fine arts", "Güzel sanatlar", "美术"},
    {"0214", "Handicrafts", "El sanatları", "手工艺"},
    {"0215", "Music and performing arts", "Müzik ve sahne sanatları", "音乐与表演艺术"},
    {"022", "Humanities (except languages)", "Beşeri bilimler (diller hariç)",
     "人文学科（语言除外）"},
    {"0221", "Religion and theology", "Din ve ilahiyat", "宗教与神学"},
    {"0222", "History and archaeology", "Tarih ve arkeoloji", "历史与考古"},
    {"0223", "Philosophy and ethics", "Felsefe ve etik", "哲学与伦理学"},
    {"023", "Languages", "Diller", "语言"},
    {"0231", "Language acquisition", "Dil edinimi", "语言习得"},
    {"0232", "Literature and linguistics", "Edebiyat ve dilbilim", "文学与语言学"},
    {"03", "Social sciences, journalism and information",
     "Sosyal bilimler, gazetecilik ve enformasyon", "社会科学、新闻与信息"},
    {"031", "Social and behavioural sciences", "Sosyal ve davranış bilimleri", "社会与行为科学"},
    {"0311", "Economics", "İktisat", "经济学"},
    {"0312", "Political sciences and civics", "Siyaset bilimi ve yurttaşlık", "政治学与公民学"},
    {"0314", "Sociology and cultural studies", "Sosyoloji ve kültürel çalışmalar",
     "社会学与文化研究"},
    {"032", "Journalism and information", "Gazetecilik ve enformasyon", "新闻与信息"},
    {"04", "Business, administration and law", "İşletme, yönetim ve hukuk", "商业、管理与法律"},
    {"041", "Business and administration", "İşletme ve yönetim", "商业与管理"},
    {"0413", "Management and administration", "Yönetim ve idare", "经营与管理"},
    {"042", "Law", "Hukuk", "法律"},
    {"05", "Natural sciences, mathematics and statistics",
     "Doğa bilimleri, matematik ve istatistik", "自然科学、数学与统计"},
    {"051", "Biological and related sciences", "Biyoloji ve ilgili bilimler", "生物及相关科学"},
    {"052", "Environment", "Çevre", "环境"},
    {"053", "Physical sciences", "Fizik bilimleri", "物理科学"},
    {"0533", "Physics", "Fizik", "物理学"},
    {"054", "Mathematics and statistics", "Matematik ve istatistik", "数学与统计"},
    {"0541", "Mathematics", "Matematik", "数学"},
    {"0542", "Statistics", "İstatistik", "统计学"},
    {"06", "Information and Communication Technologies (ICTs)",
     "Bilgi ve iletişim teknolojileri (BİT)", "信息与通信技术"},
    {"061", "Information and Communication Technologies (ICTs)",
     "Bilgi ve iletişim teknolojileri (BİT)", "信息与通信技术"},
    {"0611", "Computer use", "Bilgisayar kullanımı", "计算机使用"},
    {"0612", "Database and network design and administration",
     "Veri tabanı ve ağ tasarımı ve yönetimi", "数据库与网络设计和管理"},
    {"0613", "Software and applications development and analysis",
     "Yazılım ve uygulama geliştirme ve analizi", "软件与应用开发和分析"},
    {"07", "Engineering, manufacturing and construction", "Mühendislik, imalat ve inşaat",
     "工程、制造与建筑"},
    {"071", "Engineering and engineering trades", "Mühendislik ve mühendislik meslekleri",
     "工程与工程行业"},
    {"0711", "Chemical engineering and processes", "Kimya mühendisliği ve süreçleri",
     "化学工程与工艺"},
    {"0712", "Environmental protection technology", "Çevre koruma teknolojisi", "环境保护技术"},
    {"0713", "Electricity and energy", "Elektrik ve enerji", "电力与能源"},
    {"0714", "Electronics and automation", "Elektronik ve otomasyon", "电子与自动化"},
    {"0715", "Mechanics and metal trades", "Makine ve metal işleri", "机械与金属加工"},
    {"0716", "Motor vehicles, ships and aircraft", "Motorlu taşıtlar, gemiler ve uçaklar",
     "机动车、船舶与飞机"},
    {"072", "Manufacturing and processing", "İmalat ve işleme", "制造与加工"},
    {"073", "Architecture and construction", "Mimarlık ve inşaat", "建筑与施工"},
    {"0731", "Architecture and town planning", "Mimarlık ve şehir planlama", "建筑学与城市规划"},
    {"0732", "Building and civil engineering", "Yapı ve inşaat mühendisliği", "建筑与土木工程"},
    {"08", "Agriculture, forestry, fisheries and veterinary",
     "Tarım, ormancılık, balıkçılık ve veterinerlik", "农业、林业、渔业与兽医"},
    {"081", "Agriculture", "Tarım", "农业"},
    {"082", "Forestry", "Ormancılık", "林业"},
    {"083", "Fisheries", "Balıkçılık", "渔业"},
    {"084", "Veterinary", "Veterinerlik", "兽医"},
    {"09", "Health and welfare", "Sağlık ve refah", "卫生与福利"},
    {"091", "Health", "Sağlık", "卫生"},
    {"0912", "Medicine", "Tıp", "医学"},
    {"092", "Welfare", "Sosyal hizmetler", "福利"},
    {"10", "Services", "Hizmetler", "服务"},
    {"101", "Personal services", "Kişisel hizmetler", "个人服务"},
    {"1015", "Travel, tourism and leisure", "Seyahat, turizm ve eğlence", "旅行、旅游与休闲"},
    {"102", "Hygiene and occupational health services", "Hijyen ve iş sağlığı hizmetleri",
     "卫生与职业健康服务"},
    {"103", "Security services", "Güvenlik hizmetleri", "安全服务"},
    {"104", "Transport services", "Ulaştırma hizmetleri", "运输服务"},
};

}  // namespace

std::span<const IscedField> IscedFields() { return kFields; }

const IscedField* FindIscedField(std::string_view code) {
  const auto found = std::find_if(std::begin(kFields), std::end(kFields),
                                  [&](const IscedField& field) { return field.code == code; });
  return found == std::end(kFields) ? nullptr : &*found;
}

std::string_view IscedLevel(std::string_view code) {
  switch (code.size()) {
    case 2:
      return "broad";
    case 3:
      return "narrow";
    default:
      return "detailed";
  }
}

std::string_view IscedParent(std::string_view code) {
  return code.size() <= 2 ? std::string_view() : code.substr(0, code.size() - 1);
}

}  // namespace amity::domain
