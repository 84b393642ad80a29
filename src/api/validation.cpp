#include "api/validation.h"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <cmath>
#include <set>
#include <unordered_set>

#include "base/id.h"
#include "base/text.h"
#include "base/time.h"
#include "domain/hs_code.h"

namespace amity::api {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;

namespace {

// Longest value of one language in a translatable text (minutes can be long).
constexpr size_t kMaxTextCharacters = 100000;

size_t CountCharacters(std::string_view utf8) {
  // Counts code points: every byte that is not a UTF-8 continuation byte starts one.
  return std::count_if(utf8.begin(), utf8.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::string TypeName(FieldType type) {
  switch (type) {
    case FieldType::kText:
    case FieldType::kObject:
      return "an object";
    case FieldType::kNumber:
      return "a number";
    case FieldType::kEnumList:
    case FieldType::kReferenceList:
    case FieldType::kLanguageList:
    case FieldType::kObjectList:
    case FieldType::kStringList:
    case FieldType::kCountryList:
      return "an array";
    default:
      return "a string";
  }
}

std::string Choices(std::span<const std::string_view> values) {
  std::string text;
  for (std::string_view value : values) {
    if (!text.empty()) text += ", ";
    text += value;
  }
  return text;
}

class Validator {
 public:
  Validated result;

  // Validates one value of `field` at `path`; returns the normalized value or nullopt.
  std::optional<json::value> Value(const FieldSpec& field, const json::value& value,
                                   const std::string& path) {
    switch (field.type) {
      case FieldType::kString: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        const std::string_view text = value.as_string();
        if (CountCharacters(text) > field.max_length) {
          Add(path, "too_long", "at most " + std::to_string(field.max_length) + " characters");
          return std::nullopt;
        }
        if (field.required && IsBlank(text)) {
          Add(path, "required", "must not be blank");
          return std::nullopt;
        }
        if (!CheckControlCharacters(text, path)) return std::nullopt;
        return value;
      }
      case FieldType::kUrl: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        const std::string_view url = value.as_string();
        if (CountCharacters(url) > field.max_length) {
          Add(path, "too_long", "at most " + std::to_string(field.max_length) + " characters");
          return std::nullopt;
        }
        if (!CheckControlCharacters(url, path)) return std::nullopt;
        if (!domain::IsWebUrl(url)) {
          Add(path, "invalid_url",
              "expected an http:// or https:// address, e.g. https://izmir.bel.tr/…");
          return std::nullopt;
        }
        return value;
      }
      case FieldType::kText:
        return Text(field, value, path);
      case FieldType::kEnum: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        if (std::find(field.values.begin(), field.values.end(),
                      std::string_view(value.as_string())) == field.values.end()) {
          Add(path, "invalid_enum",
              "'" + std::string(value.as_string()) + "' is not one of: " + Choices(field.values));
          return std::nullopt;
        }
        return value;
      }
      case FieldType::kDate: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        const auto date = ParseDate(value.as_string());
        if (!date) {
          Add(path, "invalid_date", "expected a date YYYY-MM-DD");
          return std::nullopt;
        }
        if (!InSupportedRange(*date)) {
          AddOutOfRangeDate(path);
          return std::nullopt;
        }
        return value;
      }
      case FieldType::kInstant: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        const auto instant = ParseInstant(value.as_string());
        if (!instant) {
          Add(path, "invalid_instant",
              "expected an RFC 3339 instant with offset, e.g. 2027-01-05T10:00:00+08:00");
          return std::nullopt;
        }
        if (!InSupportedRange(*instant)) {
          AddOutOfRangeDate(path);
          return std::nullopt;
        }
        return json::string(FormatInstant(*instant));
      }
      case FieldType::kTimeZone: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        if (!IsTimeZone(value.as_string())) {
          Add(path, "invalid_time_zone",
              "'" + std::string(value.as_string()) +
                  "' is not an IANA time zone, e.g. Europe/Istanbul or Asia/Shanghai");
          return std::nullopt;
        }
        return value;
      }
      case FieldType::kCountry: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        if (!IsCountryCode(value.as_string())) {
          Add(path, "invalid_country",
              "expected an ISO 3166-1 alpha-2 code in capitals, e.g. TR or CN");
          return std::nullopt;
        }
        return value;
      }
      case FieldType::kNumber: {
        if (!ExpectKind(value.is_number(), field, path)) return std::nullopt;
        const double number = value.to_number<double>();
        if (!std::isfinite(number) || number < field.minimum || number > field.maximum) {
          Add(path, "out_of_range",
              "must be between " + json::serialize(json::value(field.minimum)) + " and " +
                  json::serialize(json::value(field.maximum)));
          return std::nullopt;
        }
        return json::value(number);
      }
      case FieldType::kReference: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        if (!IsUuid(value.as_string())) {
          Add(path, "invalid_id",
              "expected the id (UUID) of a " + std::string(field.references) + " record");
          return std::nullopt;
        }
        result.references.push_back({path, field.references, std::string(value.as_string())});
        return value;
      }
      case FieldType::kEnumList:
      case FieldType::kReferenceList:
      case FieldType::kLanguageList:
      case FieldType::kObjectList:
      case FieldType::kStringList:
      case FieldType::kCountryList:
        return List(field, value, path);
      case FieldType::kTariffCode: {
        if (!ExpectKind(value.is_string(), field, path)) return std::nullopt;
        const auto code = domain::NormalizeTariffCode(value.as_string(), field.max_length);
        if (!code) {
          Add(path, "invalid_hs_code",
              "expected " + std::to_string(field.max_length) +
                  " digits, optionally with a dot or space after the 4th, 6th, 8th or 10th "
                  "digit, e.g. 0804.20");
          return std::nullopt;
        }
        return json::string(*code);
      }
      case FieldType::kObject:
        return Object(field.members, value, path, TypeName(field.type));
    }
    return std::nullopt;
  }

  // Validates `input`'s members against `members`; unknown members are shape errors.
  std::optional<json::value> Object(std::span<const FieldSpec> members, const json::value& value,
                                    const std::string& path, const std::string& type_name) {
    if (!value.is_object()) {
      Add(path, "wrong_type", "expected " + type_name);
      return std::nullopt;
    }
    const json::object& input = value.as_object();
    json::object out;
    bool ok = true;
    for (const json::key_value_pair& entry : input) {
      const auto member = std::find_if(members.begin(), members.end(),
                                       [&](const FieldSpec& m) { return m.name == entry.key(); });
      if (member == members.end()) {
        Add(Join(path, entry.key()), "unknown_field", "unknown field");
        ok = false;
      }
    }
    for (const FieldSpec& member : members) {
      const json::value* given = input.if_contains(member.name);
      const std::string member_path = Join(path, member.name);
      if (given == nullptr || given->is_null()) {
        if (member.required) {
          Add(member_path, "required", "is required");
          ok = false;
        }
        continue;
      }
      auto normalized = Value(member, *given, member_path);
      if (!normalized) {
        ok = false;
        continue;
      }
      out.emplace(member.name, std::move(*normalized));
    }
    if (!ok) return std::nullopt;
    return out;
  }

  void Add(std::string field, std::string code, std::string message) {
    result.problems.push_back({std::move(field), std::move(code), std::move(message)});
  }

  // False (with a problem) when `text` holds a control character people do not write.
  bool CheckControlCharacters(std::string_view text, const std::string& path) {
    if (auto problem = ControlCharacterProblem(path, text)) {
      result.problems.push_back(std::move(*problem));
      return false;
    }
    return true;
  }

  void AddOutOfRangeDate(const std::string& path) { Add(path, "out_of_range", DateRangeMessage()); }

  static std::string Join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

 private:
  bool ExpectKind(bool ok, const FieldSpec& field, const std::string& path) {
    if (!ok) Add(path, "wrong_type", "expected " + TypeName(field.type));
    return ok;
  }

  std::optional<json::value> Text(const FieldSpec& field, const json::value& value,
                                  const std::string& path) {
    if (!value.is_object()) {
      Add(path, "wrong_type",
          "expected a translatable text such as {\"original\": \"tr\", \"tr\": \"…\"}");
      return std::nullopt;
    }
    const json::object& input = value.as_object();
    json::object out;
    bool ok = true;
    std::string first_language;
    for (const auto& [key, text] : input) {
      if (key == "original" || key == "translations") continue;
      if (!IsLanguage(key)) {
        Add(Join(path, key), "unknown_language", "languages are tr, zh and en");
        ok = false;
      } else if (text.is_null()) {
        continue;
      } else if (!text.is_string()) {
        Add(Join(path, key), "wrong_type", "expected a string");
        ok = false;
      } else if (CountCharacters(text.as_string()) > kMaxTextCharacters) {
        Add(Join(path, key), "too_long",
            "at most " + std::to_string(kMaxTextCharacters) + " characters");
        ok = false;
      } else if (!CheckControlCharacters(text.as_string(), Join(path, key))) {
        ok = false;
      } else if (!IsBlank(text.as_string())) {
        if (first_language.empty()) first_language = key;
      }
    }
    if (!ok) return std::nullopt;
    if (first_language.empty()) {
      Add(path, "required", "needs a value in at least one language (tr, zh or en)");
      return std::nullopt;
    }
    std::string original;
    if (const json::value* given = input.if_contains("original")) {
      if (!given->is_string()) {
        Add(Join(path, "original"), "wrong_type", "expected a language code: tr, zh or en");
        return std::nullopt;
      }
      original = given->as_string();
      const json::value* written = input.if_contains(original);
      if (!IsLanguage(original) || written == nullptr || !written->is_string() ||
          IsBlank(written->as_string())) {
        Add(Join(path, "original"), "invalid_original",
            "must name a language that has a value (tr, zh or en)");
        return std::nullopt;
      }
    } else {
      original = first_language;
    }
    out.emplace("original", original);
    for (std::string_view language : kLanguages) {
      const json::value* text = input.if_contains(language);
      if (text != nullptr && text->is_string() && !IsBlank(text->as_string())) {
        out.emplace(language, *text);
      }
    }
    if (const json::value* given = input.if_contains("translations"); given && !given->is_null()) {
      auto translations = Translations(*given, out, Join(path, "translations"));
      if (!translations) return std::nullopt;
      out.emplace("translations", std::move(*translations));
    }
    return out;
  }

  // {"zh": {"by": "machine", "reviewed": true}, …}: the status of translated values.
  std::optional<json::value> Translations(const json::value& value, const json::object& text,
                                          const std::string& path) {
    if (!value.is_object()) {
      Add(path, "wrong_type",
          "expected an object such as {\"zh\": {\"by\": \"human\", \"reviewed\": true}}");
      return std::nullopt;
    }
    json::object out;
    bool ok = true;
    for (const auto& [language, status] : value.as_object()) {
      const std::string status_path = Join(path, language);
      if (!IsLanguage(language) || !text.contains(language) ||
          text.at("original").as_string() == language) {
        Add(status_path, "invalid_language", "only a translated language that has a value");
        ok = false;
        continue;
      }
      if (!status.is_object()) {
        Add(status_path, "wrong_type",
            "expected {\"by\": \"human\"|\"machine\", \"reviewed\": true|false}");
        ok = false;
        continue;
      }
      json::object entry;
      for (const auto& [key, member] : status.as_object()) {
        if (key == "by") {
          if (!member.is_string() ||
              (member.as_string() != "human" && member.as_string() != "machine")) {
            Add(Join(status_path, "by"), "invalid_enum", "human or machine");
            ok = false;
          } else {
            entry["by"] = member;
          }
        } else if (key == "reviewed") {
          if (!member.is_bool()) {
            Add(Join(status_path, "reviewed"), "wrong_type", "expected true or false");
            ok = false;
          } else {
            entry["reviewed"] = member;
          }
        } else {
          Add(Join(status_path, key), "unknown_field", "unknown field");
          ok = false;
        }
      }
      out.emplace(language, std::move(entry));
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<json::value> List(const FieldSpec& field, const json::value& value,
                                  const std::string& path) {
    if (!ExpectKind(value.is_array(), field, path)) return std::nullopt;
    const json::array& input = value.as_array();
    if (input.size() > field.max_length) {
      Add(path, "too_many", "at most " + std::to_string(field.max_length) + " entries");
      return std::nullopt;
    }
    json::array out;
    bool ok = true;
    std::set<std::string> seen;
    for (size_t i = 0; i < input.size(); ++i) {
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      const json::value& item = input[i];
      std::optional<json::value> normalized;
      std::string key;
      switch (field.type) {
        case FieldType::kEnumList: {
          FieldSpec element = field;
          element.type = FieldType::kEnum;
          normalized = Value(element, item, item_path);
          if (normalized) key = normalized->as_string();
          break;
        }
        case FieldType::kReferenceList: {
          FieldSpec element = field;
          element.type = FieldType::kReference;
          normalized = Value(element, item, item_path);
          if (normalized) key = normalized->as_string();
          break;
        }
        case FieldType::kLanguageList: {
          if (!item.is_string() || item.as_string().size() != 2 ||
              !std::all_of(item.as_string().begin(), item.as_string().end(),
                           [](char c) { return c >= 'a' && c <= 'z'; })) {
            Add(item_path, "invalid_language", "expected an ISO 639-1 code such as tr, zh or en");
          } else {
            normalized = item;
            key = item.as_string();
          }
          break;
        }
        case FieldType::kCountryList: {
          FieldSpec element = field;
          element.type = FieldType::kCountry;
          normalized = Value(element, item, item_path);
          if (normalized) key = normalized->as_string();
          break;
        }
        case FieldType::kStringList: {
          FieldSpec element{.name = field.name,
                            .type = FieldType::kString,
                            .required = true,  // no blank entry
                            .max_length = domain::kMaxListStringCharacters};
          normalized = Value(element, item, item_path);
          if (normalized && normalized->as_string().find(',') != json::string::npos) {
            Add(item_path, "comma", "may not contain a comma (lists are filtered by a,b)");
            normalized.reset();
          }
          if (normalized) key = normalized->as_string();
          break;
        }
        default: {  // kObjectList
          normalized = Object(field.members, item, item_path, "an object");
          if (normalized) {
            for (const FieldSpec& member : field.members) {
              if (!member.unique_in_list) continue;
              if (const json::value* unique = normalized->as_object().if_contains(member.name)) {
                key = json::serialize(*unique);
              }
            }
          }
          break;
        }
      }
      if (!normalized) {
        ok = false;
        continue;
      }
      if (!key.empty() && !seen.insert(key).second) {
        Add(item_path, "duplicate", key + " appears more than once");
        ok = false;
        continue;
      }
      out.push_back(std::move(*normalized));
    }
    if (!ok) return std::nullopt;
    return out;
  }
};

}  // namespace

namespace {

// The handler json::parse uses (building the value on a json::value_stack), which also stops at
// the first key written twice in one object, where json::parse keeps the last value silently:
// {"due_date": "2027-01-01", …, "due_date": null} would save what a reviewer of the body missed.
class StrictHandler {
 public:
  static constexpr size_t max_object_size = json::object::max_size();
  static constexpr size_t max_array_size = json::array::max_size();
  static constexpr size_t max_key_size = json::string::max_size();
  static constexpr size_t max_string_size = json::string::max_size();
  using error_code = boost::system::error_code;

  StrictHandler(unsigned char* buffer, size_t size) : stack(json::storage_ptr(), buffer, size) {
    stack.reset();
  }

  json::value_stack stack;
  std::string duplicate;  // the path of the key written twice ("title.en"), once found

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) {
    Enter(true);
    return true;
  }
  bool on_object_end(size_t n, error_code&) {
    --depth_;
    stack.push_object(n);
    return Done();
  }
  bool on_array_begin(error_code&) {
    Enter(false);
    return true;
  }
  bool on_array_end(size_t n, error_code&) {
    --depth_;
    stack.push_array(n);
    return Done();
  }
  bool on_key_part(json::string_view s, size_t, error_code&) {
    key_.append(s.data(), s.size());
    stack.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, size_t, error_code& ec) {
    key_.append(s.data(), s.size());
    Frame& frame = frames_[depth_ - 1];
    frame.key = key_;
    if (!frame.keys.insert(std::move(key_)).second) {
      duplicate = Path();
      ec = json::error::syntax;  // stops the parser; `duplicate` says why
      return false;
    }
    key_.clear();
    stack.push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, size_t, error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, size_t, error_code&) {
    stack.push_string(s);
    return Done();
  }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, error_code&) {
    stack.push_int64(i);
    return Done();
  }
  bool on_uint64(std::uint64_t u, json::string_view, error_code&) {
    stack.push_uint64(u);
    return Done();
  }
  bool on_double(double d, json::string_view, error_code&) {
    stack.push_double(d);
    return Done();
  }
  bool on_bool(bool b, error_code&) {
    stack.push_bool(b);
    return Done();
  }
  bool on_null(error_code&) {
    stack.push_null();
    return Done();
  }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

 private:
  // An object or array being read; frames deeper than the current depth are kept for reuse.
  struct Frame {
    bool object = false;
    size_t index = 0;  // of the array element being read
    std::string key;   // of the object member being read
    std::unordered_set<std::string> keys;
  };

  void Enter(bool object) {
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    frame.object = object;
    frame.index = 0;
    frame.keys.clear();
  }

  // A value is complete: the next one in an array has the next index.
  bool Done() {
    if (depth_ > 0 && !frames_[depth_ - 1].object) ++frames_[depth_ - 1].index;
    return true;
  }

  // "participants[1].role", as the validator names fields.
  std::string Path() const {
    std::string path;
    for (size_t i = 0; i < depth_; ++i) {
      const Frame& frame = frames_[i];
      if (!frame.object) {
        path += "[" + std::to_string(frame.index) + "]";
      } else {
        if (!path.empty()) path += ".";
        path += frame.key;
      }
    }
    return path;
  }

  std::vector<Frame> frames_;
  size_t depth_ = 0;
  std::string key_;  // the key being read, when it comes in parts
};

}  // namespace

std::optional<Problem> ControlCharacterProblem(const std::string& field, std::string_view text) {
  const auto found = ForbiddenControlCharacter(text);
  if (!found) return std::nullopt;
  return Problem{field, "control_character",
                 "contains the control character " + CodePointName(*found) +
                     "; text may hold tabs and line breaks but no other control characters"};
}

std::string DateRangeMessage() {
  return "must lie between " + std::string(kEarliestDate) + " and " + std::string(kLatestDate);
}

Problems ParseObject(std::string_view body, json::object& out) {
  unsigned char buffer[BOOST_JSON_STACK_BUFFER_SIZE];
  json::basic_parser<StrictHandler> parser(json::parse_options(), buffer, sizeof buffer);
  boost::system::error_code error;
  const size_t used = parser.write_some(false, body.data(), body.size(), error);
  if (!parser.handler().duplicate.empty()) {
    return {{parser.handler().duplicate, "duplicate_key",
             "appears more than once in the same object; send each key once"}};
  }
  if (!error && used < body.size()) error = json::error::extra_data;
  if (error) {
    return {{"", "malformed_json", "the body is not valid JSON (UTF-8): " + error.message()}};
  }
  json::value parsed = parser.handler().stack.release();
  if (!parsed.is_object()) return {{"", "not_object", "the body must be a JSON object"}};
  out = std::move(parsed.as_object());
  return {};
}

Validated ValidateFields(const domain::ResourceSpec& spec, const json::object& input, Mode mode) {
  Validator validator;
  for (const auto& [key, value] : input) {
    const FieldSpec* field = spec.Field(key);
    if (field == nullptr) {
      static constexpr std::string_view kServerFields[] = {
          "id", "version", "created_at", "updated_at", "instance_id", "archived"};
      const bool server_owned = std::find(std::begin(kServerFields), std::end(kServerFields),
                                          key) != std::end(kServerFields);
      validator.Add(std::string(key), server_owned ? "read_only" : "unknown_field",
                    server_owned ? "is set by the server" : "unknown field");
    } else if (!field->writable) {
      validator.Add(std::string(key), "read_only",
                    field->description.empty()
                        ? "is set by the server"
                        : "is read-only: " + std::string(field->description));
    }
  }
  for (const FieldSpec& field : spec.fields) {
    if (!field.writable) continue;
    const json::value* given = input.if_contains(field.name);
    if (given == nullptr) {
      if (mode == Mode::kCreate && field.required) {
        validator.Add(std::string(field.name), "required", "is required");
      }
      continue;
    }
    if (given->is_null()) {
      if (field.required) {
        validator.Add(std::string(field.name), "required", "is required and cannot be cleared");
      } else if (mode == Mode::kPatch) {
        validator.result.fields.emplace(field.name, nullptr);
      }
      continue;
    }
    auto normalized = validator.Value(field, *given, std::string(field.name));
    if (normalized) validator.result.fields.emplace(field.name, std::move(*normalized));
  }
  return std::move(validator.result);
}

int StatusFor(const Problems& problems) {
  for (const Problem& problem : problems) {
    if (problem.code == "malformed_json" || problem.code == "not_object" ||
        problem.code == "unknown_field" || problem.code == "read_only" ||
        problem.code == "wrong_type" || problem.code == "duplicate_key") {
      return 400;
    }
  }
  return 422;
}

}  // namespace amity::api
