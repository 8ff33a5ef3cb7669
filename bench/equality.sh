#!/usr/bin/env bash
# The equality proof of the fast engine over the whole exhaustive case space (221,184 consultations):
# each case's JSON report from reused sessions with the per-fact-set memo (first advice, then again from
# the memo) must be byte-identical to the report from a fresh session per evaluation and no memo.
# Prints the cases compared and every mismatch; exits 1 on any. SessionReuseEqualityTest runs a stride of
# about 60 cases of the same space in the test command.
#   bench/equality.sh [STRIDE] [THREADS]     (default: stride 1, i.e. every case, on 2 threads)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -Pbench -pl core -DskipTests -Dinvoker.skip test-compile exec:exec \
  -Dbench.main=dev.ragft.engine.SessionReuseEquality -Djmh.args="${1:-1} ${2:-2}"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
