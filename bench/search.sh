#!/usr/bin/env bash
# Search latency at scale: GET /api/v1/search (server pinned to one core) against the raw FTS5
# query for the same terms, in the same run. See bench/README.md.
#
#   SCALE=10000 bench/search.sh        (ROUNDS per term, default 30)
#
# The server and the raw queries use a copy of the cached database (migrated by this binary, with
# an admin and its API token added: search needs a signed-in user), so the cache stays as generated.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AMITY=${AMITY:-$ROOT/build/release/src/cli/amity}
BENCH=${BENCH:-$ROOT/build/release/bench/amity_search_bench}
SCALE=${SCALE:-10000}
ROUNDS=${ROUNDS:-30}
OUT_DIR=${OUT_DIR:-$ROOT/build/bench}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
mkdir -p "$OUT_DIR"
DB=$OUT_DIR/search-scale-$SCALE.db

if [[ ! -f $DB ]]; then
  echo "generating --scale $SCALE into $DB (one-off; cached)" >&2
  start=$(date +%s)
  "$AMITY" demo --db "$DB.partial" --scale "$SCALE" >&2
  mv "$DB.partial" "$DB"
  rm -f "$DB.partial-wal" "$DB.partial-shm"
  echo "generated in $(($(date +%s) - start)) s" >&2
fi
WORK=$(mktemp -d "$OUT_DIR/search-run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cp "$DB" "$WORK/amity.db"
DB=$WORK/amity.db
"$AMITY" user add --db "$DB" --email search-bench@amity.test --role admin >"$WORK/user.log" 2>&1 ||
  { cat "$WORK/user.log" >&2; exit 1; }
TOKEN=$("$AMITY" token add --db "$DB" --email search-bench@amity.test --name search-bench 2>>"$WORK/user.log" | tail -n 1)
texts=$(sqlite3 "$DB" 'SELECT count(*) FROM search_texts')
commitments=$(sqlite3 "$DB" 'SELECT count(*) FROM commitments')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null ||
  shuf -i 20000-60000 -n 1)
taskset -c "$SERVER_CPU" "$AMITY" serve --db "$DB" --listen "127.0.0.1:$port" --threads 1 >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
echo "### Search at --scale $SCALE: $texts indexed texts, $commitments commitments, $ROUNDS rounds per term"
echo
taskset -c "$CLIENT_CPU" "$BENCH" --db "$DB" --url "http://127.0.0.1:$port" --token "$TOKEN" \
  --rounds "$ROUNDS"
echo
echo "peak RSS of the server: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
