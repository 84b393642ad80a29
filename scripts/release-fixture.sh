#!/usr/bin/env bash
# Writes tests/upgrade/<version>.sql: the İzmir–Harbin demo database as this build's migrations
# make it, with an admin (admin@localhost), dumped as SQL text. Run it when cutting a release and
# commit the file: from then on the ctest upgrade_from_releases upgrades it to every later
# version. usage: scripts/release-fixture.sh [AMITY_BINARY]
set -euo pipefail

amity=${1:-build/release/src/cli/amity}
version=$("$amity" --version | awk '{print $2}')
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
"$amity" demo --db "$folder/amity.db" >/dev/null
"$amity" user add --db "$folder/amity.db" --email admin@localhost --role admin >/dev/null
# One file, no write-ahead log left beside it.
sqlite3 "$folder/amity.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
out="$(dirname "$0")/../tests/upgrade/$version.sql"
sqlite3 "$folder/amity.db" .dump >"$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
