// HttpError: thrown by handlers for outcomes only the HTTP boundary turns into a response
// (404, 412, 422 …); carries the status, a title and the per-field problems.
#pragma once

#include <stdexcept>
#include <string>

#include "base/problem.h"
#include "http/message.h"

namespace amity::http {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string title, Problems problems = {}, Pairs headers = {})
      : std::runtime_error(title),
        status_(status),
        title_(std::move(title)),
        problems_(std::move(problems)),
        headers_(std::move(headers)) {}

  int status() const { return status_; }
  const std::string& title() const { return title_; }
  const Problems& problems() const { return problems_; }
  const Pairs& headers() const { return headers_; }

 private:
  int status_;
  std::string title_;
  Problems problems_;
  Pairs headers_;
};

}  // namespace amity::http
