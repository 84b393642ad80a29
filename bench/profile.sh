#!/usr/bin/env bash
# Where a request's time goes, in instructions (valgrind callgrind): noise-free, unlike wall time
# on a shared machine. Runs `amity serve --threads 1` under callgrind on a copy of the cached
# benchmark database (bench/run.sh makes it), sends N identical requests over one keep-alive
# connection with collection switched on only around them, and prints instructions per request
# and the heaviest functions (inclusive and self).
#
#   bench/profile.sh SCENARIO [N]      SCENARIO: healthz detail page page_global dashboard post
#                                      list list_due (issue 24's lists) feed (a change-feed page)
#                                      search timeline events note (issue 17's mix)
#   BUSY=100000 bench/profile.sh search
#                                      on bench/busy.sh's database instead (SCALE with the busy
#                                      partnership grown to BUSY commitments), its requests aimed
#                                      at the busy partnership as bench/busy_mix.lua aims them
#   LOAD=64 DURATION=10 bench/profile.sh post
#                                      the same under load: wrk with LOAD connections for DURATION
#                                      seconds (after 2 s unmeasured), so POSTs share commits as
#                                      they do in bench/run.sh; N is not used
#
# Settings: AMITY (binary), SCALE (default 1000), OUT_DIR (default build/bench), TOP (30),
# LOAD (connections; 0, the default: one connection, N requests one after another), DURATION.
# Output: build/bench/callgrind-<scenario>-<timestamp>.out, to open with callgrind_annotate or
# kcachegrind.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/bench/lib.sh"
AMITY=${AMITY:-$ROOT/build/release/src/cli/amity}
SCALE=${SCALE:-1000}
OUT_DIR=${OUT_DIR:-$ROOT/build/bench}
TOP=${TOP:-30}
SCENARIO=${1:?usage: bench/profile.sh SCENARIO [N]}
N=${2:-200}
LOAD=${LOAD:-0}
DURATION=${DURATION:-10}

die() {
  echo "profile: $*" >&2
  exit 1
}
tools=(valgrind callgrind_control callgrind_annotate curl)
((LOAD > 0)) && tools+=(wrk)
[[ -n ${BUSY:-} ]] && tools+=(sqlite3)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
[[ -x $AMITY ]] || die "no amity binary at $AMITY"
AMITY=$(realpath "$AMITY")
BUSY=${BUSY:-}
CACHED_DB=$OUT_DIR/amity-scale$SCALE${BUSY:+-busy$BUSY}.db
[[ -f $CACHED_DB ]] || die "no $CACHED_DB: run bench/run.sh (or bench/busy.sh with BUSY) once (SCALE=$SCALE) to generate it"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/amity-profile.XXXXXX")
PID=""
trap stop_server_and_remove_work EXIT
cp "$CACHED_DB" "$WORK/amity.db"
# Requests are authenticated as in production: an admin's API token.
"$AMITY" user add --db "$WORK/amity.db" --email profile@amity.test --role admin >/dev/null 2>&1
TOKEN=$("$AMITY" token add --db "$WORK/amity.db" --email profile@amity.test --name profile 2>/dev/null | tail -n 1)
AUTH="Authorization: Bearer $TOKEN"

PORT=$(shuf -i 20000-59999 -n 1)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$OUT_DIR/callgrind-$SCENARIO-$STAMP.out
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT" \
  "$AMITY" serve --db "$WORK/amity.db" --listen "127.0.0.1:$PORT" --threads 1 \
  >"$WORK/requests.log" 2>"$WORK/valgrind.log" &
PID=$!
URL=http://127.0.0.1:$PORT
for ((i = 0; i < 600; i++)); do
  curl -sf -o /dev/null "$URL/healthz" && break
  kill -0 "$PID" 2>/dev/null || die "amity exited: $(tail -5 "$WORK/valgrind.log")"
  sleep 0.1
done

first_id() { sed -n 's/^{"items":\[{"id":"\([0-9a-f-]\{36\}\)".*/\1/p'; }
if [[ -n $BUSY ]]; then # the partnership with the most commitments, as bench/busy.sh picks it
  P=$(sqlite3 "$WORK/amity.db" "SELECT partnership_id FROM commitments GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
else
  P=$(curl -sf -H "$AUTH" "$URL/api/v1/partnerships?limit=1&offset=$((SCALE / 2))" | first_id)
fi
C=$(curl -sf -H "$AUTH" "$URL/api/v1/commitments?partnership_id=$P&limit=1&offset=50" | first_id)
[[ -n $C ]] || C=$(curl -sf -H "$AUTH" "$URL/api/v1/commitments?partnership_id=$P&limit=1" | first_id)
METHOD=GET BODY=""
case $SCENARIO in
  healthz) PATH_=/healthz ;;
  detail) PATH_=/api/v1/commitments/$C ;;
  page) PATH_="/api/v1/commitments?partnership_id=$P&status=proposed,agreed,planned,in_progress&limit=50" ;;
  page_global) PATH_="/api/v1/commitments?area=sports&sort=due_date&limit=50" ;;
  dashboard) PATH_="/api/v1/dashboard?partnership_id=$P" ;;
  list) PATH_="/api/v1/commitments?limit=50" ;;
  list_due) PATH_="/api/v1/commitments?limit=50&sort=due_date" ;;
  search) PATH_="/api/v1/search?q=konser" ;;
  timeline) PATH_="/api/v1/partnerships/$P/timeline?limit=50" ;;
  events) PATH_="/api/v1/events?partnership_id=$P" ;;
  mixpage) PATH_="/api/v1/commitments?limit=50&partnership_id=$P" ;;
  note)
    ((LOAD == 0)) || die "note: only one request after another (LOAD=0)"
    PATH_=/api/v1/commitments/$C/notes METHOD=POST
    BODY='{"note":"progress on the busy partnership"}'
    ;;
  feed) PATH_="/api/v1/changes?after_seq=$((SCALE * 150))&limit=200" ;; # a page mid-feed
  post)
    PATH_=/api/v1/commitments METHOD=POST
    BODY="{\"partnership_id\":\"$P\",\"text\":{\"original\":\"en\",\"en\":\"bench\"},\"area\":\"sports\",\"proposed_by_side\":\"home\"}"
    ;;
  *) die "unknown scenario $SCENARIO" ;;
esac

# One curl, one keep-alive connection, N requests.
config=$WORK/curl.cfg
: >"$config"
for ((i = 0; i < N; i++)); do
  printf 'url = "%s%s"\noutput = "/dev/null"\n' "$URL" "$PATH_" >>"$config"
done
body_args=()
if [[ $METHOD == POST ]]; then body_args=(-H 'Content-Type: application/json' --data-binary "$BODY"); fi
curl_args=(-s -K "$config" -H "$AUTH" "${body_args[@]}")

# The first request warms up (prepared statements, caches) outside the measurement.
curl -sf -o /dev/null -H "$AUTH" "${body_args[@]}" "$URL$PATH_" || die "$METHOD $PATH_ failed"
wrk_run() { # seconds
  local args=(-t1 "-c$LOAD" "-d${1}s" -H "$AUTH")
  if [[ $METHOD == POST ]]; then
    PARTNERSHIP_ID=$P wrk "${args[@]}" -s "$ROOT/bench/post_commitment.lua" "$URL$PATH_" >/dev/null
  else
    wrk "${args[@]}" "$URL$PATH_" >/dev/null
  fi
}
if ((LOAD > 0)); then wrk_run 2; fi
sleep 0.5 # the server flushes its request log every 200 ms
before=$(wc -l <"$WORK/requests.log")
callgrind_control -i on "$PID" >/dev/null
if ((LOAD > 0)); then
  wrk_run "$DURATION"
else
  curl "${curl_args[@]}" >/dev/null 2>&1 || true
fi
callgrind_control -i off "$PID" >/dev/null
sleep 0.5
after=$(wc -l <"$WORK/requests.log")
requests=$((after - before))
statuses=$(tail -n +"$((before + 1))" "$WORK/requests.log" | sed -n 's/.*"status":\([0-9]*\).*/\1/p' | sort | uniq -c | awk '{ printf "%s%s×%s", (NR > 1 ? ", " : ""), $1, $2 }')
kill -TERM "$PID"
wait "$PID" 2>/dev/null || true
PID=""

dump=$OUT
callgrind_annotate --inclusive=yes "$dump" >"$WORK/inclusive.txt" 2>/dev/null
callgrind_annotate "$dump" >"$WORK/self.txt" 2>/dev/null
total=$(awk '/PROGRAM TOTALS/ && !t { gsub(",", "", $1); t = $1 } END { print t }' "$WORK/self.txt")
echo "scenario $SCENARIO: $METHOD $PATH_$( ((LOAD > 0)) && echo " under wrk, $LOAD connections, ${DURATION} s")"
echo "requests measured: $requests ($statuses); instructions: $total; per request: $(awk -v t="$total" -v n="$requests" 'BEGIN { printf "%.0f", (n ? t / n : 0) }')"
echo "callgrind output: $dump"
echo
echo "== inclusive (top $TOP) =="
awk -v top="$TOP" '/^ *Ir/ { on = 1 } on && n < top + 2 { print; n++ }' "$WORK/inclusive.txt"
echo
echo "== self (top $TOP) =="
awk -v top="$TOP" '/^ *Ir/ { on = 1 } on && n < top + 2 { print; n++ }' "$WORK/self.txt"
