#include "domain/alerts.h"

#include <algorithm>
#include <chrono>

namespace amity::domain {
namespace {

// Three words per language, picked by AlertLanguage's result.
struct Words {
  std::string_view tr, zh, en;
  std::string_view In(std::string_view lang) const {
    return lang == "tr" ? tr : lang == "zh" ? zh : en;
  }
};

std::string KindName(std::string_view lang, std::string_view kind) {
  if (kind == "digest")
    return std::string(Words{"haftalık özet", "每周摘要", "weekly digest"}.In(lang));
  if (kind == "health") {
    return std::string(
        Words{"ortaklık sağlığı uyarıları", "伙伴关系健康提醒", "partnership health alerts"}.In(
            lang));
  }
  return std::string(Words{"etkinlik hatırlatmaları", "活动提醒", "event reminders"}.In(lang));
}

}  // namespace

bool IsAlertKind(std::string_view kind) {
  return std::find(std::begin(kAlertKinds), std::end(kAlertKinds), kind) != std::end(kAlertKinds);
}

std::string AlertLanguage(std::string_view setting) {
  return setting == "tr" || setting == "zh" ? std::string(setting) : "en";
}

std::string IsoWeek(Date day) {
  using namespace std::chrono;
  // The week's Thursday decides its year (ISO 8601).
  const weekday wd{day};
  const int from_monday = (wd.c_encoding() + 6) % 7;
  const Date thursday = day - days{from_monday} + days{3};
  const year_month_day ymd{thursday};
  const Date first_day{ymd.year() / January / 1};
  const int week = static_cast<int>((thursday - first_day).count() / 7) + 1;
  std::string text = std::to_string(static_cast<int>(ymd.year())) + "-W";
  if (week < 10) text += '0';
  return text + std::to_string(week);
}

bool InDigest(Date today, std::optional<Date> due, std::string_view status) {
  if (!due || status == "done" || status == "dropped") return false;
  return *due <= today + std::chrono::days{kDigestHorizonDays};
}

bool HealthAlertNeeded(const std::optional<std::string>& previous, std::string_view current) {
  if (current != "quiet" && current != "dormant") return false;
  return !previous || *previous != current;
}

bool ReceivesOfficerAlerts(Role role) { return role == Role::kOfficer || role == Role::kAdmin; }

bool EventReminderDue(Instant now, Instant starts_at, std::string_view status) {
  if (status != "planned" && status != "confirmed") return false;
  return starts_at > now && starts_at <= now + std::chrono::hours{kEventReminderHours};
}

AlertText DigestText(std::string_view lang, Date today, const std::vector<DigestLine>& lines) {
  const long long overdue = std::count_if(lines.begin(), lines.end(),
                                          [](const DigestLine& line) { return line.overdue; });
  const std::string late = std::to_string(overdue);
  const std::string soon = std::to_string(static_cast<long long>(lines.size()) - overdue);
  AlertText text;
  if (lang == "tr") {
    text.subject = "Haftalık özet: " + late + " gecikmiş, " + soon + " yaklaşan taahhüt";
    text.body = FormatDate(today) + " itibarıyla sorumlu olduğunuz taahhütler:\n\n";
  } else if (lang == "zh") {
    text.subject = "每周摘要：" + late + " 项逾期，" + soon + " 项即将到期";
    text.body = "截至 " + FormatDate(today) + "，您负责的承诺：\n\n";
  } else {
    text.subject = "Weekly digest: " + late + " overdue, " + soon + " due soon";
    text.body = "The commitments you own, as of " + FormatDate(today) + ":\n\n";
  }
  for (const DigestLine& line : lines) {
    const Words state =
        line.overdue ? Words{"gecikmiş", "逾期", "overdue"} : Words{"son tarih", "截止", "due"};
    text.body += "- " + std::string(state.In(lang)) + " " + FormatDate(line.due) + " · " +
                 line.text + " (" + line.partnership + ")\n";
  }
  return text;
}

AlertText HealthText(std::string_view lang, std::string_view partnership, std::string_view state,
                     int months) {
  const bool dormant = state == "dormant";
  const std::string p(partnership);
  const std::string n = std::to_string(months);
  if (lang == "tr") {
    return {(dormant ? "Ortaklık uykuda: " : "Ortaklık sessizleşti: ") + p,
            p + " ile " + n + " aydır kayıtlı bir temas yok. Bir toplantı, etkinlik ya da not " +
                "kaydedin ki ortaklık sessizce ölmesin.\n"};
  }
  if (lang == "zh") {
    return {(dormant ? "伙伴关系已休眠：" : "伙伴关系已沉寂：") + p,
            p + " 已有 " + n + " 个月没有联系记录。请记录一次会议、活动或进展说明。\n"};
  }
  return {(dormant ? "Partnership is dormant: " : "Partnership is quiet: ") + p,
          "No contact with " + p + " has been recorded for " + n +
              " months. Record a meeting, an event or a note so that it does not die quietly.\n"};
}

AlertText EventReminderText(std::string_view lang, std::string_view title,
                            std::string_view partnership, std::string_view starts_local) {
  const std::string t(title), p(partnership), when(starts_local);
  if (lang == "tr") {
    return {"Etkinlik yaklaşıyor: " + t, t + " (" + p + ") " + when + " tarihinde başlıyor.\n"};
  }
  if (lang == "zh") return {"活动即将开始：" + t, t + "（" + p + "）将于 " + when + " 开始。\n"};
  return {"Event coming up: " + t, t + " (" + p + ") starts " + when + ".\n"};
}

std::string MailFooter(std::string_view lang, std::string_view kind, std::string_view link,
                       std::string_view unsubscribe_link) {
  const std::string k = KindName(lang, kind), l(link), u(unsubscribe_link);
  if (lang == "tr") {
    return "\nAmity'de açın: " + l + "\n\n-- \nBu e-postaları (" + k +
           ") artık almamak için: " + u + "\n";
  }
  if (lang == "zh")
    return "\n在 Amity 中打开：" + l + "\n\n-- \n不再接收此类邮件（" + k + "）：" + u + "\n";
  return "\nOpen in Amity: " + l + "\n\n-- \nStop these e-mails (" + k + "): " + u + "\n";
}

UnsubscribeWords UnsubscribeText(std::string_view lang, std::string_view kind) {
  const std::string k = KindName(lang, kind);
  if (lang == "tr") {
    return {"E-posta aboneliği", "Artık " + k + " e-postaları almak istemiyor musunuz?",
            "Aboneliği bitir",
            k + " e-postaları artık gönderilmeyecek. Bildirimler Amity'de görünmeye devam eder."};
  }
  if (lang == "zh") {
    return {"邮件订阅", "不再接收" + k + "邮件？", "退订",
            "将不再发送" + k + "邮件。通知仍会显示在 Amity 中。"};
  }
  return {"E-mail subscription", "Stop receiving " + k + " e-mails?", "Unsubscribe",
          "You will no longer receive " + k + " e-mails. Notices still appear in Amity."};
}

}  // namespace amity::domain
