#!/usr/bin/env bash
# The whole-process bars of issue 14, each beside a baseline measured in the same run, interleaved
# (this checkout, then the baseline, then this checkout again...) so that the load of a shared machine
# hits both alike. Prints one Markdown table row per bar: median, baseline median, ratio, command.
#
#   bench/bars.sh [RUNS] [BASELINE_CHECKOUT]
#   bench/bars.sh 5
#   mkdir /tmp/base && git archive 8856899 | tar -x -C /tmp/base && bench/bars.sh 5 /tmp/base
#
# RUNS (default 5) is the number of timed runs of each short command; the 100,000-line batches run
# max(1, RUNS/2) times each (about a minute apiece). Baselines:
#   - advise FILE and its peak RSS: the same ./ragft with the naive set-up, the DRL compiled at run time
#     (RAGFT_JAVA_OPTS=-Dragft.cache=off) and no class archive (RAGFT_CDS=0);
#   - the batches: BASELINE_CHECKOUT's ./ragft with the full report (another clone, worktree or
#     `git archive` of an earlier commit); without it the batch rows have no baseline;
#   - first question: bench/first-question.sh with BASELINE_CHECKOUT, interleaved the same way.
# Needs GNU time (/usr/bin/time) for CPU and peak RSS; tmux for the first-question row (skipped without).
# Set BATCH_LINES to measure a smaller batch (default 100000). Nothing here is a pass/fail check.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
base="${2:-}"
lines="${BATCH_LINES:-100000}"
[ -n "$base" ] && base="$(cd "$base" && pwd)"
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "load average before: $(load); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
for h in "$home" ${base:+"$base"}; do
  "$h/ragft" --version >/dev/null   # builds the jar, class archive and rules cache now, outside the timing
done
python3 "$home/bench/gen-batch.py" "$lines" > "$work/batch.jsonl"
file="$home/bench/small-company.json"

# Runs a command under GNU time; appends "wall user+sys maxrss_kb" to file $1. Its output goes to $work/out.
timed() {
  local into="$1"; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "failed: $*" >&2; tail -5 "$work/err" >&2; exit 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/time" >>"$into"
}
# The median of column $2 (1 wall, 2 cpu, 3 rss kB) of the file $1.
median() {
  sort -g -k"$2,$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
row() { # what, today file, col, unit, baseline file, command
  local today base_v="-" r="-"
  today="$(median "$2" "$3")"
  if [ -n "$5" ] && [ -s "$5" ]; then base_v="$(median "$5" "$3")"; r="$(ratio "$today" "$base_v")"; fi
  printf '| %s | %s %s | %s | %s | `%s` |\n' "$1" "$today" "$4" "$base_v" "$r" "$6" >>"$work/table"
}

# 1. ragft advise FILE with the analysis (the default), and its peak RSS; naive baseline interleaved.
for _ in $(seq "$runs"); do
  timed "$work/advise" "$home/ragft" advise --format json "$file"
  RAGFT_CDS=0 RAGFT_JAVA_OPTS=-Dragft.cache=off timed "$work/advise-naive" "$home/ragft" advise --format json "$file"
done

# 2. The batches: full reports, --summary, and the baseline checkout's full reports, interleaved.
batch_runs=$(( runs / 2 > 0 ? runs / 2 : 1 ))
for _ in $(seq "$batch_runs"); do
  timed "$work/batch" "$home/ragft" advise --batch "$work/batch.jsonl"
  bytes_full=$(wc -c <"$work/out")
  timed "$work/summary" "$home/ragft" advise --batch --summary "$work/batch.jsonl"
  bytes_summary=$(wc -c <"$work/out")
  if [ -n "$base" ]; then
    timed "$work/batch-base" "$base/ragft" advise --batch "$work/batch.jsonl"
    bytes_base=$(wc -c <"$work/out")
  fi
done

: >"$work/table"
row "\`ragft advise FILE\` with analysis, whole process (bar <= 0.6 s)" "$work/advise" 1 s "$work/advise-naive" \
  "bench/bars.sh $runs (naive: RAGFT_CDS=0 RAGFT_JAVA_OPTS=-Dragft.cache=off)"
row "the same, CPU (user + system)" "$work/advise" 2 s "$work/advise-naive" "bench/bars.sh $runs"
row "peak RSS of that CLI run (bar <= 160 MiB)" "$work/advise" 3 kB "$work/advise-naive" "bench/bars.sh $runs"
row "$lines-line batch, full reports, wall (bar <= 10 s)" "$work/batch" 1 s "${base:+$work/batch-base}" \
  "ragft advise --batch FILE > /dev/null"
row "the same, CPU (user + system)" "$work/batch" 2 s "${base:+$work/batch-base}" "ragft advise --batch FILE"
row "the same, peak RSS" "$work/batch" 3 kB "${base:+$work/batch-base}" "ragft advise --batch FILE"
row "$lines-line batch, --summary, wall" "$work/summary" 1 s "${base:+$work/batch-base}" \
  "ragft advise --batch --summary FILE (baseline: full reports)"
echo
echo "| bar | today (median) | baseline | ratio | command |"
echo "|---|---|---|---|---|"
cat "$work/table"
echo
echo "batch output: full $bytes_full bytes, --summary $bytes_summary bytes${base:+, baseline $bytes_base bytes}"
echo "runs: advise $runs each; batches $batch_runs each; raw (wall cpu rss_kB):"
for f in advise advise-naive batch summary batch-base; do
  [ -s "$work/$f" ] && echo "  $f: $(tr '\n' ';' <"$work/$f")"
done
echo "load average after: $(load)"

# 3. First question on screen (tmux), with the baseline checkout interleaved when given.
if command -v tmux >/dev/null 2>&1 && [ "${SKIP_FIRST_QUESTION:-0}" != 1 ]; then
  echo
  echo "first question: bench/first-question.sh $((runs * 2 + 1)) ${base}"
  "$home/bench/first-question.sh" $((runs * 2 + 1)) ${base:+"$base"}
fi
