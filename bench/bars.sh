#!/usr/bin/env bash
# Every bar of issue 14 in one run, each beside its naive baseline: the same build with the naive engine
# (RAGFT_JAVA_OPTS=-Dragft.engine=naive: the DRL compiled at run time as written, no precompiled entry or
# cache, a new stateful session per evaluation, no memo), interleaved run by run (whole processes) or in
# the same JVM (JMH, the engine's benchmark classes), so that the load of a shared machine hits both
# alike. Prints one Markdown table, a row per bar: median, baseline median, ratio, command.
#
#   bench/bars.sh [RUNS]            (default 5)
#
# Rows and their baselines:
#   - warm advice, one thread (JMH EngineBenchmark: adviseNew/adviseRepeated against baselineAdvise*);
#   - warm analysis (JMH AnalysisBenchmark: wholeAnalysis against baselineWholeAnalysis);
#   - `ragft advise FILE` with the analysis and its peak RSS (naive: -Dragft.engine=naive, RAGFT_CDS=0);
#   - the batch of BATCH_LINES (default 100,000) lines, full reports and --summary (naive engine);
#   - Advisor.fromClasspath() to first advice in an outside JVM (bench/first-advice.sh: the jar with and
#     without its precompiled rules);
#   - first question on screen (bench/first-question.sh; baseline: the naive engine without the class
#     archive, RAGFT_CDS=0).
# RUNS is the number of timed runs of each short command; the batches run max(1, RUNS/2) times each.
# Needs GNU time (/usr/bin/time) for CPU and peak RSS; tmux for the first-question row (skipped without).
# Nothing here is a pass/fail check.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
lines="${BATCH_LINES:-100000}"
naive="-Dragft.engine=naive"
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "load average before: $(load); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
"$home/ragft" --version >/dev/null   # builds the jar, class archive and rules cache now, outside the timing
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
  RAGFT_CDS=0 RAGFT_JAVA_OPTS="$naive" timed "$work/advise-naive" "$home/ragft" advise --format json "$file"
done

# 2. The batches: full reports, --summary, and the naive engine's full reports, interleaved.
batch_runs=$(( runs / 2 > 0 ? runs / 2 : 1 ))
for _ in $(seq "$batch_runs"); do
  timed "$work/batch" "$home/ragft" advise --batch "$work/batch.jsonl"
  bytes_full=$(wc -c <"$work/out")
  timed "$work/summary" "$home/ragft" advise --batch --summary "$work/batch.jsonl"
  bytes_summary=$(wc -c <"$work/out")
  RAGFT_JAVA_OPTS="$naive" timed "$work/batch-naive" "$home/ragft" advise --batch "$work/batch.jsonl"
  bytes_naive=$(wc -c <"$work/out")
done

# 3. The engine in JMH (sample mode; p0.50 is the median), fast and naive benchmarks in one JVM.
jmh() { # regex -> "name median unit" lines from the JMH text result
  (cd "$home" && bench/engine.sh "$1" -f 1 -wi 3 -w 2s -i 5 -r 2s >"$work/jmh.log" 2>&1) || {
    echo "JMH failed:" >&2; tail -20 "$work/jmh.log" >&2; exit 1; }
  awk '/p0.50/ { split($1, n, ":"); sub(/.*\./, "", n[1]); print n[1], $(NF-1), $NF }' \
    "$home/core/target/jmh-result.txt"
}
jmh 'EngineBenchmark.(adviseRepeated|baselineAdviseRepeated|adviseNew|baselineAdviseNew)$' >"$work/engine"
jmh 'AnalysisBenchmark.(wholeAnalysis|baselineWholeAnalysis)$' >"$work/analysis"
pick() { awk -v n="$2" '$1 == n { print $2 }' "$1"; }
unit() { awk -v n="$2" '$1 == n { print $3 }' "$1"; }

# 4. Advisor.fromClasspath() to first advice, outside JVM, with and without the precompiled entry.
(cd "$home" && bench/first-advice.sh "$runs" >"$work/first-advice" 2>&1) || {
  echo "first-advice failed:" >&2; tail -20 "$work/first-advice" >&2; exit 1; }
# (Maven's colour codes may precede the script's lines, so the lines are matched anywhere.)
fa_with=$(awk '/with +precompiled/ && !/without/ { for (i = 1; i <= NF; i++) if ($i == "advice") print $(i + 1) }' \
  "$work/first-advice")
fa_without=$(awk '/without +precompiled/ { for (i = 1; i <= NF; i++) if ($i == "advice") print $(i + 1) }' \
  "$work/first-advice")

: >"$work/table"
jrow() { # what, file, fast name, naive name, command
  local f b
  f="$(pick "$2" "$3")"; b="$(pick "$2" "$4")"
  printf '| %s | %s %s | %s %s | %s | `%s` |\n' "$1" "$f" "$(unit "$2" "$3")" "$b" "$(unit "$2" "$4")" \
    "$(ratio "$f" "$b")" "$5" >>"$work/table"
}
jrow "warm advice, one thread, distinct consultations (JMH p0.50; bar <= 25 us)" "$work/engine" adviseNew \
  baselineAdviseNew "bench/engine.sh 'EngineBenchmark.(adviseNew|baselineAdviseNew)$'"
jrow "warm advice, one thread, 4 consultations repeated (JMH p0.50)" "$work/engine" adviseRepeated \
  baselineAdviseRepeated "bench/engine.sh 'EngineBenchmark.(adviseRepeated|baselineAdviseRepeated)$'"
jrow "warm analysis, flips and relevance (JMH p0.50; bar <= 5 ms)" "$work/analysis" wholeAnalysis \
  baselineWholeAnalysis "bench/engine.sh 'AnalysisBenchmark.(wholeAnalysis|baselineWholeAnalysis)$'"
row "\`ragft advise FILE\` with analysis, whole process (bar <= 0.6 s)" "$work/advise" 1 s "$work/advise-naive" \
  "./ragft advise --format json bench/small-company.json (naive: RAGFT_CDS=0 RAGFT_JAVA_OPTS=$naive)"
row "the same, CPU (user + system)" "$work/advise" 2 s "$work/advise-naive" "the same runs"
row "peak RSS of that CLI run (bar <= 160 MiB)" "$work/advise" 3 kB "$work/advise-naive" "the same runs, GNU time %M"
row "$lines-line batch, full reports, wall (bar <= 10 s)" "$work/batch" 1 s "$work/batch-naive" \
  "./ragft advise --batch FILE > /dev/null, FILE from bench/gen-batch.py $lines"
row "the same, CPU (user + system)" "$work/batch" 2 s "$work/batch-naive" "the same runs"
row "the same, peak RSS" "$work/batch" 3 kB "$work/batch-naive" "the same runs"
row "$lines-line batch, --summary, wall" "$work/summary" 1 s "$work/batch-naive" \
  "./ragft advise --batch --summary FILE (baseline: naive, full reports)"
printf '| %s | %s ms | %s ms | %s | `%s` |\n' \
  "Advisor.fromClasspath() to first advice, outside JVM (bar <= 1 s)" "$fa_with" "$fa_without" \
  "$(ratio "$fa_with" "$fa_without")" "bench/first-advice.sh $runs (baseline: the jar without its precompiled rules)" \
  >>"$work/table"
echo
echo "| bar | today (median) | baseline | ratio | command |"
echo "|---|---|---|---|---|"
cat "$work/table"
echo
echo "batch output: full $bytes_full bytes, --summary $bytes_summary bytes, naive $bytes_naive bytes"
echo "runs: advise $runs each; batches $batch_runs each; raw (wall cpu rss_kB):"
for f in advise advise-naive batch summary batch-naive; do
  [ -s "$work/$f" ] && echo "  $f: $(tr '\n' ';' <"$work/$f")"
done
echo "load average after: $(load)"

# 5. First question on screen (tmux), the naive set-up interleaved (its own script prints the medians).
if command -v tmux >/dev/null 2>&1 && [ "${SKIP_FIRST_QUESTION:-0}" != 1 ]; then
  echo
  echo "first question: bench/first-question.sh $((runs * 2 + 1)), then the same with RAGFT_CDS=0 RAGFT_JAVA_OPTS=$naive"
  "$home/bench/first-question.sh" $((runs * 2 + 1))
  RAGFT_CDS=0 RAGFT_JAVA_OPTS="$naive" "$home/bench/first-question.sh" $((runs * 2 + 1))
fi
