#!/usr/bin/env bash
# Time and peak RSS of the seat allocation (deferred acceptance, domain/allocation.h) for 1,000 /
# 20,000 / 200,000 applicants with 10 choices over 2,000 conditions, its growth with the number of
# choices (5 / 10 / 20 at 20,000 applicants), and GLPK's integer program on the same instances in
# the same run, each capped at GLPK_SECONDS of GLPK's search (default 600) and killed 120 s after
# that if it is still building or presolving. Every case runs in its own process, so a peak RSS
# is that case's. Results go to stdout, one key=value line per case.
#
#   bench/allocation.sh [BUILD_DIR] [RUNS]        RUNS of deferred acceptance per case (default 21)
#   GLPK_SIZES="1000 20000" bench/allocation.sh   which sizes GLPK is tried on (default all three)
set -euo pipefail
build=${1:-build/release}
runs=${2:-21}
glpk_seconds=${GLPK_SECONDS:-600}
glpk_sizes=${GLPK_SIZES:-1000 20000 200000}
bench="$build/bench/amity_allocation_bench"
echo "# $(date -u +%FT%TZ) git $(git rev-parse --short HEAD) load $(cut -d' ' -f1-3 /proc/loadavg)"
for applicants in 1000 20000 200000; do
  "$bench" allocate "$applicants" 10 "$runs"
done
for choices in 5 20; do
  "$bench" allocate 20000 "$choices" "$runs"
done
for applicants in $glpk_sizes; do
  start=$(date +%s)
  set +e
  timeout --signal=KILL $((glpk_seconds + 120)) "$bench" glpk "$applicants" 10 "$glpk_seconds"
  status=$?
  set -e
  if [ "$status" = 137 ]; then
    echo "glpk applicants=$applicants killed after $(($(date +%s) - start)) s (limit ${glpk_seconds} s + 120 s)"
  elif [ "$status" != 0 ]; then
    echo "glpk applicants=$applicants exited with status $status"
  fi
done
echo "# done $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
