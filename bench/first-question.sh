#!/usr/bin/env bash
# Time to first question (SPEC §7: within 0.3 s), whole process, on a real pseudo-terminal.
# Starts `./ragft` in a detached tmux pane RUNS times and polls the pane until the first question's
# progress marker "[1/" is on screen; prints each time and the median, in seconds.
# The clock starts before `tmux new-session`, so pane creation and the launcher script are included.
# Usage: bench/first-question.sh [RUNS]   (default 11; needs tmux, and builds the jar first if stale)
# RAGFT_JAVA_OPTS is passed to the launcher inside the pane (e.g. to try a class-data-sharing archive).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-11}"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
"$home/ragft" --version >/dev/null   # build the jar now, outside the measurement
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
times=()
for i in $(seq 1 "$runs"); do
  session="ragft-bench-$$-$i"
  start=$(date +%s%N)
  tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "env RAGFT_JAVA_OPTS='${RAGFT_JAVA_OPTS:-}' $home/ragft"
  while :; do
    if tmux capture-pane -p -t "$session" 2>/dev/null | grep -q '\[1/'; then
      end=$(date +%s%N)
      break
    fi
    if (( ($(date +%s%N) - start) > 20000000000 )); then
      echo "run $i: no question within 20 s" >&2; tmux kill-session -t "$session"; exit 1
    fi
    sleep 0.01   # a busy poll would take one of the two cores from the JVM being measured
  done
  tmux send-keys -t "$session" quit Enter
  sleep 0.3
  tmux kill-session -t "$session" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
  sleep 0.5   # let the previous JVM's background rule compilation finish
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median time to first question over $runs runs: ${sorted[$(( runs / 2 ))]} ms"
