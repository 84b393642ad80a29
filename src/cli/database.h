// Opening the configured database for a command.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace amity::cli {

// Creates the file's folder when missing, opens the database and applies pending migrations,
// printing which were applied. Throws on failure.
std::unique_ptr<store::Db> OpenMigrated(const std::string& path);

}  // namespace amity::cli
