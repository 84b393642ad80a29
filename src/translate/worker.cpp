#include "translate/worker.h"

#include <boost/json.hpp>
#include <cstdio>

#include "base/text.h"
#include "base/time.h"
#include "domain/glossary.h"
#include "domain/resources.h"
#include "store/db.h"
#include "store/records.h"
#include "store/translation_queue.h"

namespace amity::translate {
namespace json = boost::json;

namespace {

// Texts translated per language in one pass; the rest wait for the next pass.
constexpr int kBatch = 20;
constexpr auto kRetryDelay = std::chrono::minutes(1);

// The glossary terms as (source, target) pairs for one language pair.
std::vector<domain::GlossaryTerm> TermsFor(const json::array& glossary, std::string_view source,
                                           std::string_view target) {
  std::vector<domain::GlossaryTerm> terms;
  for (const json::value& entry : glossary) {
    const json::value* term = entry.as_object().if_contains("term");
    if (term == nullptr || !term->is_object()) continue;
    terms.push_back({store::StringMember(term->as_object(), source),
                     store::StringMember(term->as_object(), target)});
  }
  return terms;
}

void LogFailure(LogFormat format, std::string_view id, std::string_view lang,
                std::string_view error) {
  LogLine(format, "warn", "machine translation failed")
      .Add("record_id", id)
      .Add("lang", lang)
      .Add("error", error)
      .Write(stderr);
}

}  // namespace

Worker::Worker(std::string db_path, std::string instance_id, std::unique_ptr<Translator> translator,
               LogFormat log_format, std::chrono::milliseconds interval)
    : db_path_(std::move(db_path)),
      instance_id_(std::move(instance_id)),
      translator_(std::move(translator)),
      log_format_(log_format),
      loop_([this] { RunOnce(); },
            [this](const std::exception& failure) {
              LogFailure(log_format_, "", "", failure.what());
            },
            interval) {}

Worker::~Worker() { Stop(); }

void Worker::Start() { loop_.Start(); }

void Worker::Stop() { loop_.Stop(); }

int Worker::RunOnce() {
  store::Db db(db_path_);
  store::Page glossary =
      store::ListRecords(db, domain::Glossary(), store::ListQuery{.limit = 1000});
  int translated = 0;
  int failed = 0;
  const auto now = std::chrono::steady_clock::now();
  for (std::string_view lang : kLanguages) {
    store::Page queue = store::ListTranslationQueue(
        db,
        store::TranslationQuery{.lang = std::string(lang), .state = "missing", .limit = kBatch});
    for (const json::value& entry : queue.items) {
      const json::object& item = entry.as_object();
      const std::string id = store::StringMember(item, "id"),
                        field = store::StringMember(item, "field");
      const std::string key = id + "/" + field + "/" + std::string(lang);
      if (auto retry = retry_after_.find(key); retry != retry_after_.end() && now < retry->second) {
        continue;
      }
      const json::object& text = item.at("text").as_object();
      const std::string original = store::StringMember(text, "original");
      const std::string source_text = store::StringMember(text, original);
      const domain::ProtectedText protected_text =
          domain::ProtectTerms(source_text, TermsFor(glossary.items, original, lang));
      std::string error;
      const auto result = translator_->Translate(protected_text.text, original, lang, error);
      if (result && !domain::AllPlaceholdersKept(*result, protected_text)) {
        error = "the translator dropped a protected glossary term";
      }
      if (!result || !error.empty()) {
        LogFailure(log_format_, id, lang, error);
        ++failed;
        retry_after_[key] = now + kRetryDelay;
        continue;
      }
      retry_after_.erase(key);

      const domain::ResourceSpec* spec = domain::FindResource(store::StringMember(item, "kind"));
      store::Tx tx(db);
      const auto current = store::GetRecord(db, *spec, id);
      if (!current || current->at("archived").as_bool()) continue;
      const json::value& stored = current->at(field);
      // Someone edited the text meanwhile: leave it for the next pass.
      if (!stored.is_object() || store::StringMember(stored.as_object(), "original") != original ||
          store::StringMember(stored.as_object(), original) != source_text ||
          stored.as_object().contains(lang)) {
        continue;
      }
      json::object updated = stored.as_object();
      updated[lang] = domain::RestoreTerms(*result, protected_text);
      if (!updated.contains("translations")) updated["translations"] = json::object();
      updated["translations"].as_object()[lang] = {{"by", "machine"}, {"reviewed", false}};
      store::UpdateRecord(db, *spec, *current, json::object{{field, std::move(updated)}},
                          store::WriteContext{"machine-translation", Now(), instance_id_});
      tx.Commit();
      ++translated;
    }
  }
  // One line per pass that did something (the idle passes every few seconds would drown the log).
  if (translated > 0 || failed > 0) {
    LogLine(log_format_, failed > 0 ? "warn" : "info", "job")
        .Add("job", "machine translation")
        .Add("translated", static_cast<long long>(translated))
        .Add("failed", static_cast<long long>(failed))
        .Add("ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - now)
                       .count())
        .Write(stderr);
  }
  return translated;
}

}  // namespace amity::translate
