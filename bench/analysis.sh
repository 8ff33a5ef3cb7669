#!/usr/bin/env bash
# JMH benchmark of the decision analysis (target: the complete analysis <= 20 ms warm), in the Maven
# profile `bench` (never part of `mvn verify`). Runs from the repository root, where it reads the real
# rules/ and questionnaires/. The p0.50 line of each benchmark is the median.
#
#   bench/analysis.sh                       # 5 x 2 s warm-up, 5 x 2 s measurement, 1 fork
#   bench/analysis.sh -f 3                  # extra arguments go to JMH
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/engine.sh" 'dev.ragft.bench.AnalysisBenchmark' "${@:--f 1 -wi 5 -w 2s -i 5 -r 2s}"
