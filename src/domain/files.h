// Rules for the files kept with records: which types are accepted, how large, and what a file's
// name may hold. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"

namespace amity::domain {

// The media types accepted by default (as libmagic names them): PDF, images, Office and
// OpenDocument documents, plain text and CSV, common audio and video. Never scripts, programs,
// archives, HTML or SVG (a browser would run their code).
const std::vector<std::string>& DefaultFileTypes();

// Whether `media_type` is in `allowed`, whose entries are media types or "type/*".
bool FileTypeAllowed(std::string_view media_type, const std::vector<std::string>& allowed);

// Parses a comma-separated list of media types ("application/pdf, image/*"); problems name
// `field` for an entry that is not type/subtype.
std::vector<std::string> ParseFileTypes(std::string_view list, Problems& problems,
                                        std::string_view field);

// 2 GiB, the default largest file.
inline constexpr std::uint64_t kDefaultMaxFileBytes = std::uint64_t{2} << 30;

// Problems with a file's name (field `field`): empty, over 255 bytes, not UTF-8, a path (slash,
// backslash, "." or ".."), control characters (NUL included) or the invisible characters that
// change the direction of text (U+202E "evil.exe‮fdp." shows as "evil.pdf…").
Problems CheckFileName(std::string_view name, std::string_view field);

// The kinds of record a file may be kept with: the API's collection names. All are resources of
// resources.h but kApplicationFileHolder.
const std::vector<std::string>& FileHolders();

// An exchange application's documents (transcript, language certificate…): the holder is an
// application (store/exchange_calls.h), not a generic resource, and its files are the student's.
inline constexpr std::string_view kApplicationFileHolder = "exchange_applications";

// Whether every file kept with `holder` is personal data, whatever the upload said: true for
// kApplicationFileHolder only.
bool AlwaysPersonalData(std::string_view holder);

}  // namespace amity::domain
