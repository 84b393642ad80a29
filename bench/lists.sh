#!/usr/bin/env bash
# Every documented list at two sizes, one request at a time on an idle server (issue 24's goals:
# ≤ 5 ms per request, ≤ 1.3× from --scale 1000 to --scale 10000), and the whole change feed read
# page by page. See bench/README.md. Builds nothing: expects the binary at $AMITY.
#
#   bench/lists.sh                       --scale 1000 and --scale 10000
#   bench/lists.sh --scale 1000          one scale (no ratios)
#
# Per scale: the cached database (build/bench/amity-scaleN.db, as bench/run.sh makes it; N=10000
# takes ~7 min and ~4-5 GB the first time), a copy with an admin token, `amity serve --threads 1`
# pinned to $SERVER_CPU, and bench/lists_driver.py pinned to $CLIENT_CPU: it derives the matrix
# from GET /api/v1/openapi.json (every list taking `cursor` × {nothing, each sort value, each
# filter alone}) × {first page, a page 90% deep reached by cursor} and times each request
# $REPEAT times after $WARMUP unrecorded ones, over one keep-alive connection.
#
# Settings (environment): AMITY, OUT_DIR (build/bench), REPEAT (15), WARMUP (3), LIMIT (50),
# FEED_LIMIT (200), SERVER_CPU (0), CLIENT_CPU (1), FRESH_DB=1 (regenerate the cached databases),
# KEEP_TMP=1 (keep the database copies).
# Output: build/bench/lists-<UTC time>/{scaleN.tsv, feed-scaleN.tsv, plans-scaleN.txt,
# report.md}; the report (with the plans of the requests over 5 ms) is also printed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AMITY=${AMITY:-$ROOT/build/release/src/cli/amity}
OUT_DIR=${OUT_DIR:-$ROOT/build/bench}
REPEAT=${REPEAT:-15}
WARMUP=${WARMUP:-3}
LIMIT=${LIMIT:-50}
FEED_LIMIT=${FEED_LIMIT:-200}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
FRESH_DB=${FRESH_DB:-0}
KEEP_TMP=${KEEP_TMP:-0}
SCALES=()
while (($#)); do
  case $1 in
    --scale)
      SCALES+=("${2:?--scale needs a number}")
      shift 2
      ;;
    *)
      echo "usage: bench/lists.sh [--scale N]..." >&2
      exit 2
      ;;
  esac
done
((${#SCALES[@]})) || SCALES=(1000 10000)

log() { printf '[lists %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}
for tool in taskset curl python3 shuf; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
[[ -x $AMITY ]] || die "no amity binary at $AMITY"
mkdir -p "$OUT_DIR"
OUT_DIR=$(realpath "$OUT_DIR")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULT_DIR=$OUT_DIR/lists-$STAMP
mkdir -p "$RESULT_DIR"

AMITY_PID="" WORK="" GEN_PARTIAL=""
stop_amity() {
  [[ -n $AMITY_PID ]] && kill -0 "$AMITY_PID" 2>/dev/null || return 0
  kill -TERM "$AMITY_PID" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do
    kill -0 "$AMITY_PID" 2>/dev/null || break
    sleep 0.05
  done
  kill -KILL "$AMITY_PID" 2>/dev/null || true
  wait "$AMITY_PID" 2>/dev/null || true
  AMITY_PID=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_amity
  [[ -n $GEN_PARTIAL ]] && rm -f "$GEN_PARTIAL" "$GEN_PARTIAL-wal" "$GEN_PARTIAL-shm"
  if [[ -n $WORK ]]; then
    if [[ $KEEP_TMP == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
WORK=$(mktemp -d "${TMPDIR:-/tmp}/amity-lists.XXXXXX")
# One binary for the whole run, even if someone rebuilds meanwhile.
cp "$AMITY" "$WORK/amity"
AMITY_SOURCE=$(realpath "$AMITY")
AMITY=$WORK/amity

# The cached database of bench/run.sh (same names, same .gen record).
cached_db() { # scale → path
  local scale=$1 db=$OUT_DIR/amity-scale$1.db gen=$OUT_DIR/amity-scale$1.gen t0
  if [[ $FRESH_DB == 1 || ! -f $db || ! -f $gen ]]; then
    log "generating the demo at --scale $scale into $db"
    GEN_PARTIAL=$db.partial
    rm -f "$GEN_PARTIAL" "$GEN_PARTIAL-wal" "$GEN_PARTIAL-shm"
    t0=$(date +%s%N)
    "$AMITY" demo --db "$GEN_PARTIAL" --scale "$scale" >"$RESULT_DIR/demo-scale$scale.log" 2>&1 ||
      die "amity demo failed; see $RESULT_DIR/demo-scale$scale.log"
    mv "$GEN_PARTIAL" "$db"
    GEN_PARTIAL=""
    printf 'seconds=%.1f\ndate=%s\nversion=%s\ncommand=%s\n' \
      "$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')" \
      "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$("$AMITY" --version)" \
      "amity demo --db FILE --scale $scale" >"$gen"
  fi
  echo "$db"
}

healthz_ok() { curl -sf -o /dev/null "http://127.0.0.1:$1/healthz"; }

LABELS=() TSVS=()
for scale in "${SCALES[@]}"; do
  source_db=$(cached_db "$scale")
  db=$WORK/scale$scale.db
  log "scale $scale: copying $(du -m "$source_db" | cut -f1) MiB"
  cp "$source_db" "$db"
  "$AMITY" user add --db "$db" --email lists@amity.test --role admin >>"$RESULT_DIR/setup.log" 2>&1 ||
    die "amity user add failed; see $RESULT_DIR/setup.log"
  token=$("$AMITY" token add --db "$db" --email lists@amity.test --name lists 2>>"$RESULT_DIR/setup.log" | tail -n 1)
  port=$(shuf -i 20000-59999 -n 1)
  taskset -c "$SERVER_CPU" "$AMITY" serve --db "$db" --listen "127.0.0.1:$port" --threads 1 \
    >/dev/null 2>>"$RESULT_DIR/amity-scale$scale.stderr" &
  AMITY_PID=$!
  for ((i = 0; i < 1200; i++)); do
    healthz_ok "$port" && break
    kill -0 "$AMITY_PID" 2>/dev/null || die "amity exited; see $RESULT_DIR/amity-scale$scale.stderr"
    sleep 0.05
  done
  healthz_ok "$port" || die "amity did not answer /healthz within 60 s"
  log "scale $scale: amity $AMITY_PID on port $port (core $SERVER_CPU); load $(cut -d' ' -f1-3 /proc/loadavg)"
  taskset -c "$CLIENT_CPU" python3 "$ROOT/bench/lists_driver.py" matrix --port "$port" \
    --token "$token" --db "$db" --out "$RESULT_DIR/scale$scale.tsv" --repeat "$REPEAT" \
    --warmup "$WARMUP" --limit "$LIMIT" 2>"$RESULT_DIR/scale$scale.log" ||
    die "the matrix failed; see $RESULT_DIR/scale$scale.log"
  taskset -c "$CLIENT_CPU" python3 "$ROOT/bench/lists_driver.py" feed --port "$port" \
    --token "$token" --out "$RESULT_DIR/feed-scale$scale.tsv" --limit "$FEED_LIMIT" \
    2>>"$RESULT_DIR/scale$scale.log" || die "the feed failed; see $RESULT_DIR/scale$scale.log"
  tail -n 1 "$RESULT_DIR/scale$scale.log" >&2
  cut -d' ' -f1-3 /proc/loadavg >"$RESULT_DIR/load-scale$scale.txt"
  stop_amity
  # The plans of the slow requests, under the statistics the server gathered at start.
  python3 "$ROOT/bench/lists_driver.py" plans "$RESULT_DIR/scale$scale.tsv" --db "$db" \
    >"$RESULT_DIR/plans-scale$scale.txt"
  rm -f "$db" "$db-wal" "$db-shm"
  LABELS+=("$scale") TSVS+=("$RESULT_DIR/scale$scale.tsv")
done

{
  echo "# Lists at any size, $STAMP"
  echo
  echo "- **Command:** \`REPEAT=$REPEAT WARMUP=$WARMUP LIMIT=$LIMIT bench/lists.sh$(printf ' --scale %s' "${SCALES[@]}")\`"
  echo "- **Binary:** $AMITY_SOURCE (sha256 $(sha256sum "$AMITY" | cut -c1-12)); git $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')"
  echo "- **Machine:** $(nproc) cores, load average after each scale: $(for s in "${SCALES[@]}"; do printf '%s: %s; ' "$s" "$(cat "$RESULT_DIR/load-scale$s.txt")"; done)"
  echo "- **Set-up:** amity serve --threads 1 on core $SERVER_CPU, one client on core $CLIENT_CPU, one request at a time over one keep-alive connection; median of $REPEAT after $WARMUP unrecorded; page of $LIMIT"
  echo
  echo "Change feed (after_seq, limit=$FEED_LIMIT), whole feed read page by page:"
  echo
  echo "| scale | changes | pages | seconds | changes/s | slowest page ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  for s in "${SCALES[@]}"; do
    tail -n 1 "$RESULT_DIR/feed-scale$s.tsv" | awk -F'\t' -v s="$s" '{ printf "| %s | %s | %s | %s | %s | %s |\n", s, $1, $2, $3, $4, $5 }'
  done
  echo
  python3 "$ROOT/bench/lists_driver.py" report "${TSVS[@]}" --labels "${LABELS[@]/#/scale }"
  for s in "${SCALES[@]}"; do
    echo
    echo "Plans of the requests over 5 ms at scale $s (EXPLAIN QUERY PLAN, server's statistics):"
    echo
    echo '```'
    cat "$RESULT_DIR/plans-scale$s.txt"
    echo '```'
  done
} >"$RESULT_DIR/report.md"
cat "$RESULT_DIR/report.md"
log "report: $RESULT_DIR/report.md"
