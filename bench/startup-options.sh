#!/usr/bin/env bash
# Compares the start-up options of the launcher, interleaved (round-robin) so that a busy machine
# slows every variant alike: plain (no CDS archive, no compiled-rules cache), cache only, CDS only, both.
#   bench/startup-options.sh [ROUNDS]      (default 7; prints the median wall time of each variant)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-7}"
file="$home/bench/small-company.json"
"$home/ragft" advise --format json "$file" >/dev/null   # builds jar, archive and cache if needed
declare -A env=(
  [plain]="RAGFT_CDS=0 RAGFT_JAVA_OPTS=-Dragft.cache=off"
  [cache-only]="RAGFT_CDS=0"
  [cds-only]="RAGFT_JAVA_OPTS=-Dragft.cache=off"
  [cds+cache]=""
)
declare -A times
for _ in $(seq "$rounds"); do
  for variant in plain cache-only cds-only cds+cache; do
    start=$(date +%s%N)
    env ${env[$variant]} "$home/ragft" advise --format json "$file" >/dev/null
    end=$(date +%s%N)
    times[$variant]+="$(( (end - start) / 1000000 )) "
  done
done
for variant in plain cache-only cds-only cds+cache; do
  sorted=($(printf '%s\n' ${times[$variant]} | sort -n)); n=${#sorted[@]}
  if (( n % 2 )); then ms=${sorted[n/2]}; else ms=$(( (sorted[n/2-1] + sorted[n/2]) / 2 )); fi
  printf '%-11s median %5d ms   runs: %s\n' "$variant" "$ms" "${times[$variant]}"
done
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
