// The values a server must never send its peers, for the suite-wide scan of the wire capture
// (AMITY_WIRE_CAPTURE, docs/FEDERATION.md "Testing"; tests/check_wire_capture.py): read from the
// server's database file once it has stopped (or was killed), written one per line to
// `<capture folder>/<instance id>.forbidden`.
#pragma once

#include <string>
#include <vector>

namespace amity::testing {

// The forbidden values of the database at `db_path`, at least 6 characters each (shorter ones
// would match by chance), without repeats, `extra` (secrets only the test knows: API tokens,
// passwords) included:
//   - ids and texts (translatable and plain strings; not `created_by`, `key_id`, `public_key`,
//     which name an account or a key) of the instance's own private records that were never shared
//     (a record withdrawn from sharing was sent while it was shared; its id goes on in a
//     tombstone), and their commitment notes and file ids;
//   - every value of a personal-data field (domain::FieldSpec::personal), of any record;
//   - SHA-256 of files the peers may not hold (personal data, or held only by such private
//     records or by exchange applications), unless the same bytes are also a shared file;
//   - account e-mail addresses, password hashes, token and session digests, CSRF tokens and the
//     federation secret keys.
// Fails the test when the database cannot be read.
std::vector<std::string> ForbiddenValues(const std::string& db_path,
                                         const std::vector<std::string>& extra = {});

// The instance id kept in the database at `db_path` ("" when it cannot be read).
std::string InstanceIdOf(const std::string& db_path);

// Writes ForbiddenValues(db_path, extra) to `<folder>/<instance id>.forbidden` (replacing it);
// nothing when `folder` is empty.
void WriteForbiddenValues(const std::string& folder, const std::string& db_path,
                          const std::vector<std::string>& extra = {});

}  // namespace amity::testing
