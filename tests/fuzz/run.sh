#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz in a build directory of their own, build/fuzz (clang,
# AddressSanitizer + UndefinedBehaviorSanitizer; build/release and its g++ objects are not
# touched), then runs each target for FUZZ_SECONDS on a copy of its committed seed corpus.
# Exits non-zero when a target crashes, leaks, times out, runs out of memory or breaks one of
# its invariants; the input that did it is kept in build/fuzz/artifacts/<name>/.
#
#   tests/fuzz/run.sh                               # both targets, 60 s each
#   FUZZ_SECONDS=1800 tests/fuzz/run.sh             # longer
#   FUZZ_TARGETS=json_input tests/fuzz/run.sh       # one target
#   FUZZ_FLAGS="-use_value_profile=1" tests/fuzz/run.sh  # extra libFuzzer flags
#
# The corpus a run grows stays in build/fuzz/corpus/<name> (outside git) and is reused by the
# next run; the committed seeds in tests/fuzz/corpus/<name> are only read. See docs/TESTING.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-60}
read -r -a names <<<"${FUZZ_TARGETS:-json_input query_string}"
read -r -a extra_flags <<<"${FUZZ_FLAGS:-}"
build=build/fuzz

# clang and its libFuzzer runtime (Debian: clang, libclang-rt-dev), installed when missing.
missing=()
for package in clang libclang-rt-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "fuzz: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Libraries: instrumented for coverage without libFuzzer's main; the targets add it at link time
# (tests/fuzz/CMakeLists.txt). Every UB report is fatal, and the libstdc++ assertions catch an
# out-of-range index into a string_view, which AddressSanitizer cannot see inside a live buffer.
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
flags+=" -fno-sanitize-recover=all -D_GLIBCXX_ASSERTIONS"
start=$(date +%s)
mkdir -p "$build"
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE= -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_CXX_FLAGS="$flags" -DAMITY_FUZZ=ON -DAMITY_BUILD_UI=OFF -DAMITY_MIMALLOC=OFF >"$build/configure.log" 2>&1 ||
  {
    cat "$build/configure.log"
    exit 1
  }
cmake --build "$build" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${names[@]}")
echo "fuzz: configured and built in $(($(date +%s) - start)) s"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
passed=0
failed=0
for name in "${names[@]}"; do
  seeds=tests/fuzz/corpus/$name
  corpus=$build/corpus/$name
  artifacts=$build/artifacts/$name
  log=$build/$name.log
  mkdir -p "$corpus" "$artifacts"
  cp -a "$seeds/." "$corpus/"
  max_len=4096
  if [ "$name" = json_input ]; then max_len=16384; fi
  echo "fuzz: $name for ${seconds} s on a copy of $seeds ($(ls "$seeds" | wc -l) seeds)"
  # Run inside the build directory: whatever libFuzzer writes to its working directory (the
  # fuzz-N.log files of -jobs) stays there too.
  if (cd "$build" && "tests/fuzz/fuzz_$name" "corpus/$name" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -artifact_prefix="artifacts/$name/" \
    -print_final_stats=1 "${extra_flags[@]}") >"$log" 2>&1; then
    result=ok
    passed=$((passed + 1))
  else
    result=FAILED
    status=1
    failed=$((failed + 1))
    tail -n 80 "$log"
    echo "fuzz: reproduce with $build/tests/fuzz/fuzz_$name $artifacts/<file> (full log: $log)"
  fi
  # The last status line ("#N DONE cov: … ft: … corp: … exec/s: …") and the final statistics.
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  rate=$(grep -oE 'average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  echo "fuzz: $name $result: ${last:-no status line} (average ${rate:-?} exec/s)"
done
echo "fuzz: $( ((status == 0)) && echo "no crash" || echo "FAILED") in $(($(date +%s) - start)) s"
echo "fuzz: $passed passed, $failed failed"
exit $status
