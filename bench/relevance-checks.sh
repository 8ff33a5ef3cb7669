#!/usr/bin/env bash
# How long the adaptive console's relevance check takes after each answer (Relevance.check on the
# console's worker thread, one DecisionOracle shared across the consultation), whole consultation
# piped in RUNS times with RAGFT_DEBUG=1, which prints one "relevance check N ms" line per check.
# Prints, per answer position, the median over the runs, then the uptime load average.
# Only checks that ran are timed: before 4,096 or fewer combinations remain, Relevance does not try.
# Usage: bench/relevance-checks.sh [RUNS]   (default 5; builds the jar first if stale)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
"$home/ragft" --version >/dev/null   # build the jar now, outside the measurement
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The README's consultation: weekly knowledge, audit trail, 5,000 examples; the costs are then settled.
answers='weekly\n1\n\nwide\nskip\n10k\nlow\nno\nyes\nyes\n\n\n5000\nquit\n'
for i in $(seq 1 "$runs"); do
  printf "$answers" | RAGFT_DEBUG=1 "$home/ragft" --draft "$work/draft.json" 2>&1 >/dev/null \
    | grep 'relevance check' | nl -ba > "$work/run-$i.txt"
done
for n in $(cut -f1 "$work/run-1.txt" | tr -d ' '); do
  times=$(for f in "$work"/run-*.txt; do awk -v n="$n" '$1 == n { print $5 }' "$f"; done | sort -g)
  count=$(echo "$times" | wc -l)
  median=$(echo "$times" | sed -n "$(( (count + 1) / 2 ))p")
  printf 'check %2d: median %8s ms over %d runs  (%s)\n' "$n" "$median" "$count" \
    "$(awk -v n="$n" '$1 == n { sub(/^.*ms, /, ""); print }' "$work/run-1.txt")"
done
uptime
