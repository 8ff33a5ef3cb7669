#!/usr/bin/env bash
# Advisor.fromClasspath() to first advice in an outside application (target: <= 1 s), whole process,
# with the ragft-core jar as built (precompiled packaged rules) against the same jar without its
# precompiled entry (what every start compiled before), alternating run by run so machine noise hits
# both alike. Prints, for each, the medians of: main -> advisor ready, main -> first advice, and the
# whole process (JVM start to exit), then their ratios and the load average. With --analysis, each
# run then analyses its advice too (the whole process includes it), and the medians of that first
# analysis's time and of its rule sessions are printed as well.
#   bench/first-advice.sh [RUNS] [--analysis]     (default 11 runs)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-11}"
analysis="${2:-}"
cd "$home"
work="$home/core/target/first-advice"
mkdir -p "$work"
mvn -B -q -pl core -Dmaven.test.skip=true -Dinvoker.skip package
jar="$(ls core/target/ragft-core-*.jar | grep -v -e tests -e sources | head -1)"
mvn -B -q -pl core org.codehaus.mojo:exec-maven-plugin:3.6.4:exec -Dexec.executable=echo \
  -Dexec.args='%classpath' -Dexec.classpathScope=runtime > "$work/cp.txt"
deps="$(tr ':' '\n' < "$work/cp.txt" | grep -v '/target/classes$' | paste -sd: -)"
cp "$jar" "$work/with.jar"
python3 - "$jar" "$work/without.jar" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        if "/packaged-rules." not in item.filename:
            dst.writestr(item, src.read(item.filename))
PY
javac -d "$work" -cp "$work/with.jar:$deps" bench/FirstAdvice.java
declare -A load advice whole analyzed sessions
for _ in $(seq "$runs"); do
  for variant in with without; do
    start=$(date +%s%N)
    out="$(java -XX:+UseSerialGC -cp "$work:$work/$variant.jar:$deps" FirstAdvice $analysis 2>/dev/null)"
    end=$(date +%s%N)
    read -r l a _ an ev <<< "$out"
    load[$variant]+="$l "; advice[$variant]+="$a "; whole[$variant]+="$(( (end - start) / 1000000 )) "
    analyzed[$variant]+="${an:-0} "; sessions[$variant]+="${ev:-0} "
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for variant in with without; do
  printf '%-8s precompiled entry: advisor ready %5d ms, first advice %5d ms, whole process %5d ms (medians of %d)\n' \
    "$variant" "$(median "${load[$variant]}")" "$(median "${advice[$variant]}")" "$(median "${whole[$variant]}")" "$runs"
  if [ -n "$analysis" ]; then
    printf '%-8s precompiled entry: then its analysis %5d ms, %d rule sessions (medians of %d)\n' \
      "$variant" "$(median "${analyzed[$variant]}")" "$(median "${sessions[$variant]}")" "$runs"
  fi
done
awk -v a="$(median "${advice[with]}")" -v b="$(median "${advice[without]}")" -v c="$(median "${whole[with]}")" \
  -v d="$(median "${whole[without]}")" 'BEGIN { printf "ratio with/without: first advice %.2f, whole process %.2f\n", a / b, c / d }'
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
