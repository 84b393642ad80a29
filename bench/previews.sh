#!/usr/bin/env bash
# Time and peak RSS of the previews worker's work on one file: the thumbnail of a 20-megapixel
# JPEG and of a 100-page PDF (both generated here: libvips draws the photo, Cairo writes the
# PDF), that PDF's text, and the write transaction that indexes such text. Each case runs in its own process, RUNS times (default 5); the
# median and the peak RSS go to stdout. VIPS_CONCURRENCY is libvips' thread count (default: the
# cores).
#
#   bench/previews.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build/release}
runs=${2:-5}
bench="$build/bench/amity_previews_bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bench" generate "$work"
ls -l "$work"
"$bench" thumbnail "$work/photo-20mp.jpg" image/jpeg "$runs"
VIPS_CONCURRENCY=1 "$bench" thumbnail "$work/photo-20mp.jpg" image/jpeg "$runs" | sed 's/^/VIPS_CONCURRENCY=1 /'
"$bench" thumbnail "$work/photo-20mp.png" image/png "$runs"
"$bench" thumbnail "$work/report-100p.pdf" application/pdf "$runs"
"$bench" text "$work/report-100p.pdf" application/pdf "$runs"
# The worker's write transaction: the text stored and indexed (FTS5, search_terms, a merge step),
# for that PDF and for a text at the 1 MiB cap.
"$bench" index "$work/report-100p.pdf" application/pdf "$runs"
for i in $(seq 1 12000); do echo "Satır $i: Kemeraltı Çarşısı'nın tarihi hanları onarılıyor; 哈尔滨中央大街 保护 工程"; done > "$work/long.txt"
"$bench" index "$work/long.txt" text/plain "$runs"
