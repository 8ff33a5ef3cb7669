#!/usr/bin/env bash
# Time to first question (target: within 0.3 s), whole process, on a real pseudo-terminal.
# Starts `./ragft` in a detached tmux pane RUNS times and polls the pane until the whole first question
# is on screen: its progress marker "[1/", its choices, and the input prompt after them ("... >"), which
# JLine draws once the terminal is ready for typing. Prints each time and the median, in milliseconds.
# The clock starts before `tmux new-session`, so pane creation and the launcher script are included.
#
# Usage: bench/first-question.sh [RUNS] [OTHER_CHECKOUT]
#   RUNS defaults to 11. With OTHER_CHECKOUT (another clone or worktree of ragft, e.g. one made with
#   `git worktree add /tmp/base HEAD~1`), runs alternate between the two so that both see the same
#   machine noise, and the ratio of the medians is printed.
# Needs tmux; builds the jars first if stale. RAGFT_JAVA_OPTS is passed to the launcher in the pane.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-11}"
other="${2:-}"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
homes=("$home")
if [ -n "$other" ]; then
  homes+=("$(cd "$other" && pwd)")
fi
for h in "${homes[@]}"; do
  "$h/ragft" --version >/dev/null   # build the jar now, outside the measurement
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints the milliseconds from launch to the first question of the ragft in checkout $1.
first_question_ms() {
  local session="ragft-bench-$$-$RANDOM" start end pane
  # The clock is bash's own ($EPOCHREALTIME) and the pane is matched in bash, so a poll forks only tmux
  # and sleep; and polling starts after 150 ms (no JVM shows a question sooner), since every poll is a tmux
  # client that takes CPU from the start it measures: polling from the first millisecond, with date and
  # awk forked too, added about 0.3 s on this 2-core VM, where a fork costs milliseconds.
  start=${EPOCHREALTIME/[.,]/}
  tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "env RAGFT_JAVA_OPTS='${RAGFT_JAVA_OPTS:-}' $1/ragft"
  sleep 0.15
  while :; do
    pane="$(tmux capture-pane -p -t "$session" 2>/dev/null)" || pane=""
    if [[ "$pane" =~ \[1/.*\>[[:space:]]*$ ]]; then
      end=${EPOCHREALTIME/[.,]/}
      break
    fi
    if (( ${EPOCHREALTIME/[.,]/} - start > 20000000 )); then
      echo "no question within 20 s from $1" >&2; tmux kill-session -t "$session"; exit 1
    fi
    sleep 0.01
  done
  tmux send-keys -t "$session" quit Enter
  sleep 0.3
  tmux kill-session -t "$session" 2>/dev/null || true
  sleep 0.5   # let the JVM's background rule compilation finish before the next run
  echo $(( (end - start) / 1000 ))
}

median() {
  local sorted
  sorted=($(printf '%s\n' "$@" | sort -n))
  echo "${sorted[$(( ${#sorted[@]} / 2 ))]}"
}

this=() that=()
for i in $(seq 1 "$runs"); do
  ms=$(first_question_ms "$home"); this+=("$ms")
  if [ -n "$other" ]; then
    other_ms=$(first_question_ms "${homes[1]}"); that+=("$other_ms")
    echo "run $i: ${ms} ms (other checkout: ${other_ms} ms)"
  else
    echo "run $i: ${ms} ms"
  fi
done
m=$(median "${this[@]}")
echo "median time to first question over $runs runs: ${m} ms"
if [ -n "$other" ]; then
  o=$(median "${that[@]}")
  echo "median for ${homes[1]}: ${o} ms; ratio this/other: $(awk -v a="$m" -v b="$o" 'BEGIN { printf "%.2f", a / b }')"
fi
