#!/usr/bin/env bash
# CPU cost of two rules folders, compared in one JVM (alternating rounds, thread CPU time, medians).
# Use it to see what a rule edit costs per consultation:
#
#   cp -r rules /tmp/old-rules   # before the edit
#   bench/rules-ab.sh /tmp/old-rules rules
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -eq 2 ] || { echo "usage: bench/rules-ab.sh RULES_A RULES_B" >&2; exit 2; }
cd "$home"
mkdir -p target && mvn -B -q -pl core -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/ab-classpath.txt" >/dev/null
cp="core/target/classes:$(cat target/ab-classpath.txt)"
mkdir -p target/ab
javac -d target/ab -cp "$cp" bench/RulesAB.java
exec java -XX:+UseSerialGC -cp "target/ab:$cp" RulesAB "$1" "$2"
