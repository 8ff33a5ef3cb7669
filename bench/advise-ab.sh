#!/usr/bin/env bash
# Whole-process `ragft advise` of this checkout against another one (e.g. an older commit checked out
# with `git worktree add /tmp/before COMMIT`), alternating run by run so that a machine whose speed
# drifts slows both alike. Prints both medians and their ratio.
#   bench/advise-ab.sh OTHER_CHECKOUT [RUNS] [-- ragft arguments...]   (default 15 runs of
#   `advise --format json bench/small-company.json`)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: bench/advise-ab.sh OTHER_CHECKOUT [RUNS] [-- ragft arguments...]" >&2; exit 2; }
other="$(cd "$1" && pwd)"; shift
runs=15
if [ $# -gt 0 ] && [ "$1" != "--" ]; then runs="$1"; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
if [ $# -eq 0 ]; then set -- advise --format json "$home/bench/small-company.json"; fi

for h in "$home" "$other"; do
  "$h/ragft" "$@" >/dev/null   # builds the jar, archive and rules cache of each, outside the timing
done
this=() that=()
for _ in $(seq 1 "$runs"); do
  for h in "$home" "$other"; do
    start=$(date +%s%N)
    "$h/ragft" "$@" >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$h" = "$home" ]; then this+=("$ms"); else that+=("$ms"); fi
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
m=$(median "${this[@]}"); o=$(median "${that[@]}")
echo "this checkout:  median ${m} ms over $runs runs"
echo "$other: median ${o} ms; ratio this/other: $(awk -v a="$m" -v b="$o" 'BEGIN { printf "%.2f", a / b }')"
