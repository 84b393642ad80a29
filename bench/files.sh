#!/usr/bin/env bash
# Issue 18's file figures, each next to its reference in the same run:
#  - upload of a SIZE_MIB file (tus: one POST, one streamed PATCH with curl -T) against `cp` of the
#    same file on the same disk followed by `sync` of the copy (the upload also hashes and fsyncs);
#  - download of that file against nginx serving the same bytes (curl -o /dev/null);
#  - the server's peak RSS above idle while PARALLEL uploads of SIZE_MIB run at once.
#
#   bench/files.sh                         SIZE_MIB=1024 ROUNDS=3 PARALLEL=3
# Goals (issue 18): upload >= 0.5x cp, download >= 0.8x nginx, peak RSS <= 64 MiB above idle.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/bench/lib.sh"
AMITY=${AMITY:-$ROOT/build/release/src/cli/amity}
SIZE_MIB=${SIZE_MIB:-1024}
ROUNDS=${ROUNDS:-3}
PARALLEL=${PARALLEL:-3}

for tool in curl nginx python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "files: $tool not found (make bench installs it)" >&2; exit 1; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/amity-files.XXXXXX")
PID=""
NGINX_PID=""
cleanup() {
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
  stop_server_and_remove_work
}
trap cleanup EXIT

# A video libmagic recognizes (an MP4 'ftyp' box) with random bytes after it.
SOURCE=$WORK/festival.mp4
python3 - "$SOURCE" "$SIZE_MIB" <<'EOF'
import os, sys
with open(sys.argv[1], "wb") as f:
    f.write(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
    chunk = os.urandom(1 << 20)
    for _ in range(int(sys.argv[2])):
        f.write(chunk)
EOF
BYTES=$(stat -c %s "$SOURCE")

DB=$WORK/amity.db
"$AMITY" demo --db "$DB" >/dev/null 2>&1
"$AMITY" user add --db "$DB" --email bench@amity.test --role admin >/dev/null 2>&1
TOKEN=$("$AMITY" token add --db "$DB" --email bench@amity.test --name bench 2>/dev/null | tail -n 1)
AUTH="Authorization: Bearer $TOKEN"
COMMITMENT=$(sqlite3 "$DB" "SELECT id FROM commitments LIMIT 1")
PORT=$(shuf -i 20000-59999 -n 1)
AMITY_MAX_FILE_MIB=$((SIZE_MIB * 2)) "$AMITY" serve --db "$DB" --listen "127.0.0.1:$PORT" \
  >"$WORK/server.log" 2>"$WORK/server.err" &
PID=$!
for _ in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.05
done
URL=http://127.0.0.1:$PORT

b64() { printf '%s' "$1" | base64 -w0; }
METADATA="filename $(b64 festival.mp4),holder $(b64 commitments),holder_id $(b64 "$COMMITMENT")"

# Uploads $SOURCE once; prints the new file's id.
upload() {
  local location
  location=$(curl -sf -D - -o /dev/null -X POST -H "$AUTH" -H "Tus-Resumable: 1.0.0" \
    -H "Upload-Length: $BYTES" -H "Upload-Metadata: $METADATA" "$URL/api/v1/uploads" |
    tr -d '\r' | sed -n 's/^Location: //Ip')
  curl -sf -D - -o /dev/null -X PATCH -T "$SOURCE" -H "$AUTH" -H "Tus-Resumable: 1.0.0" \
    -H "Content-Type: application/offset+octet-stream" -H "Upload-Offset: 0" -H "Expect:" \
    "$URL$location" | tr -d '\r' | sed -n 's/^Amity-File-Id: //Ip'
}

seconds() { python3 -c 'import time; print(time.monotonic())'; }
elapsed() { python3 -c "print(round($2 - $1, 3))"; }

mkdir -p "$WORK/www"
cat >"$WORK/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx.err;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  server { listen 127.0.0.1:$((PORT + 1)); root $WORK/www; }
}
EOF

cp_s=() upload_s=() download_s=() nginx_s=()
FILE_ID=""
for round in $(seq 1 "$ROUNDS"); do
  start=$(seconds)
  cp "$SOURCE" "$WORK/copy" && sync "$WORK/copy"
  cp_s+=("$(elapsed "$start" "$(seconds)")")
  rm -f "$WORK/copy"

  start=$(seconds)
  FILE_ID=$(upload)
  upload_s+=("$(elapsed "$start" "$(seconds)")")
  [[ -n $FILE_ID ]] || { echo "files: the upload failed" >&2; tail -5 "$WORK/server.log" >&2; exit 1; }
done

SHA=$(curl -sf -H "$AUTH" "$URL/api/v1/files/$FILE_ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sha256"])')
# nginx's worker runs as another user: the same bytes, readable by it.
cp "$WORK/files/blobs/${SHA:0:2}/$SHA" "$WORK/www/festival.mp4"
chmod 755 "$WORK" "$WORK/www" && chmod 644 "$WORK/www/festival.mp4"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
sleep 0.5
for round in $(seq 1 "$ROUNDS"); do
  start=$(seconds)
  curl -sf -H "$AUTH" -o /dev/null "$URL/api/v1/files/$FILE_ID/content"
  download_s+=("$(elapsed "$start" "$(seconds)")")
  start=$(seconds)
  curl -sf -o /dev/null "http://127.0.0.1:$((PORT + 1))/festival.mp4"
  nginx_s+=("$(elapsed "$start" "$(seconds)")")
done

# Peak RSS above idle while $PARALLEL uploads run (the peak is reset after the idle reading).
idle_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status")
echo 5 >"/proc/$PID/clear_refs"
for _ in $(seq 1 "$PARALLEL"); do upload >/dev/null & done
wait $(jobs -p | grep -v "^$NGINX_PID$" | grep -v "^$PID$") 2>/dev/null || true
peak_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status")

mib_s() { python3 -c "print(round($BYTES / 1048576 / $1))"; }
cp_med=$(median "${cp_s[@]}") up_med=$(median "${upload_s[@]}")
down_med=$(median "${download_s[@]}") nginx_med=$(median "${nginx_s[@]}")
echo "file: $SIZE_MIB MiB; rounds: $ROUNDS"
echo "cp + sync:  ${cp_s[*]} s  median $cp_med s = $(mib_s "$cp_med") MiB/s"
echo "upload:     ${upload_s[*]} s  median $up_med s = $(mib_s "$up_med") MiB/s"
echo "upload / cp: $(python3 -c "print(round($cp_med / $up_med, 2))")x"
echo "nginx:      ${nginx_s[*]} s  median $nginx_med s = $(mib_s "$nginx_med") MiB/s"
echo "download:   ${download_s[*]} s  median $down_med s = $(mib_s "$down_med") MiB/s"
echo "download / nginx: $(python3 -c "print(round($nginx_med / $down_med, 2))")x"
echo "RSS idle $((idle_kib / 1024)) MiB, peak with $PARALLEL parallel uploads $((peak_kib / 1024)) MiB:" \
  "$(((peak_kib - idle_kib) / 1024)) MiB above idle"
