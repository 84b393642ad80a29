#!/usr/bin/env bash
# The B2B meetings scheduler (domain/b2b_schedule.h) on the fair — 300 exhibitors, 600
# buyers, 3,000 requests, 3 days of 24 20-minute slots — with 60 tables (capacity to spare) and
# 40 (2,880 table-slots: fewer than the requests), every request alike and priorities 1..5: time
# and requests met against first come, first served (RUNS runs each, medians), then GLPK's integer
# program of the same instance in the same run (LP relaxation, then branch-and-cut, each limited
# to GLPK_SECONDS, default 600; the process killed 120 s after that). One key=value line per case.
#
#   bench/scheduler.sh [BUILD_DIR] [RUNS]              RUNS per case (default 11)
#   GLPK_CASES="60:1" GLPK_SECONDS=60 bench/scheduler.sh   which TABLES:MAX_PRIORITY GLPK solves
set -euo pipefail
build=${1:-build/release}
runs=${2:-11}
glpk_seconds=${GLPK_SECONDS:-600}
cases="60:1 60:5 40:1 40:5"
glpk_cases=${GLPK_CASES:-$cases}
bench="$build/bench/amity_b2b_schedule_bench"
echo "# $(date -u +%FT%TZ) git $(git rev-parse --short HEAD) load $(cut -d' ' -f1-3 /proc/loadavg)"
for c in $cases; do
  "$bench" schedule "${c%%:*}" "${c##*:}" "$runs"
done
for c in $glpk_cases; do
  start=$(date +%s)
  set +e
  timeout --signal=KILL $((2 * glpk_seconds + 120)) "$bench" glpk "${c%%:*}" "${c##*:}" "$glpk_seconds"
  status=$?
  set -e
  if [ "$status" = 137 ]; then
    echo "glpk tables:priority=$c killed after $(($(date +%s) - start)) s"
  elif [ "$status" != 0 ]; then
    echo "glpk tables:priority=$c exited with status $status"
  fi
done
echo "# done $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
