#!/usr/bin/env bash
# The Debian package as a city's IT department meets it: built with CPack from this build,
# inspected (dpkg-deb, lintian), installed with dpkg -i, its units checked (systemd-analyze
# verify, security exposure), the binary started the way amity.service starts it (as the amity
# user, with /etc/amity/amity.env) and reached at /healthz, the backup script run, then removed
# (data and settings stay) and purged (both go).
#
# Installs on this machine, so it needs root and no amity package already installed; it exits 77
# (skipped) otherwise. Works without systemd as PID 1: nothing here asks systemd to start units.
#
# usage: deb_test.sh BUILD_DIR VERSION
set -euo pipefail

build=$1
version=$2
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: installs a package, needs root"
  exit 77
fi
if dpkg-query -W -f='${Status}' amity 2>/dev/null | grep -q installed; then
  echo "SKIP: an amity package is already installed here; not touching it"
  exit 77
fi

work=$(mktemp -d)
server=""
fail() {
  echo "FAIL: $*"
  exit 1
}
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  if dpkg-query -W -f='${Status}' amity 2>/dev/null | grep -q 'ok'; then
    dpkg -P amity >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack"; }
deb="$work/amity_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $deb (got: $(ls "$work"))"

echo "== contents"
dpkg-deb --contents "$deb" | tee "$work/contents"
for path in ./usr/bin/amity ./usr/share/man/man1/amity.1.gz ./etc/amity/amity.env \
  ./lib/systemd/system/amity.service ./lib/systemd/system/amity-backup.service \
  ./lib/systemd/system/amity-backup.timer ./usr/lib/amity/amity-backup \
  ./usr/share/doc/amity/copyright ./usr/share/doc/amity/changelog.gz \
  ./usr/share/doc/amity/third-party-notices.txt.gz; do
  grep -q " $path\$" "$work/contents" || fail "$path is not in the package"
done
grep -q -- '-rw------- root/root .* ./etc/amity/amity.env$' "$work/contents" ||
  fail "amity.env is not 0600 root"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libc6 libsqlite3-0 libsodium23 libcurl4 adduser; do
  [[ "$depends" == *"$library"* ]] || fail "Depends lacks $library"
done
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/amity/amity.env "$work/control/conffiles" || fail "amity.env is not a conffile"

echo "== lintian"
lintian --fail-on error --no-tag-display-limit "$deb" || fail "lintian reports errors"

echo "== install"
dpkg -i "$deb"
getent passwd amity >/dev/null || fail "no amity user"
[ "$(stat -c '%U %a' /var/lib/amity)" = "amity 700" ] || fail "/var/lib/amity is not amity's, 0700"
# Every setting `amity --help` names is in the environment file.
for variable in $(/usr/bin/amity --help | grep -oE 'AMITY_[A-Z_]+' | sort -u); do
  grep -qE "^#?$variable=" /etc/amity/amity.env || fail "amity.env lacks $variable"
done

echo "== units"
units=(/lib/systemd/system/amity.service /lib/systemd/system/amity-backup.service
  /lib/systemd/system/amity-backup.timer)
systemd-analyze verify "${units[@]}" || fail "systemd-analyze verify"
for unit in amity.service amity-backup.service; do
  exposure=$(systemd-analyze security --offline=true "/lib/systemd/system/$unit" 2>&1 |
    sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
  echo "$unit exposure: $exposure"
  [ -n "$exposure" ] || fail "no exposure level for $unit"
  awk -v e="$exposure" 'BEGIN { exit !(e <= 2.0) }' || fail "$unit exposure $exposure > 2.0"
done
grep -qx 'ExecStart=/usr/bin/amity serve' /lib/systemd/system/amity.service ||
  fail "amity.service does not run amity serve"

echo "== start as amity.service does"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# EnvironmentFile=, User=/Group=, WorkingDirectory=, UMask= and NoNewPrivileges= of the unit.
mapfile -t environment < <(grep -E '^[A-Z_]+=' /etc/amity/amity.env)
(cd /var/lib/amity && umask 0077 &&
  exec setpriv --reuid=amity --regid=amity --init-groups --no-new-privs \
    env -i PATH=/usr/bin:/bin "${environment[@]}" AMITY_LISTEN="127.0.0.1:$port" \
    /usr/bin/amity serve) >"$work/server.out" 2>"$work/server.err" &
server=$!
for _ in $(seq 100); do
  if curl -sf "http://127.0.0.1:$port/healthz" >"$work/healthz"; then break; fi
  sleep 0.1
done
cat "$work/server.err"
grep -q '"status"' "$work/healthz" || fail "/healthz did not answer"
echo "healthz: $(cat "$work/healthz")"
[ "$(stat -c '%U %a' /var/lib/amity/amity.db)" = "amity 600" ] || fail "amity.db not amity's 0600"
password_file=/var/lib/amity/initial-admin-password
[ "$(stat -c '%U %a' "$password_file")" = "amity 600" ] || fail "$password_file not 0600"
password=$(cat "$password_file")
[ ${#password} -ge 16 ] || fail "the first password is too short"
if grep -qF "$password" "$work/server.err" "$work/server.out"; then
  fail "the first password was printed"
fi

echo "== backups (keep 2)"
for _ in 1 2 3; do
  setpriv --reuid=amity --regid=amity --init-groups --no-new-privs \
    env -i PATH=/usr/bin:/bin "${environment[@]}" AMITY_BACKUP_KEEP=2 /usr/lib/amity/amity-backup
  sleep 1.1
done
ls -l /var/lib/amity/backups
[ "$(ls /var/lib/amity/backups | grep -c '^amity-.*\.tar$')" = 2 ] || fail "not 2 backups kept"

kill "$server"
wait "$server" || true
server=""

echo "== remove: data and settings stay"
echo "# changed by the test" >>/etc/amity/amity.env
dpkg -r amity
[ ! -e /usr/bin/amity ] || fail "/usr/bin/amity stayed"
[ ! -e /lib/systemd/system/amity.service ] || fail "amity.service stayed"
[ -f /var/lib/amity/amity.db ] || fail "remove deleted the database"
grep -q "changed by the test" /etc/amity/amity.env || fail "remove lost the settings"

echo "== purge: both go"
dpkg -P amity
[ ! -e /var/lib/amity ] || fail "purge left /var/lib/amity"
[ ! -e /etc/amity ] || fail "purge left /etc/amity"
if dpkg-query -W amity >/dev/null 2>&1; then fail "amity is still known to dpkg"; fi
echo "PASS"
