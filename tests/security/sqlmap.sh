#!/usr/bin/env bash
# SQL injection scan with sqlmap (Debian package) against a real amity server: the parameterised
# routes of the authenticated API (query strings, path ids, the JSON login body) with an admin's
# API token. Fails when sqlmap reports an injectable parameter or the server answers any probe
# with a 500. Usage: tests/security/sqlmap.sh path/to/amity (KEEP=1 keeps the logs in /tmp)
set -euo pipefail
amity=${1:?usage: sqlmap.sh path/to/amity}
command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)"; exit 1; }

work=$(mktemp -d /tmp/amity-sqlmap-XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

db="$work/amity.db"
"$amity" demo --db "$db" >/dev/null 2>&1
password=$("$amity" user add --db "$db" --email scanner@amity.test --role admin | sed -n 's/^password: //p')
token=$("$amity" token add --db "$db" --email scanner@amity.test --name sqlmap | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$amity" serve --db "$db" --listen "127.0.0.1:$port" >"$work/requests.log" 2>"$work/server.err" &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

auth="Authorization: Bearer $token"
api() { curl -sf -H "$auth" "$base$1"; }
partnership=$(api /api/v1/partnerships | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
commitment=$(api /api/v1/commitments | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# Each target: a URL whose parameters select data (so that boolean probes could show a
# difference); a * marks an injection point inside the path.
targets=(
  "$base/api/v1/commitments?status=agreed&area=education&partnership_id=$partnership&sort=due_date&limit=10&offset=0"
  "$base/api/v1/events?visibility=public&kind=festival&sort=-starts_at"
  "$base/api/v1/people?visibility=shared&sort=latin_name"
  "$base/api/v1/search?q=harbin&kind=commitments&lang=en&accents=insensitive"
  "$base/api/v1/changes?entity=commitments&actor=system&op=create&since=2020-01-01T00:00:00Z"
  "$base/api/v1/audit?kind=user_created&email=scanner%40amity.test"
  "$base/api/v1/translations?lang=zh&state=missing"
  "$base/api/v1/dashboard?partnership_id=$partnership"
  "$base/api/v1/commitments/$commitment*"
  "$base/api/v1/partnerships/$partnership*/timeline"
  "$base/public?lang=tr"
)

failed=0
run_sqlmap() {
  local name=$1; shift
  local log="$work/sqlmap-$name.log"
  sqlmap --batch --disable-coloring --flush-session --output-dir="$work/out" \
    --level=2 --risk=1 --technique=BEUST --time-sec=2 --threads=2 --skip-waf \
    -H "$auth" "$@" >"$log" 2>&1 || true
  if grep -Eiq "is vulnerable|appears to be injectable|identified the following injection point" "$log"; then
    echo "INJECTION FOUND ($name):"; grep -Ei "injectable|Parameter:|Payload:" "$log" | head -20
    failed=1
  elif grep -q "do not appear to be injectable" "$log"; then
    echo "ok: $name"
  else
    echo "sqlmap did not finish its tests ($name):"; tail -20 "$log"; failed=1
  fi
}

index=0
for url in "${targets[@]}"; do
  index=$((index + 1))
  run_sqlmap "get-$index" -u "$url"
done
# The login body: refused probes answer 401, and after five of them the account locks (429).
run_sqlmap "login" -u "$base/api/v1/session" --method POST --ignore-code=401,429 \
  --data "{\"email\":\"scanner@amity.test\",\"password\":\"$password\"}" \
  -H "Content-Type: application/json"

# Probes may be refused (4xx) but never crash a handler.
errors=$(grep -c '"status":5[0-9][0-9]' "$work/requests.log" || true)
probes=$(wc -l <"$work/requests.log")
echo "requests answered: $probes, with a 5xx status: $errors"
if [ "$errors" != 0 ]; then grep '"status":5' "$work/requests.log" | head -5; failed=1; fi
curl -sf "$base/healthz" >/dev/null || { echo "server stopped answering"; failed=1; }
exit $failed
