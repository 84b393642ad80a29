#!/usr/bin/env bash
# Installs the Debian packages Amity builds, tests and benchmarks with, skipping those already
# present. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  # build
  g++ make cmake pkg-config
  # C++ libraries
  libboost-json1.81-dev libboost1.81-dev
  libsqlite3-dev libhowardhinnant-date-dev tzdata libgtest-dev libcurl4-openssl-dev
  libsodium-dev libmimalloc-dev
  # federation tests: a server whose clock runs ten minutes ahead (LD_PRELOAD)
  libfaketime
  # files kept with records: type sniffing (and its database), SHA-256 on the CPU's instructions
  libmagic-dev libmagic-mgc libssl-dev
  # backups of the database with its files: tar archives
  libarchive-dev
  # documents and drawings (the demo's files, the council report's PDF): Cairo and Pango, with
  # Latin and Chinese fonts embedded in the PDF; poppler-utils reads the PDF back in the tests
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-noto-core fonts-noto-cjk poppler-utils
  # files' previews: thumbnails (libvips; poppler renders a PDF's first page) and documents' text
  # (poppler; libarchive reads Office/OpenDocument zips, libxml2 their XML)
  libvips-dev libpoppler-cpp-dev libxml2-dev
  # calendar feeds (iCalendar) and the independent parser the tests read them with
  libical-dev python3-icalendar
  # calendar feeds imported by a real client in the tests
  khal
  # exports: XLSX (libxlsxwriter) and the independent reader the tests and the benchmark use
  libxlsxwriter-dev python3-openpyxl
  # browser tests
  chromium
  # tools
  sqlite3 clang-format
  # the check of every API answer against the OpenAPI document (JSON Schema 2020-12)
  python3 python3-jsonschema
  # security tests: SQL injection scan, libFuzzer (clang and its runtime)
  sqlmap clang libclang-rt-dev
  # Chinese glyphs for browser screenshots
  fonts-noto-cjk
  # the Debian package (make deb) and its test: CPack's dpkg-shlibdeps needs dpkg-dev and file;
  # lintian; systemd-analyze; adduser, curl for the installed service
  dpkg-dev file lintian systemd adduser curl
  # the /metrics test parses with an independent Prometheus text parser
  python3-prometheus-client
  # the allocation's independent check and benchmark: GLPK's integer programs (tests/bench only)
  libglpk-dev
  # the e-mail alerts test sends to a real SMTP server on loopback, over STARTTLS and TLS with a
  # certificate openssl makes at run time
  python3-aiosmtpd openssl
)
if [ "${AMITY_BENCH_DEPS:-0}" = 1 ]; then packages+=(wrk nginx util-linux); fi
# The web UI build needs Node.js with npm; a machine may already have them from another source.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

echo "installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
