#include "http/message.h"

#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include <new>

namespace amity::http {

namespace {
constexpr std::size_t kMappedBodyBytes = 256 << 10;
}

void* AllocateBodyBytes(std::size_t bytes) {
  if (bytes < kMappedBodyBytes) return ::operator new(bytes);
  void* block = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED) throw std::bad_alloc();
  return block;
}

void FreeBodyBytes(void* block, std::size_t bytes) {
  if (bytes < kMappedBodyBytes) {
    ::operator delete(block);
  } else {
    munmap(block, bytes);
  }
}

FileSlice::~FileSlice() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<std::string_view> Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::Cookie(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() != 6 || strncasecmp(key.data(), "Cookie", 6) != 0) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t end = rest.find(';');
      std::string_view pair = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const size_t equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return pair.substr(equals + 1);
      }
    }
  }
  return std::nullopt;
}

void Request::SetJsonBody(std::string json) {
  body = std::move(json);
  headers.emplace_back("Content-Type", "application/json");
}

bool IsJsonMediaType(std::string_view content_type) {
  constexpr std::string_view kJson = "application/json";
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  return type.size() == kJson.size() && strncasecmp(type.data(), kJson.data(), kJson.size()) == 0;
}

}  // namespace amity::http
