#!/usr/bin/env bash
# JMH benchmark of the decision analysis (SPEC §7: the complete analysis ≤ 20 ms warm).
# Builds the benchmark behind the `bench` Maven profile (never part of `mvn verify`) and runs it from the
# repository root, where it reads the real rules/ and questionnaires/. Extra arguments go to JMH,
# e.g. `bench/analysis.sh -f 3`. The p0.50 line of each benchmark is the median.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests test-compile
mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main 'dev.ragft.bench.AnalysisBenchmark' "$@"
