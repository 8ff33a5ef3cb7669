#!/usr/bin/env bash
# The equality proofs of the fast engine over the whole exhaustive case space (221,184 consultations):
# each case's JSON report must be byte-identical from the rules as written (every insertLogical) and from
# the rules compiled with plain inserts (both a fresh session per evaluation, no memo): the
# insert/insertLogical proof; and from the rules as written in fresh sessions and the fast engine (reused
# sessions, the memos with strategies kept by cost view, the cost views of the robustness check; first
# advice, then again from the memo): the pooled/fresh proof.
# Prints the cases compared and every mismatch; exits 1 on any. EngineEqualityTest runs a stride of
# about 60 cases of the same space in the test command.
#   bench/equality.sh [STRIDE] [THREADS]     (default: stride 1, i.e. every case, on 2 threads)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -Pbench -pl core -DskipTests -Dinvoker.skip test-compile exec:exec \
  -Dbench.main=dev.ragft.engine.EngineEquality -Djmh.args="${1:-1} ${2:-2}"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
