#!/usr/bin/env bash
# Runs every corsgen benchmark and writes benchmarks/RESULTS.md (see benchmarks/README.md).
#
#   benchmarks/run.sh                     all three parts, full durations (about 32 minutes)
#   QUICK=1 benchmarks/run.sh             shorter durations (about 12 minutes), listed in RESULTS.md
#   PARTS=jmh,e2e benchmarks/run.sh       only some parts: jmh, e2e, compile
#   BENCH_OPTS="-Dbench.e2e.rounds=6" ... any duration (names in RESULTS.md's "Durations")
#
# Needs JDK 17+, Maven, wrk and taskset (util-linux); installs Debian's wrk when it is missing and
# apt-get can (as root). Load goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null && command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
  echo "run.sh: installing Debian's wrk for the end-to-end part"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
for tool in mvn java wrk taskset timeout; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (wrk: apt-get install wrk)" >&2; exit 1; }
done

mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
processor_jar="cors-processor/target/cors-processor-0.1.0-SNAPSHOT.jar"

opts=()
if [[ -n "${QUICK:-}" ]]; then
  opts+=(-Dbench.jmh.forks=1 -Dbench.jmh.warmups=2 -Dbench.jmh.iterations=3
         -Dbench.e2e.rounds=6 -Dbench.e2e.warmup=20 -Dbench.e2e.measure=3
         -Dbench.compile.runs=2 -Dbench.compile.timedRuns=1 -Dbench.compile.profileRuns=1)
fi
# shellcheck disable=SC2206
opts+=(${BENCH_OPTS:-})

java "${opts[@]}" -cp "$classpath" org.corsgen.bench.Suite \
  benchmarks/RESULTS.md benchmarks/target/bench-work "$processor_jar" "${PARTS:-jmh,e2e,compile}"
