#include "previews/document_text.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unistd.h>

#include <memory>
#include <regex>

namespace amity::previews {
namespace {

// The most XML read from one archive (decompressed): a document whose markup is this large holds
// more text than the cap anyway, and a zip bomb stops here.
constexpr long long kMaxXmlBytes = 256LL << 20;

bool IsPdf(std::string_view type) { return type == "application/pdf"; }
bool IsPlainText(std::string_view type) { return type == "text/plain" || type == "text/csv"; }
bool IsOfficeZip(std::string_view type) {
  return type.starts_with("application/vnd.openxmlformats-officedocument.") ||
         type.starts_with("application/vnd.oasis.opendocument.");
}

// Appends to `out` until it holds `max` bytes; then Full() is true.
class TextSink {
 public:
  explicit TextSink(size_t max) : max_(max) {}
  void Append(std::string_view text) {
    if (!Full()) out_.append(text.substr(0, max_ + 4 - out_.size()));
  }
  // One line break between paragraphs, none at the start and none twice.
  void EndParagraph() {
    if (!out_.empty() && out_.back() != '\n') Append("\n");
  }
  void Space() {
    if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') Append(" ");
  }
  // Room for one more character beyond the cap, so that ValidUtf8Prefix knows where to cut.
  bool Full() const { return out_.size() >= max_ + 4; }
  std::string Take() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
    return ValidUtf8Prefix(out_, max_);
  }

 private:
  size_t max_;
  std::string out_;
};

std::optional<std::string> PdfText(const std::string& path, size_t max_bytes) {
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document || document->is_locked()) return std::nullopt;
  TextSink sink(max_bytes);
  for (int i = 0; i < document->pages() && !sink.Full(); ++i) {
    // One page at a time: poppler lays out a page's text and it is dropped before the next.
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    sink.Append(std::string_view(utf8.data(), utf8.size()));
    sink.EndParagraph();
  }
  return sink.Take();
}

std::optional<std::string> PlainText(const std::string& path, size_t max_bytes) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes(max_bytes + 4, '\0');  // a character cut at the cap is seen whole
  size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fd);
  bytes.resize(got);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);  // a byte-order mark is no text
  return ValidUtf8Prefix(bytes, max_bytes);
}

// The archive entries whose XML holds a document's text, in the order the archive keeps them:
// Word's body, notes, headers and footers; Excel's shared strings (every text cell; numbers
// are left out); PowerPoint's slides and notes; OpenDocument's content.
bool HoldsText(std::string_view name) {
  static const std::regex kTextEntries(
      "word/(document|footnotes|endnotes|header[0-9]*|footer[0-9]*)\\.xml|xl/sharedStrings\\.xml|"
      "ppt/(slides/slide|notesSlides/notesSlide)[0-9]+\\.xml|content\\.xml");
  return std::regex_match(name.begin(), name.end(), kTextEntries);
}

// Feeds libxml2's reader from the archive's current entry, counting what it reads.
struct EntryInput {
  archive* zip;
  long long* xml_bytes;
};

int ReadEntry(void* context, char* buffer, int length) {
  auto* input = static_cast<EntryInput*>(context);
  if (*input->xml_bytes >= kMaxXmlBytes) return -1;
  const la_ssize_t n = archive_read_data(input->zip, buffer, static_cast<size_t>(length));
  if (n < 0) return -1;
  *input->xml_bytes += n;
  return static_cast<int>(n);
}

// Appends the text nodes of one XML entry. Elements that end a paragraph (w:p, a:p, text:p,
// text:h, a shared string's si) end a line; tabs, breaks and OpenDocument's text:s are spaces.
void AppendXmlText(archive* zip, long long* xml_bytes, TextSink& sink) {
  EntryInput input{zip, xml_bytes};
  // No network, no external entities or DTDs (libxml2 loads none unless asked), no entity
  // substitution: a document's markup can only ever yield its own characters.
  xmlTextReaderPtr reader =
      xmlReaderForIO(ReadEntry, nullptr, &input, nullptr, nullptr,
                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
  if (reader == nullptr) return;
  while (!sink.Full() && xmlTextReaderRead(reader) == 1) {
    const int type = xmlTextReaderNodeType(reader);
    const auto* local = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader));
    const std::string_view name = local ? local : "";
    if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
        type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      const auto* value = reinterpret_cast<const char*>(xmlTextReaderConstValue(reader));
      if (value) sink.Append(value);
    } else if (type == XML_READER_TYPE_ELEMENT) {
      if (name == "tab" || name == "s") sink.Space();
      if (name == "br" || name == "cr" || name == "line-break") sink.EndParagraph();
      if (xmlTextReaderIsEmptyElement(reader) == 1 && (name == "p" || name == "h")) {
        sink.EndParagraph();
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (name == "p" || name == "h" || name == "si") sink.EndParagraph();
      if (name == "tc" || name == "table-cell") sink.Space();  // a table's cells
    }
  }
  xmlFreeTextReader(reader);
}

std::optional<std::string> OfficeText(const std::string& path, size_t max_bytes) {
  std::unique_ptr<archive, decltype(&archive_read_free)> zip(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(zip.get());
  // Streams the entries from the start of the file (the seekable reader would read the central
  // directory first; the streaming one needs only the local headers Office and LibreOffice
  // write).
  if (archive_read_open_filename(zip.get(), path.c_str(), 64 * 1024) != ARCHIVE_OK) {
    return std::nullopt;
  }
  TextSink sink(max_bytes);
  long long xml_bytes = 0;
  bool any = false;
  archive_entry* entry = nullptr;
  int status;
  while (!sink.Full() && xml_bytes < kMaxXmlBytes &&
         (status = archive_read_next_header(zip.get(), &entry)) == ARCHIVE_OK) {
    const char* name = archive_entry_pathname(entry);
    if (name == nullptr || !HoldsText(name)) continue;  // the next header skips its data
    any = true;
    AppendXmlText(zip.get(), &xml_bytes, sink);
    sink.EndParagraph();
  }
  if (!any) return std::nullopt;
  return sink.Take();
}

// The length of the valid UTF-8 sequence at the start of `text`, 0 when there is none.
size_t SequenceLength(std::string_view text) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length;
  std::uint32_t code;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i) & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
  if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
      (code >= 0xD800 && code <= 0xDFFF)) {
    return 0;
  }
  return length;
}

}  // namespace

std::string ValidUtf8Prefix(std::string_view text, size_t max_bytes) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  while (!text.empty()) {
    const size_t length = SequenceLength(text);
    const std::string_view piece = length == 0 ? kReplacement : text.substr(0, length);
    if (out.size() + piece.size() > max_bytes) break;
    if (length == 0 || text[0] != '\0') out += piece;  // NUL is no text
    text.remove_prefix(length == 0 ? 1 : length);
  }
  return out;
}

bool HasText(std::string_view media_type) {
  return IsPdf(media_type) || IsPlainText(media_type) || IsOfficeZip(media_type);
}

std::optional<std::string> ExtractText(const std::string& path, std::string_view media_type,
                                       size_t max_bytes) {
  try {
    if (IsPdf(media_type)) return PdfText(path, max_bytes);
    if (IsPlainText(media_type)) return PlainText(path, max_bytes);
    if (IsOfficeZip(media_type)) return OfficeText(path, max_bytes);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception&) {  // a library's complaint about the bytes
  }
  return std::nullopt;
}

}  // namespace amity::previews
