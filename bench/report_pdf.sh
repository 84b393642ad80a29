#!/usr/bin/env bash
# Issue 19's council report: time to answer GET /api/v1/reports/council.pdf (and the JSON it is
# drawn from) for one partnership holding BUSY commitments (`amity demo --scale 1 --busy BUSY`:
# ~1/6 of them done, the rest spread over every status, due dates over three years), this year,
# in Turkish with Chinese side by side and in English alone. The server runs on one core.
#
#   bench/report_pdf.sh                  BUSY=1000 ROUNDS=7
# Prints per request the median and the best of ROUNDS sequential requests (curl's time_total,
# after one unrecorded warm-up), the server's CPU time per request (user + system, from
# /proc/PID/stat: steadier than wall time on a busy machine), the PDF's size and pages (pdfinfo).
# Goal (issue 19): <= 1 s.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/bench/lib.sh"
AMITY=${AMITY:-$ROOT/build/release/src/cli/amity}
BUSY=${BUSY:-1000}
ROUNDS=${ROUNDS:-7}
SERVER_CPU=${SERVER_CPU:-0}
OUT_DIR=${OUT_DIR:-$ROOT/build/bench}

for tool in curl sqlite3 pdfinfo taskset; do
  command -v "$tool" >/dev/null || { echo "report_pdf: $tool not found" >&2; exit 1; }
done
mkdir -p "$OUT_DIR"
CACHED=$OUT_DIR/amity-scale1-busy$BUSY.db
if [[ ! -f $CACHED ]]; then
  echo "report_pdf: generating --scale 1 --busy $BUSY into $CACHED" >&2
  rm -f "$CACHED.partial"*
  "$AMITY" demo --db "$CACHED.partial" --scale 1 --busy "$BUSY" >/dev/null
  mv "$CACHED.partial" "$CACHED"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/amity-report.XXXXXX")
PID=""
trap stop_server_and_remove_work EXIT
DB=$WORK/amity.db
cp "$CACHED" "$DB"
"$AMITY" user add --db "$DB" --email bench@amity.test --role admin >/dev/null 2>&1
TOKEN=$("$AMITY" token add --db "$DB" --email bench@amity.test --name bench 2>/dev/null | tail -n 1)
AUTH="Authorization: Bearer $TOKEN"
PARTNERSHIP_ID=$(sqlite3 "$DB" "SELECT partnership_id FROM commitments GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
COMMITMENTS=$(sqlite3 "$DB" "SELECT count(*) FROM commitments WHERE partnership_id = '$PARTNERSHIP_ID'")
YEAR=$(date -u +%Y)

PORT=$(shuf -i 20000-59999 -n 1)
taskset -c "$SERVER_CPU" "$AMITY" serve --db "$DB" --listen "127.0.0.1:$PORT" --threads 1 \
  >"$WORK/server.log" 2>"$WORK/server.err" &
PID=$!
for _ in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.05
done
URL=http://127.0.0.1:$PORT/api/v1/reports
echo "partnership with $COMMITMENTS commitments, year $YEAR, load $(cut -d' ' -f1 /proc/loadavg)"
# The server's user + system CPU time so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
TICKS=$(getconf CLK_TCK)
printf 'request\tmedian s\tbest s\tCPU s\tbytes\tpages\n'
for request in "council.pdf?lang=tr&second=zh" "council.pdf?lang=en" "council?lang=tr&second=zh"; do
  target="$URL/$request&year=$YEAR&partnership_id=$PARTNERSHIP_ID"
  curl -sf -H "$AUTH" -o "$WORK/out" "$target"  # warm-up
  times=()
  before=$(cpu_ticks)
  for _ in $(seq 1 "$ROUNDS"); do
    times+=("$(curl -sf -H "$AUTH" -o "$WORK/out" -w '%{time_total}' "$target")")
  done
  cpu=$(awk -v t="$(($(cpu_ticks) - before))" -v r="$ROUNDS" -v hz="$TICKS" 'BEGIN { printf "%.3f", t / r / hz }')
  pages=-
  [[ $request == *.pdf* ]] && pages=$(pdfinfo "$WORK/out" | awk '/^Pages:/ { print $2 }')
  best=$(printf '%s\n' "${times[@]}" | sort -g | head -n 1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "${request%%&*}" "$(median "${times[@]}")" "$best" "$cpu" \
    "$(stat -c %s "$WORK/out")" "$pages"
done
