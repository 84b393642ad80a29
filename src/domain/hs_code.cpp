#include "domain/hs_code.h"

#include <algorithm>
#include <iterator>

namespace amity::domain {
namespace {

// Names written for Amity after the structure of the HS 2022 nomenclature; short enough for a
// catalogue's group headings.
constexpr HsChapter kChapters[] = {
    {"01", {"Canlı hayvanlar", "活动物", "Live animals"}},
    {"02", {"Etler ve yenilen sakatat", "肉及食用杂碎", "Meat and edible offal"}},
    {"03",
     {"Balıklar, kabuklular, yumuşakçalar ve diğer su omurgasızları",
      "鱼、甲壳动物、软体动物及其他水生无脊椎动物",
      "Fish, crustaceans, molluscs and other aquatic invertebrates"}},
    {"04",
     {"Süt ürünleri; kuş yumurtaları; tabii bal; başka yerde belirtilmeyen hayvansal gıdalar",
      "乳品；蛋品；天然蜂蜜；其他食用动物产品",
      "Dairy produce; birds' eggs; natural honey; edible animal products n.e.s."}},
    {"05",
     {"Başka yerde belirtilmeyen hayvansal ürünler", "其他动物产品",
      "Products of animal origin n.e.s."}},
    {"06",
     {"Canlı ağaç ve bitkiler; soğan ve kökler; kesme çiçekler", "活树及其他活植物；鳞茎、根；插花",
      "Live trees and plants; bulbs and roots; cut flowers"}},
    {"07",
     {"Yenilen sebzeler ve bazı kök ve yumrular", "食用蔬菜、根及块茎",
      "Edible vegetables, roots and tubers"}},
    {"08",
     {"Yenilen meyveler ve sert kabuklu meyveler; turunçgil ve kavun kabukları",
      "食用水果及坚果；柑橘属水果或甜瓜的果皮", "Edible fruit and nuts; peel of citrus or melons"}},
    {"09",
     {"Kahve, çay, mate çayı ve baharat", "咖啡、茶、马黛茶及调味香料",
      "Coffee, tea, maté and spices"}},
    {"10", {"Hububat", "谷物", "Cereals"}},
    {"11",
     {"Değirmencilik ürünleri; malt; nişasta; inülin; buğday gluteni",
      "制粉工业产品；麦芽；淀粉；菊粉；面筋",
      "Milling products; malt; starches; inulin; wheat gluten"}},
    {"12",
     {"Yağlı tohum ve meyveler; çeşitli tohumlar; sanayi ve tıp bitkileri; saman ve yem",
      "含油子仁及果实；杂项子仁；工业用或药用植物；秸秆及饲料",
      "Oil seeds and oleaginous fruit; other seeds; industrial or medicinal plants; fodder"}},
    {"13",
     {"Lak; sakızlar, reçineler ve diğer bitkisel özsu ve hülasalar",
      "虫胶；树胶、树脂及其他植物液汁", "Lac; gums, resins and other vegetable saps and extracts"}},
    {"14",
     {"Örmeye elverişli bitkisel maddeler; başka yerde belirtilmeyen bitkisel ürünler",
      "编结用植物材料；其他植物产品", "Vegetable plaiting materials; vegetable products n.e.s."}},
    {"15",
     {"Hayvansal, bitkisel veya mikrobiyal yağlar; hazır yemeklik yağlar; mumlar",
      "动物、植物或微生物油脂；精制食用油脂；动植物蜡",
      "Animal, vegetable or microbial fats and oils; prepared edible fats; waxes"}},
    {"16",
     {"Et, balık, kabuklu, yumuşakça veya böceklerden müstahzarlar",
      "肉、鱼、甲壳动物、软体动物或昆虫的制品",
      "Preparations of meat, fish, crustaceans, molluscs or insects"}},
    {"17", {"Şeker ve şekerli mamuller", "糖及糖食", "Sugars and sugar confectionery"}},
    {"18", {"Kakao ve kakao müstahzarları", "可可及可可制品", "Cocoa and cocoa preparations"}},
    {"19",
     {"Hububat, un, nişasta veya süt müstahzarları; pastacılık ürünleri",
      "谷物、粮食粉、淀粉或乳的制品；糕饼点心",
      "Preparations of cereals, flour, starch or milk; pastry products"}},
    {"20",
     {"Sebze, meyve, sert kabuklu meyve veya bitki kısımlarından müstahzarlar",
      "蔬菜、水果、坚果或植物其他部分的制品", "Preparations of vegetables, fruit, nuts or plants"}},
    {"21", {"Yenilen çeşitli gıda müstahzarları", "杂项食品", "Miscellaneous edible preparations"}},
    {"22",
     {"Meşrubat, alkollü içkiler ve sirke", "饮料、酒及醋", "Beverages, spirits and vinegar"}},
    {"23",
     {"Gıda sanayii kalıntı ve döküntüleri; hazır hayvan yemleri",
      "食品工业的残渣及废料；配制的动物饲料",
      "Food industry residues and waste; prepared animal fodder"}},
    {"24",
     {"Tütün ve tütün yerine geçen maddeler; nikotinli ürünler",
      "烟草及烟草代用品的制品；尼古丁产品",
      "Tobacco and manufactured substitutes; nicotine products"}},
    {"25",
     {"Tuz; kükürt; toprak ve taşlar; alçı, kireç ve çimento",
      "盐；硫磺；泥土及石料；石膏料、石灰及水泥",
      "Salt; sulphur; earths and stone; plaster, lime and cement"}},
    {"26", {"Metal cevherleri, cüruf ve kül", "矿砂、矿渣及矿灰", "Ores, slag and ash"}},
    {"27",
     {"Mineral yakıtlar, mineral yağlar ve damıtma ürünleri; bitümenli maddeler; mineral mumlar",
      "矿物燃料、矿物油及其蒸馏产品；沥青物质；矿物蜡",
      "Mineral fuels and oils and their distillates; bituminous substances; mineral waxes"}},
    {"28",
     {"İnorganik kimyasallar; kıymetli ve nadir toprak metalleri ile radyoaktif element "
      "bileşikleri",
      "无机化学品；贵金属、稀土金属、放射性元素的化合物",
      "Inorganic chemicals; compounds of precious and rare-earth metals and radioactive "
      "elements"}},
    {"29", {"Organik kimyasallar", "有机化学品", "Organic chemicals"}},
    {"30", {"Eczacılık ürünleri", "药品", "Pharmaceutical products"}},
    {"31", {"Gübreler", "肥料", "Fertilisers"}},
    {"32",
     {"Debagat ve boya hülasaları; boyalar, pigmentler, vernikler; macunlar; mürekkepler",
      "鞣料及染料浸膏；染料、颜料；油漆及清漆；油灰；墨水",
      "Tanning and dyeing extracts; dyes, pigments, paints and varnishes; putty; inks"}},
    {"33",
     {"Uçucu yağlar ve rezinoidler; parfümeri, kozmetik ve tuvalet müstahzarları",
      "精油及香膏；芳香料制品及化妆盥洗品",
      "Essential oils and resinoids; perfumery, cosmetic and toilet preparations"}},
    {"34",
     {"Sabunlar, yıkama ve yağlama müstahzarları, mumlar, cilalar, modelleme hamurları",
      "肥皂、洗涤剂、润滑剂、蜡、光洁剂、蜡烛、塑型用膏",
      "Soap, washing and lubricating preparations, waxes, polishes, candles, modelling pastes"}},
    {"35",
     {"Albüminoid maddeler; değiştirilmiş nişastalar; tutkallar; enzimler",
      "蛋白类物质；改性淀粉；胶；酶",
      "Albuminoidal substances; modified starches; glues; enzymes"}},
    {"36",
     {"Barut ve patlayıcılar; piroteknik ürünler; kibritler", "炸药；烟火制品；火柴",
      "Explosives; pyrotechnic products; matches"}},
    {"37",
     {"Fotoğrafçılık ve sinemacılık eşyası", "照相及电影用品",
      "Photographic or cinematographic goods"}},
    {"38", {"Çeşitli kimyasal ürünler", "杂项化学产品", "Miscellaneous chemical products"}},
    {"39", {"Plastikler ve mamulleri", "塑料及其制品", "Plastics and articles thereof"}},
    {"40", {"Kauçuk ve kauçuktan eşya", "橡胶及其制品", "Rubber and articles thereof"}},
    {"41",
     {"Ham postlar, deriler (kürk hariç) ve köseleler", "生皮（毛皮除外）及皮革",
      "Raw hides and skins (not furskins) and leather"}},
    {"42",
     {"Deri eşya; saraciye; seyahat eşyası ve el çantaları",
      "皮革制品；鞍具及挽具；旅行用品、手提包",
      "Articles of leather; saddlery; travel goods and handbags"}},
    {"43",
     {"Kürkler ve taklit kürkler; bunlardan eşya", "毛皮、人造毛皮及其制品",
      "Furskins and artificial fur; articles thereof"}},
    {"44",
     {"Ağaç ve ağaçtan eşya; odun kömürü", "木及木制品；木炭",
      "Wood and articles of wood; wood charcoal"}},
    {"45", {"Mantar ve mantardan eşya", "软木及软木制品", "Cork and articles of cork"}},
    {"46",
     {"Hasır ve örmeye elverişli maddelerden eşya; sepetçi eşyası",
      "编结材料制品；篮筐及柳条编结品",
      "Manufactures of straw and plaiting materials; basketware"}},
    {"47",
     {"Odun ve diğer lifli selülozik madde hamurları; geri kazanılmış kâğıt",
      "木浆及其他纤维状纤维素浆；回收纸或纸板",
      "Pulp of wood or other cellulosic fibre; recovered paper"}},
    {"48",
     {"Kâğıt ve karton; kâğıt hamurundan, kâğıttan veya kartondan eşya",
      "纸及纸板；纸浆、纸或纸板制品",
      "Paper and paperboard; articles of pulp, paper or paperboard"}},
    {"49",
     {"Basılı kitaplar, gazeteler, resimler; el yazmaları ve planlar",
      "书籍、报纸、印刷图画；手稿及设计图纸",
      "Printed books, newspapers and pictures; manuscripts and plans"}},
    {"50", {"İpek", "蚕丝", "Silk"}},
    {"51",
     {"Yün, ince veya kaba hayvan kılı; at kılı iplik ve dokumaları",
      "羊毛、动物细毛或粗毛；马毛纱线及其机织物",
      "Wool and fine or coarse animal hair; horsehair yarn and fabric"}},
    {"52", {"Pamuk", "棉花", "Cotton"}},
    {"53",
     {"Diğer bitkisel dokuma lifleri; kâğıt ipliği ve dokumaları",
      "其他植物纺织纤维；纸纱线及其机织物",
      "Other vegetable textile fibres; paper yarn and its fabrics"}},
    {"54",
     {"Sentetik ve suni filamentler; sentetik ve suni şeritler", "化学纤维长丝；化学纤维扁条",
      "Man-made filaments; strip of man-made textile materials"}},
    {"55", {"Sentetik ve suni devamsız lifler", "化学纤维短纤", "Man-made staple fibres"}},
    {"56",
     {"Vatka, keçe ve dokunmamış mensucat; özel iplikler; sicim, halat ve kablolar",
      "絮胎、毡呢及无纺织物；特种纱线；线、绳、索、缆",
      "Wadding, felt and nonwovens; special yarns; twine, ropes and cables"}},
    {"57",
     {"Halılar ve diğer dokumaya elverişli yer kaplamaları", "地毯及纺织材料的其他铺地制品",
      "Carpets and other textile floor coverings"}},
    {"58",
     {"Özel dokumalar; tafting mensucat; dantel; duvar halıları; işlemeler",
      "特种机织物；簇绒织物；花边；装饰毯；刺绣品",
      "Special woven fabrics; tufted fabrics; lace; tapestries; embroidery"}},
    {"59",
     {"Emdirilmiş, kaplanmış veya lamine mensucat; sınai dokuma eşyası",
      "浸渍、涂布、包覆或层压的纺织物；工业用纺织制品",
      "Impregnated, coated or laminated textile fabrics; industrial textile articles"}},
    {"60", {"Örme mensucat", "针织物及钩编织物", "Knitted or crocheted fabrics"}},
    {"61",
     {"Örme giyim eşyası ve aksesuarları", "针织或钩编的服装及衣着附件",
      "Apparel and clothing accessories, knitted or crocheted"}},
    {"62",
     {"Örme olmayan giyim eşyası ve aksesuarları", "非针织或非钩编的服装及衣着附件",
      "Apparel and clothing accessories, not knitted or crocheted"}},
    {"63",
     {"Diğer hazır dokuma eşya; takımlar; kullanılmış giyim eşyası; paçavralar",
      "其他纺织制成品；成套物品；旧衣着；碎织物",
      "Other made-up textile articles; sets; worn clothing; rags"}},
    {"64",
     {"Ayakkabılar, getrler ve benzerleri", "鞋靴、护腿及类似品",
      "Footwear, gaiters and the like"}},
    {"65", {"Başlıklar ve aksamı", "帽类及其零件", "Headgear and parts thereof"}},
    {"66",
     {"Şemsiyeler, bastonlar, kamçılar", "雨伞、阳伞、手杖、鞭子",
      "Umbrellas, walking sticks and whips"}},
    {"67",
     {"Hazırlanmış tüyler; yapma çiçekler; insan saçından eşya",
      "已加工羽毛及羽绒；人造花；人发制品",
      "Prepared feathers and down; artificial flowers; articles of human hair"}},
    {"68",
     {"Taş, alçı, çimento, amyant, mika ve benzerlerinden eşya",
      "石料、石膏、水泥、石棉、云母及类似材料的制品",
      "Articles of stone, plaster, cement, asbestos, mica or similar materials"}},
    {"69", {"Seramik mamulleri", "陶瓷产品", "Ceramic products"}},
    {"70", {"Cam ve cam eşya", "玻璃及其制品", "Glass and glassware"}},
    {"71",
     {"İnciler, kıymetli taşlar ve metaller; taklit mücevher; madeni paralar",
      "珍珠、宝石、贵金属及其制品；仿首饰；硬币",
      "Pearls, precious stones and metals; imitation jewellery; coin"}},
    {"72", {"Demir ve çelik", "钢铁", "Iron and steel"}},
    {"73", {"Demir veya çelikten eşya", "钢铁制品", "Articles of iron or steel"}},
    {"74", {"Bakır ve bakırdan eşya", "铜及其制品", "Copper and articles thereof"}},
    {"75", {"Nikel ve nikelden eşya", "镍及其制品", "Nickel and articles thereof"}},
    {"76", {"Alüminyum ve alüminyumdan eşya", "铝及其制品", "Aluminium and articles thereof"}},
    {"77",
     {"(İleride kullanılmak üzere ayrılmıştır)", "（保留为将来所用）", "(Reserved for future use)"},
     /*reserved=*/true},
    {"78", {"Kurşun ve kurşundan eşya", "铅及其制品", "Lead and articles thereof"}},
    {"79", {"Çinko ve çinkodan eşya", "锌及其制品", "Zinc and articles thereof"}},
    {"80", {"Kalay ve kalaydan eşya", "锡及其制品", "Tin and articles thereof"}},
    {"81",
     {"Diğer adi metaller; sermetler; bunlardan eşya", "其他贱金属、金属陶瓷及其制品",
      "Other base metals; cermets; articles thereof"}},
    {"82",
     {"Adi metallerden aletler, bıçaklar, kaşık ve çatallar",
      "贱金属工具、器具、利口器、餐匙、餐叉",
      "Tools, implements, cutlery, spoons and forks of base metal"}},
    {"83",
     {"Adi metallerden çeşitli eşya", "贱金属杂项制品", "Miscellaneous articles of base metal"}},
    {"84",
     {"Nükleer reaktörler, kazanlar, makineler ve mekanik cihazlar; parçaları",
      "核反应堆、锅炉、机器、机械器具及其零件",
      "Nuclear reactors, boilers, machinery and mechanical appliances; parts"}},
    {"85",
     {"Elektrikli makine ve cihazlar; ses ve görüntü kayıt cihazları; parçaları",
      "电机、电气设备及其零件；录音及电视图像设备",
      "Electrical machinery and equipment; sound and image recorders; parts"}},
    {"86",
     {"Demiryolu ve tramvay taşıtları ve hat donanımı; trafik sinyal cihazları",
      "铁道及电车道机车、车辆及轨道装置；交通信号设备",
      "Railway and tramway rolling stock and track fixtures; traffic signalling equipment"}},
    {"87",
     {"Kara taşıtları (demiryolu ve tramvay hariç); parça ve aksesuarları",
      "车辆及其零件、附件（铁道及电车道车辆除外）",
      "Vehicles other than railway or tramway rolling stock; parts and accessories"}},
    {"88",
     {"Hava taşıtları, uzay araçları ve parçaları", "航空器、航天器及其零件",
      "Aircraft, spacecraft and parts thereof"}},
    {"89",
     {"Gemiler, tekneler ve yüzer yapılar", "船舶及浮动结构体",
      "Ships, boats and floating structures"}},
    {"90",
     {"Optik, fotoğraf, ölçü, kontrol, tıp ve cerrahi alet ve cihazları; parçaları",
      "光学、照相、计量、检验、医疗或外科用仪器及设备；零件",
      "Optical, photographic, measuring, checking, medical or surgical instruments; parts"}},
    {"91", {"Saatler ve parçaları", "钟表及其零件", "Clocks and watches and parts thereof"}},
    {"92",
     {"Müzik aletleri; parça ve aksesuarları", "乐器及其零件、附件",
      "Musical instruments; parts and accessories"}},
    {"93",
     {"Silahlar ve mühimmat; parça ve aksesuarları", "武器、弹药及其零件、附件",
      "Arms and ammunition; parts and accessories"}},
    {"94",
     {"Mobilyalar; yatak takımları; aydınlatma cihazları; ışıklı tabelalar; prefabrik yapılar",
      "家具；寝具；灯具及照明装置；发光标志；活动房屋",
      "Furniture; bedding; lamps and lighting; illuminated signs; prefabricated buildings"}},
    {"95",
     {"Oyuncaklar, oyunlar ve spor malzemeleri; parçaları", "玩具、游戏品、运动用品及其零件",
      "Toys, games and sports requisites; parts"}},
    {"96", {"Çeşitli mamul eşya", "杂项制品", "Miscellaneous manufactured articles"}},
    {"97",
     {"Sanat eserleri, koleksiyon eşyası ve antikalar", "艺术品、收藏品及古物",
      "Works of art, collectors' pieces and antiques"}},
};

constexpr HsHeading kHeadings[] = {
    {"0302", {"Taze veya soğutulmuş balıklar", "鲜或冷的鱼", "Fish, fresh or chilled"}},
    {"0409", {"Tabii bal", "天然蜂蜜", "Natural honey"}},
    {"0802",
     {"Diğer sert kabuklu meyveler (fındık, ceviz, antep fıstığı)",
      "其他坚果（榛子、核桃、开心果）", "Other nuts (hazelnuts, walnuts, pistachios)"}},
    {"0804",
     {"Hurma, incir, ananas, avokado, guava ve mango", "椰枣、无花果、菠萝、鳄梨、番石榴及芒果",
      "Dates, figs, pineapples, avocados, guavas and mangoes"}},
    {"0805", {"Turunçgiller", "柑橘属水果", "Citrus fruit"}},
    {"0806", {"Üzüm, taze veya kuru", "鲜或干的葡萄", "Grapes, fresh or dried"}},
    {"0813",
     {"Kurutulmuş meyveler (kayısı, erik, elma)", "干果（杏、李、苹果）",
      "Dried fruit (apricots, prunes, apples)"}},
    {"0904",
     {"Biber; kurutulmuş veya öğütülmüş kırmızı biber", "胡椒；干或研磨的辣椒",
      "Pepper; dried or ground capsicum"}},
    {"0910",
     {"Zencefil, safran, zerdeçal, kekik, defne yaprağı ve diğer baharat",
      "姜、番红花、姜黄、百里香、月桂叶及其他调味香料",
      "Ginger, saffron, turmeric, thyme, bay leaves and other spices"}},
    {"1212",
     {"Keçiboynuzu, deniz yosunları ve diğer bitkisel ürünler", "角豆、海草及其他植物产品",
      "Locust beans (carob), seaweeds and other vegetable products"}},
    {"1509", {"Zeytinyağı", "油橄榄油", "Olive oil"}},
    {"1704",
     {"Kakao içermeyen şekerli mamuller (lokum dahil)", "不含可可的糖食（含土耳其软糖）",
      "Sugar confectionery without cocoa (Turkish delight included)"}},
    {"2002",
     {"Hazırlanmış veya konserve domates (salça)", "制作或保藏的番茄（番茄酱）",
      "Tomatoes, prepared or preserved (paste)"}},
    {"2005",
     {"Hazırlanmış diğer sebzeler (sofralık zeytin)", "制作或保藏的其他蔬菜（食用油橄榄）",
      "Other vegetables, prepared or preserved (table olives)"}},
    {"2008",
     {"Başka şekilde hazırlanmış meyve ve sert kabuklu meyveler",
      "用其他方法制作或保藏的水果及坚果", "Fruit and nuts otherwise prepared or preserved"}},
    {"2009", {"Meyve ve sebze suları", "果汁及蔬菜汁", "Fruit and vegetable juices"}},
    {"2515",
     {"Mermer, traverten ve diğer kalker yapı taşları", "大理石、石灰华及其他石灰质碑用或建筑用石",
      "Marble, travertine and other calcareous building stone"}},
    {"3301", {"Uçucu yağlar", "精油", "Essential oils"}},
    {"3401", {"Sabun", "肥皂", "Soap"}},
    {"5208", {"Pamuklu dokunmuş mensucat", "棉机织物", "Woven fabrics of cotton"}},
    {"6109",
     {"Tişört, fanila ve atletler (örme)", "针织T恤衫、汗衫及背心",
      "T-shirts, singlets and vests, knitted"}},
    {"6302",
     {"Yatak, masa, tuvalet ve mutfak örtüleri (havlu dahil)",
      "床上、餐桌、盥洗及厨房用织物（含毛巾）",
      "Bed, table, toilet and kitchen linen (towels included)"}},
    {"6802",
     {"İşlenmiş anıt ve yapı taşları (mermer plakalar)", "已加工的碑石或建筑用石（大理石板）",
      "Worked monumental or building stone (marble slabs)"}},
    {"6907",
     {"Seramik döşeme ve kaplama karoları", "陶瓷铺地砖及贴面砖",
      "Ceramic flags, paving and wall tiles"}},
    {"8422",
     {"Bulaşık yıkama, doldurma ve ambalajlama makineleri", "洗碟机、灌装及包装机械",
      "Dish-washing, filling and packing machinery"}},
    {"8438",
     {"Gıda ve içecek sanayii makineleri", "食品及饮料工业用机器",
      "Machinery for the industrial preparation of food and drink"}},
    {"8481", {"Musluklar, vanalar ve valfler", "龙头、旋塞及阀门", "Taps, cocks and valves"}},
    {"9403", {"Diğer mobilyalar", "其他家具", "Other furniture"}},
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view HsName::In(std::string_view lang) const {
  if (lang == "tr") return tr;
  if (lang == "zh") return zh;
  return en;
}

std::optional<std::string> NormalizeTariffCode(std::string_view text, unsigned digits) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsDigit(c)) {
      out += c;
      continue;
    }
    // One separator, between digits, after the 4th, 6th, 8th or 10th digit.
    const bool separator = c == '.' || c == ' ';
    const size_t count = out.size();
    if (!separator || count < 4 || count % 2 != 0 || i + 1 >= text.size() ||
        !IsDigit(text[i + 1])) {
      return std::nullopt;
    }
  }
  if (out.size() != digits) return std::nullopt;
  return out;
}

std::span<const HsChapter> HsChapters() { return kChapters; }
std::span<const HsHeading> HsHeadings() { return kHeadings; }

const HsChapter* FindHsChapter(std::string_view code) {
  if (code.size() < 2) return nullptr;
  const std::string_view two = code.substr(0, 2);
  const auto found = std::find_if(std::begin(kChapters), std::end(kChapters),
                                  [&](const HsChapter& chapter) { return chapter.code == two; });
  if (found == std::end(kChapters) || found->reserved) return nullptr;
  return &*found;
}

const HsHeading* FindHsHeading(std::string_view code) {
  if (code.size() < 4) return nullptr;
  const std::string_view four = code.substr(0, 4);
  const auto found = std::find_if(std::begin(kHeadings), std::end(kHeadings),
                                  [&](const HsHeading& heading) { return heading.code == four; });
  return found == std::end(kHeadings) ? nullptr : &*found;
}

Problems CheckProductCodes(std::string_view hs_code, std::string_view hs_code_tr,
                           std::string_view hs_code_cn) {
  Problems problems;
  if (!hs_code.empty() && FindHsChapter(hs_code) == nullptr) {
    problems.push_back({"hs_code", "unknown_chapter",
                        "chapter " + std::string(hs_code.substr(0, 2)) +
                            " does not exist in the HS (01–97, 77 reserved)"});
  }
  const auto check_national = [&](std::string_view code, std::string_view field) {
    if (code.empty()) return;
    if (hs_code.empty() || code.substr(0, kHsDigits) != hs_code) {
      problems.push_back({std::string(field), "not_extension_of_hs_code",
                          "must start with the six digits of hs_code"});
    }
  };
  check_national(hs_code_tr, "hs_code_tr");
  check_national(hs_code_cn, "hs_code_cn");
  return problems;
}

}  // namespace amity::domain
