#!/usr/bin/env bash
# Issue 19's export figure: GET /api/v1/commitments/export?format=xlsx of every commitment of the
# `--scale N` demo (N=1000: 100,008 commitments), timed with curl, and the server's peak RSS
# (VmHWM, which starts at the idle server's); against the peer in the same run: Python's openpyxl
# in write-only mode writing the same rows (read from the server's CSV export of the same list)
# into an XLSX, its time and peak RSS (ru_maxrss).
#
#   bench/export.sh                       SCALE=1000 ROUNDS=3
# Goals (issue 19): ≥ 3× faster than openpyxl, ≤ 64 MiB peak RSS.
# Data: build/bench/amity-scaleN.db, as bench/run.sh and bench/lists.sh cache it (made with
# `amity demo --scale N` when missing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/bench/lib.sh"
AMITY=${AMITY:-$ROOT/build/release/src/cli/amity}
SCALE=${SCALE:-1000}
ROUNDS=${ROUNDS:-3}
OUT_DIR=$ROOT/build/bench

PYTHON=/usr/bin/python3  # Debian's, with python3-openpyxl
for tool in curl sqlite3; do
  command -v "$tool" >/dev/null || { echo "export: $tool not found" >&2; exit 1; }
done
"$PYTHON" -c 'import openpyxl' 2>/dev/null || { echo "export: python3-openpyxl not installed" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/amity-export.XXXXXX")
PID=""
trap stop_server_and_remove_work EXIT

SOURCE_DB=$OUT_DIR/amity-scale$SCALE.db
if [[ ! -f $SOURCE_DB ]]; then
  mkdir -p "$OUT_DIR"
  echo "generating the demo at --scale $SCALE into $SOURCE_DB" >&2
  "$AMITY" demo --db "$SOURCE_DB.partial" --scale "$SCALE" >"$WORK/demo.log" 2>&1
  mv "$SOURCE_DB.partial" "$SOURCE_DB"
fi
DB=$WORK/amity.db
cp "$SOURCE_DB" "$DB"
"$AMITY" migrate --db "$DB" >/dev/null 2>&1
"$AMITY" user add --db "$DB" --email bench@amity.test --role admin >/dev/null 2>&1
TOKEN=$("$AMITY" token add --db "$DB" --email bench@amity.test --name bench 2>/dev/null | tail -n 1)
AUTH="Authorization: Bearer $TOKEN"
PORT=$(shuf -i 20000-59999 -n 1)
"$AMITY" serve --db "$DB" --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>"$WORK/server.err" &
PID=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.05
done
URL=http://127.0.0.1:$PORT/api/v1/commitments/export
rss_kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$PID/status"; }
IDLE_KIB=$(rss_kib VmRSS)

# The rows the peer writes: the same list, as the server's CSV.
curl -sf -H "$AUTH" -o "$WORK/rows.csv" "$URL?format=csv&language=tr"
ROWS=$(($("$PYTHON" -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' "$WORK/rows.csv") - 1))

cat >"$WORK/peer.py" <<'PY'
import csv, resource, sys, time
from openpyxl import Workbook
start = time.perf_counter()
workbook = Workbook(write_only=True)
sheet = workbook.create_sheet("Taahhütler")
with open(sys.argv[1], newline="", encoding="utf-8") as rows:
    for row in csv.reader(rows):
        sheet.append(row)
workbook.save(sys.argv[2])
print(f"{time.perf_counter() - start:.3f}\t{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
PY

AMITY_TIMES=() PEER_TIMES=() PEER_RSS=()
for ((round = 1; round <= ROUNDS; round++)); do
  seconds=$(curl -sf -H "$AUTH" -o "$WORK/amity.xlsx" -w '%{time_total}' "$URL?format=xlsx&language=tr")
  AMITY_TIMES+=("$seconds")
  read -r peer_seconds peer_kib < <("$PYTHON" "$WORK/peer.py" "$WORK/rows.csv" "$WORK/peer.xlsx")
  PEER_TIMES+=("$peer_seconds")
  PEER_RSS+=("$peer_kib")
  echo "round $round: amity ${seconds}s, openpyxl ${peer_seconds}s (${peer_kib} KiB)" >&2
done
PEAK_KIB=$(rss_kib VmHWM)
CHECK=$("$PYTHON" -c '
import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]
print(sum(1 for _ in sheet.iter_rows(values_only=True)) - 1)' "$WORK/amity.xlsx")
[[ $CHECK == "$ROWS" ]] || { echo "export: the XLSX holds $CHECK rows, the CSV $ROWS" >&2; exit 1; }

AMITY_S=$(median "${AMITY_TIMES[@]}")
PEER_S=$(median "${PEER_TIMES[@]}")
awk -v rows="$ROWS" -v a="$AMITY_S" -v p="$PEER_S" -v idle="$IDLE_KIB" -v peak="$PEAK_KIB" \
    -v prss="$(median "${PEER_RSS[@]}")" -v size="$(stat -c %s "$WORK/amity.xlsx")" \
    -v psize="$(stat -c %s "$WORK/peer.xlsx")" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "rows\t%d\n", rows
  printf "amity xlsx seconds (median of rounds)\t%.3f\t(%.0f rows/s, %.1f MiB file)\n", a, rows / a, size / 1048576
  printf "openpyxl write-only seconds (median)\t%.3f\t(%.0f rows/s, %.1f MiB file)\n", p, rows / p, psize / 1048576
  printf "speed-up\t%.2fx\n", p / a
  printf "amity RSS idle / peak (VmHWM)\t%.1f / %.1f MiB\n", idle / 1024, peak / 1024
  printf "openpyxl peak RSS (median)\t%.1f MiB\n", prss / 1024
  printf "load average\t%s\n", load
}'
