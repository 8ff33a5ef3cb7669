#!/usr/bin/env bash
# The warm engine against its naive baseline (run-time DRL build, a fresh stateful session per
# evaluation, no memo), interleaved in one JVM with thread CPU time per operation (EngineAB), so a
# loaded machine hits both alike. Prints medians, ratios and the load average.
#   bench/engine-ab.sh [ROUNDS]      (default 10)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
exec mvn -B -q -Pbench -pl core -DskipTests -Dinvoker.skip test-compile exec:exec \
  -Dbench.main=dev.ragft.bench.EngineAB -Djmh.args="${1:-10}"
