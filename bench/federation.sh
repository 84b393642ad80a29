#!/usr/bin/env bash
# Issue 22's sync benchmark: two real amity servers (İzmir with the demo data, Harbin empty)
# paired for the demo partnership, each reached by the other only through the impairment proxy
# (tests/impair_proxy.h: RTT_MS round trip, LOSS_PERMILLE loss; the kernel here has no netem).
#
#   bench/federation.sh                     RTT_MS=300 COMMITS=100 CHANGES=10000 FEW=20 LONG_S=60
#   ONLY=lag bench/federation.sh            one case: lag | many | few
# Prints one "RESULT" line per case:
#   lag             commit on İzmir (after its 201) → the record answers 200 on Harbin: p50, p99
#   partition_many  CHANGES changes (half on each side) made while partitioned; after healing:
#                   seconds until both hold all, bytes through both proxies and server CPU
#                   (user + system of both, /proc/PID/stat) per change
#   partition_few_short / partition_few_long
#                   FEW changes during a partition of ~0 s and of LONG_S s more: the cost after
#                   healing should depend on the changes, not on the partition's length
# Goals (issue 22): lag p99 <= 2 s at 300 ms RTT; 10,000 changes converge in <= 30 s.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${BENCH:-$ROOT/build/release/tests/federation_bench}
export RTT_MS=${RTT_MS:-300} COMMITS=${COMMITS:-100} CHANGES=${CHANGES:-10000}
export FEW=${FEW:-20} LONG_S=${LONG_S:-60} LOSS_PERMILLE=${LOSS_PERMILLE:-0}
case ${ONLY:-all} in
  lag) FILTER='*Lag*' ;;
  many) FILTER='*ManyChanges*' ;;
  few) FILTER='*FewChanges*' ;;
  all) FILTER='*' ;;
  *) echo "federation: ONLY is lag, many or few" >&2; exit 2 ;;
esac
[[ -x $BENCH ]] || { echo "federation: build $BENCH first (cmake --build --preset release)" >&2; exit 1; }
echo "federation: git $(git -C "$ROOT" rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$BENCH" --gtest_filter="FederationBench.$FILTER" | grep -E '^RESULT|FAILED|Failure' || true
