#!/usr/bin/env bash
# Whole-process timing of one `ragft advise` (target: median <= 0.8 s, peak RSS <= 160 MiB).
#
#   bench/advise.sh [RUNS] [-- ragft arguments...]
#   bench/advise.sh 20
#   bench/advise.sh 10 -- advise --format text bench/small-company.json
#
# Runs ./ragft once untimed (it builds the jar, the CDS archive and the compiled-rules cache when they
# are missing or stale), then RUNS timed runs (default 15). Uses hyperfine when it is installed, else a
# plain loop with date +%s%N; either way it prints the median wall time, and the peak resident set
# size of one more run (GNU time's "Maximum resident set size", else /proc polling is not attempted and
# the RSS line says so). Output of ragft goes to /dev/null; a failing run aborts the benchmark.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=15
if [ $# -gt 0 ] && [ "$1" != "--" ]; then runs="$1"; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
if [ $# -eq 0 ]; then set -- advise --format json "$home/bench/small-company.json"; fi

cmd=("$home/ragft" "$@")
printf 'command: %s\n' "${cmd[*]}"
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# Warm-up: builds whatever is stale; its output is checked so a broken setup is not timed.
if ! "${cmd[@]}" >/dev/null 2>"${TMPDIR:-/tmp}/ragft-bench-warmup.err"; then
  echo "the warm-up run failed:" >&2
  cat "${TMPDIR:-/tmp}/ragft-bench-warmup.err" >&2
  exit 1
fi

if command -v hyperfine >/dev/null 2>&1; then
  json="$(mktemp)"
  hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$json" -- "$(printf '%q ' "${cmd[@]}")" >&2
  median="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.3f" % r["median"])' "$json" 2>/dev/null \
    || grep -o '"median": *[0-9.]*' "$json" | head -1 | grep -o '[0-9.]*$')"
  rm -f "$json"
  echo "timer: hyperfine"
else
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "${cmd[@]}" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  n=${#sorted[@]}
  if (( n % 2 )); then ms=${sorted[n/2]}; else ms=$(( (sorted[n/2-1] + sorted[n/2]) / 2 )); fi
  median="$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  echo "timer: shell loop (date +%s%N); runs in ms: ${times[*]}"
  echo "min ${sorted[0]} ms, max ${sorted[n-1]} ms"
fi
echo "median wall time over $runs runs: ${median} s (target <= 0.8 s; ratio $(awk -v m="$median" 'BEGIN{printf "%.2f", m/0.8}'))"

if [ -x /usr/bin/time ]; then
  rss_kb="$(/usr/bin/time -v "${cmd[@]}" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/{print $2}')"
  echo "peak RSS of one run: $((rss_kb / 1024)) MiB (target <= 160 MiB; ratio $(awk -v k="$rss_kb" 'BEGIN{printf "%.2f", k/1024/160}'))"
else
  echo "peak RSS: /usr/bin/time not installed (apt-get install time)"
fi
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
