# Shell functions the benchmark scripts share (sourced, not run).

# Parses one wrk --latency output: req/s, p50 ms, p99 ms, errors (socket errors + non-2xx/3xx),
# requests completed.
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
      if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    / requests in / { requests = $1 }
    END { printf "%.0f\t%.3f\t%.3f\t%d\t%d\n", rps, p50, p99, errors, requests }' "$1"
}

# The median of the numbers given as arguments ("nan" for none).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# An exit trap for the scripts that run one amity server in a temporary folder: stops the server
# $PID (SIGTERM, waited for) when it still runs, then removes the folder $WORK.
stop_server_and_remove_work() {
  if [[ -n ${PID:-} ]] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
