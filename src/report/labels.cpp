#include "report/labels.h"

#include <array>

namespace amity::report {
namespace {

struct Entry {
  std::string_view key;
  std::array<std::string_view, 3> words;  // tr, zh, en
};

constexpr Entry kLabels[] = {
    {"status.proposed", {"Önerildi", "已提出", "Proposed"}},
    {"status.agreed", {"Üzerinde anlaşıldı", "已商定", "Agreed"}},
    {"status.planned", {"Planlandı", "已计划", "Planned"}},
    {"status.in_progress", {"Sürüyor", "进行中", "In progress"}},
    {"status.done", {"Tamamlandı", "已完成", "Done"}},
    {"status.dropped", {"Vazgeçildi", "已放弃", "Dropped"}},
    {"milestone.council_decision",
     {"Belediye meclisi kararı", "市议会决议", "Municipal council decision"}},
    {"milestone.ministry_permission", {"Bakanlık izni", "部委批准", "Ministry permission"}},
    {"milestone.partner_approval", {"Kardeş şehir onayı", "对方批准", "Partner-side approval"}},
    {"milestone.letter_of_intent_signed",
     {"Niyet mektubu imzalandı", "签署意向书", "Letter of intent signed"}},
    {"milestone.agreement_signed", {"Protokol imzalandı", "签署协议", "Agreement signed"}},
    {"milestone.terminated", {"Sona erdirildi", "终止", "Terminated"}},
    {"tier.exploring", {"Ön görüşme", "初步接触", "Exploring"}},
    {"tier.letter_of_intent", {"Niyet mektubu", "意向书", "Letter of intent"}},
    {"tier.friendship", {"Dostluk şehri", "友好交流城市", "Friendship city"}},
    {"tier.sister_city", {"Kardeş şehir", "友好城市", "Sister city"}},
    {"event_kind.festival", {"Festival", "节庆", "Festival"}},
    {"event_kind.sports", {"Spor", "体育", "Sports"}},
    {"event_kind.concert", {"Konser", "音乐会", "Concert"}},
    {"event_kind.fair", {"Fuar", "博览会", "Fair"}},
    {"event_kind.exhibition", {"Sergi", "展览", "Exhibition"}},
    {"event_kind.conference", {"Konferans", "会议", "Conference"}},
    {"event_kind.study_visit", {"İnceleme ziyareti", "考察访问", "Study visit"}},
    {"event_kind.other", {"Diğer", "其他", "Other"}},
    {"meeting_kind.incoming_delegation", {"Gelen heyet", "来访代表团", "Incoming delegation"}},
    {"meeting_kind.outgoing_visit", {"Giden ziyaret", "出访", "Outgoing visit"}},
    {"meeting_kind.video_call", {"Görüntülü görüşme", "视频会议", "Video call"}},
    {"meeting_kind.conference", {"Konferans", "大会", "Conference"}},
    {"meeting_kind.other", {"Diğer", "其他", "Other"}},
    {"health.active", {"Etkin", "活跃", "Active"}},
    {"health.quiet", {"Sessiz", "沉寂", "Quiet"}},
    {"health.dormant", {"Uykuda", "休眠", "Dormant"}},
    {"health.at_risk", {"Risk altında", "有风险", "At risk"}},
    {"title", {"Yıllık meclis raporu", "年度议会报告", "Annual council report"}},
    {"all_partnerships", {"Tüm kardeş şehir ilişkileri", "全部友好城市关系", "All partnerships"}},
    {"contents", {"İçindekiler", "目录", "Contents"}},
    {"generated", {"Hazırlanma tarihi", "生成日期", "Prepared on"}},
    {"page", {"Sayfa", "页", "Page"}},
    {"section.legal",
     {"Yasal adımlar ve belgeleri", "法定程序及文件", "Legal steps and their documents"}},
    {"section.figures", {"Rakamlar ve ilişkinin durumu", "数据与关系状态", "Figures and health"}},
    {"section.programmes",
     {"Öğrenci değişimi ve ticaret", "学生交流与贸易促进", "Student exchange and trade"}},
    {"programme.exchange",
     {"Öğrenci değişimi, {year} akademik yılı", "学生交流，{year} 学年",
      "Student exchange, academic year {year}"}},
    {"programme.agreements",
     {"onaylı {n} anlaşma", "已批准协议 {n} 项", "{n} approved agreements"}},
    {"programme.exchangeColumns",
     {"Kontenjan / başvuru / yerleştirilen / kabul edilen / reddedilen",
      "名额 / 申请 / 录取 / 接受 / 拒绝",
      "Seats / applications / allocated / accepted / declined"}},
    {"direction.home_to_partner", {"Bizden ortak şehre", "本市 → 友好城市", "Home → partner"}},
    {"direction.partner_to_home", {"Ortak şehirden bize", "友好城市 → 本市", "Partner → home"}},
    {"programme.trade",
     {"Ticaret: fuarlar ve iş bağlantıları (bugüne dek)", "贸易：展会与商机（迄今）",
      "Trade: fairs and leads (to date)"}},
    {"programme.exhibitors", {"Fuardaki firma", "参展企业", "Exhibitors"}},
    {"programme.meetings", {"Planlanan B2B görüşme", "已安排的B2B洽谈", "B2B meetings scheduled"}},
    {"programme.leads", {"İş bağlantısı", "商机", "Leads"}},
    {"programme.deals",
     {"Kazanılan anlaşmalar (para birimine göre)", "成交金额（按币种）",
      "Deals won (by currency)"}},
    {"section.charts",
     {"Yıllara göre etkinlik ve alanlara göre gerçekleşme", "历年活动与各领域落实情况",
      "Activity per year and follow-through by area"}},
    {"section.narrative", {"Değerlendirme", "工作总结", "Narrative"}},
    {"section.agreed", {"Üzerinde anlaşılanlar", "商定事项", "What was agreed"}},
    {"section.done",
     {"Yapılanlar ve kanıtları", "已完成事项及证明", "What was done and its evidence"}},
    {"section.events",
     {"Yapılan etkinlikler ve görüşmeler", "已举办的活动与会晤", "Events held and meetings"}},
    {"section.overdue", {"Gecikenler ve nedenleri", "逾期事项及原因", "What is overdue and why"}},
    {"figure.meetings", {"Görüşme", "会晤", "Meetings"}},
    {"figure.events_held", {"Yapılan etkinlik", "已举办活动", "Events held"}},
    {"figure.made", {"Verilen taahhüt", "新增承诺", "Commitments made"}},
    {"figure.done", {"Tamamlanan", "已完成", "Done"}},
    {"figure.done_with_evidence", {"Kanıtıyla tamamlanan", "有证明的完成", "Done with evidence"}},
    {"figure.dropped", {"Vazgeçilen", "已放弃", "Dropped"}},
    {"figure.overdue", {"Geciken", "逾期", "Overdue"}},
    {"figure.cases_shared",
     {"Ortakla paylaşılan vaka", "与伙伴城市共享的案例", "Cases shared with the partner"}},
    {"figure.follow_through", {"Gerçekleşme oranı", "落实率", "Follow-through"}},
    {"chart.activity", {"Yıllara göre etkinlik", "历年活动", "Activity per year"}},
    {"chart.by_area", {"Alanlara göre gerçekleşme", "各领域落实率", "Follow-through by area"}},
    {"step.required", {"zorunlu", "必需", "required"}},
    {"step.missing", {"kaydedilmedi", "未记录", "not recorded"}},
    {"documents", {"Belgeler", "文件", "Documents"}},
    {"none", {"Yok.", "无。", "None."}},
    {"due", {"son tarih", "截止", "due"}},
    {"done_on", {"tamamlanma", "完成于", "done"}},
    {"evidence", {"Kanıt", "证明", "Evidence"}},
    {"evidence.files", {"dosya", "个文件", "files"}},
    {"evidence.links", {"bağlantı", "个链接", "links"}},
    {"evidence.events", {"yapılan etkinlik", "场已举办活动", "events held"}},
    {"evidence.none", {"kanıt yok", "无证明", "no evidence"}},
    {"why", {"Neden", "原因", "Why"}},
    {"why.none", {"neden kaydedilmemiş", "未记录原因", "no reason recorded"}},
    {"days_late", {"gün gecikme", "天逾期", "days late"}},
    {"narrative.none",
     {"Bu yıl için değerlendirme yazılmadı.", "本年度尚未撰写工作总结。",
      "No narrative was written for this year."}},
    {"health.title", {"Durum", "状态", "Health"}},
    {"health.reason.recent_contact", {"yakın zamanda temas var", "近期有联系", "recent contact"}},
    {"health.reason.no_contact",
     {"{n} aydır temas yok", "已 {n} 个月没有联系", "no contact for {n} months"}},
    {"health.reason.never_contacted",
     {"kaydedildiğinden beri {n} aydır temas kaydı yok", "登记 {n} 个月以来没有联系记录",
      "no contact recorded in the {n} months since it was registered"}},
    {"health.reason.overdue",
     {"{open} açık taahhüdün {overdue} tanesi gecikmiş", "{open} 项未完成承诺中有 {overdue} 项逾期",
      "{overdue} of {open} open commitments overdue"}},
    {"cut_off", {"Kesim tarihi", "截止日期", "Counted up to"}},
    {"since", {"Kayıt", "登记", "Registered"}},
};

}  // namespace

std::string_view Label(std::string_view key, std::string_view lang) {
  const size_t column = lang == "tr" ? 0 : lang == "zh" ? 1 : 2;
  for (const Entry& entry : kLabels) {
    if (entry.key == key) return entry.words[column];
  }
  return key;
}

std::string Fill(std::string_view text, std::string_view name, std::string_view value) {
  const std::string placeholder = "{" + std::string(name) + "}";
  std::string out(text);
  for (size_t at = out.find(placeholder); at != std::string::npos;
       at = out.find(placeholder, at + value.size())) {
    out.replace(at, placeholder.size(), value);
  }
  return out;
}

}  // namespace amity::report
