#!/usr/bin/env bash
# Lighthouse 12.2.3 (npm, pinned in bench/lighthouse/package.json; mobile preset with its default
# simulated throttling) on Debian's Chromium against the İzmir–Harbin demo, signed in as an
# admin: the dashboard, the commitments list and the İzmir–Harbin partnership page, ROUNDS first
# visits each (medians), and the dashboard's repeat visit with the service worker in place; then
# the bytes of a whole first visit, the service worker's download of the app included.
# See bench/README.md; figures in bench/RESULTS.md.
#
#   bench/lighthouse.sh            (ROUNDS=3; reports in build/bench/lighthouse-<UTC time>/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AMITY=${AMITY:-$ROOT/build/release/src/cli/amity}
ROUNDS=${ROUNDS:-3}
OUT_DIR=${OUT_DIR:-$ROOT/build/bench}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
source "$ROOT/bench/lib.sh"

if [[ ! -d $ROOT/bench/lighthouse/node_modules/lighthouse ]]; then
  (cd "$ROOT/bench/lighthouse" && npm ci --no-audit --no-fund >&2)
fi
mkdir -p "$OUT_DIR"
WORK=$(mktemp -d "$OUT_DIR/lighthouse-run.XXXXXX")
trap stop_server_and_remove_work EXIT
"$AMITY" demo --db "$WORK/amity.db" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
AMITY_INITIAL_PASSWORD_FILE=$WORK/password "$AMITY" serve --db "$WORK/amity.db" \
  --listen "127.0.0.1:$port" --log-format json >"$WORK/serve.log" 2>&1 &
PID=$!
base=http://127.0.0.1:$port
for _ in $(seq 100); do
  curl -sf "$base/healthz" >/dev/null && [[ -s $WORK/password ]] && break
  sleep 0.1
done
password=$(cat "$WORK/password")
# A session cookie for the admin, sent by Lighthouse with every request.
cookie=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@localhost\",\"password\":\"$password\"}" "$base/api/v1/session" |
  grep -io 'amity_session=[^;]*')
partnership=$(curl -sf -H "Cookie: $cookie" "$base/api/v1/partnerships?limit=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
reports=$OUT_DIR/lighthouse-$(date -u +%Y%m%dT%H%M%SZ)
echo "lighthouse $(node -p 'require("'"$ROOT"'/bench/lighthouse/node_modules/lighthouse/package.json").version'), $("$CHROME_PATH" --version 2>/dev/null), $("$AMITY" --version) ($AMITY), worktree git $(git -C "$ROOT" rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
node "$ROOT/bench/lighthouse/run.mjs" "$base" "$cookie" "$partnership" "$reports" "$ROUNDS"
# Bytes of a whole first visit (the service worker's download included), from the server's log.
node "$ROOT/bench/lighthouse/first_visit.mjs" "$base" "$cookie" "$WORK/serve.log"
echo "reports: $reports"
