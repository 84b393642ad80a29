// The command line: `amity COMMAND [options]`. Each command is a function taking the Config.
#pragma once

#include <optional>
#include <string>

#include "api/api.h"
#include "config/config.h"

namespace amity::cli {

// Parses argv, runs the command and returns the process exit code (0 ok, 1 failure, 2 usage).
// Catches every exception: a failure is printed as one line on stderr.
int Run(int argc, char** argv);

int Serve(const Config& config);
int Migrate(const Config& config);
int Demo(const Config& config);
int Backup(const Config& config);
int Restore(const Config& config);  // backup.cpp
int Reindex(const Config& config);
int User(const Config& config);

// Creates the first admin through the API and returns its random password.
std::optional<std::string> CreateFirstAdmin(api::Api& api, const std::string& email);
int Token(const Config& config);
int Licenses(const Config& config);
int Files(const Config& config);  // files.cpp

}  // namespace amity::cli
