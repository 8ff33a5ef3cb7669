#!/usr/bin/env bash
# The long forms of checks the test command runs at a smaller size, to be run by hand or on a quiet
# machine before a release; each is the same test class with a larger count, so a failure reads the same.
#
#   bench/stress.sh
#
# - ConcurrentAdviceTest at 8 threads x 10,000 advices (the test command runs 8 x 1,000).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$SECONDS
mvn -o -q -pl core test -Dtest=ConcurrentAdviceTest -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip \
  -Dragft.concurrency.advices=10000
echo "ConcurrentAdviceTest, 8 x 10,000 advices: passed in $((SECONDS - start)) s"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
