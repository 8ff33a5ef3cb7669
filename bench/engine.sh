#!/usr/bin/env bash
# Warm-engine benchmark (target: <= 25 µs median per advice on one thread), with JMH, in the Maven
# profile `bench` (never part of the default build).
#
#   bench/engine.sh                 # all benchmarks, 5 x 2 s warm-up, 5 x 2 s measurement, 1 fork
#   bench/engine.sh 'EngineBenchmark.advise' -wi 3 -i 3
#
# Arguments are passed to JMH (a benchmark regex first, then options). The medians are the p0.50 lines.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args="${*:--f 1 -wi 5 -w 2s -i 5 -r 2s}"
cd "$home"
exec mvn -B -q -Pbench -pl core -DskipTests -Dinvoker.skip test-compile exec:exec -Djmh.args="$args -rf text -rff core/target/jmh-result.txt"
