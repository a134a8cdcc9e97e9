#!/usr/bin/env bash
# End to end, side by side: the benchmark app's corsgen build with cors-runtime as it is in this
# checkout ("new") and as it was at an earlier commit ("old"), to see what a change to the request
# path costs. Both servers run at once on core 0, wrk on core 1, load to 127.0.0.1 only; slices
# alternate between the two in each round, and the median of the per-round ratios is printed.
#
#   benchmarks/tools/compare-runtime.sh <commit> [rounds] [seconds per slice]
#
# The generated Cors_ApiResource is compiled once, against this checkout's runtime, so the older
# runtime must offer the same org.corsgen.runtime.spi: 07ac178 or later (Builder.maxAge(int)).
# Needs what run.sh needs, and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

old_commit=${1:?usage: benchmarks/tools/compare-runtime.sh <commit> [rounds] [seconds]}
rounds=${2:-10}
seconds=${3:-4}
for tool in mvn java wrk taskset curl git; do
  command -v "$tool" >/dev/null || { echo "compare-runtime.sh: $tool is needed" >&2; exit 1; }
done

work=$(mktemp -d)
declare -A pid fd port
cleanup() {
  for who in "${!fd[@]}"; do eval "exec ${fd[$who]}>&-"; done
  for who in "${!pid[@]}"; do wait "${pid[$who]}" 2>/dev/null || true; done
  git worktree remove --force "$work/old" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
git worktree add -q --detach "$work/old" "$old_commit"
mvn -B -q -f "$work/old/pom.xml" -pl cors-runtime compile

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
runtime_jar="$PWD/cors-runtime/target/cors-runtime-0.1.0-SNAPSHOT.jar"
old_classpath="${classpath//$runtime_jar/$work/old/cors-runtime/target/classes}"
if [[ "$old_classpath" == "$classpath" ]]; then
  echo "compare-runtime.sh: $runtime_jar is not on the benchmark class path" >&2
  exit 1
fi

start() { # who, class path
  mkfifo "$work/$1.in"
  taskset -c 0 java -Xms256m -Xmx256m -XX:+UseSerialGC -cp "$2" \
    org.corsgen.bench.e2e.BenchServer corsgen <"$work/$1.in" >"$work/$1.out" 2>"$work/$1.err" &
  pid[$1]=$!
  local descriptor
  exec {descriptor}>"$work/$1.in"  # the server stops when this closes
  fd[$1]=$descriptor
  for _ in $(seq 100); do
    port[$1]=$(sed -n 's/^READY \([0-9]*\)$/\1/p' "$work/$1.out")
    [[ -n "${port[$1]}" ]] && return
    sleep 0.1
  done
  echo "compare-runtime.sh: the $1 server did not start:" >&2
  cat "$work/$1.err" >&2
  exit 1
}
start old "$old_classpath"
start new "$classpath"

cat >"$work/get.lua" <<'LUA'
wrk.method = "GET"
wrk.headers["Origin"] = "https://app.example.com"
LUA
cat >"$work/preflight.lua" <<'LUA'
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "https://app.example.com"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type,x-request-id"
LUA
for who in old new; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X OPTIONS "http://127.0.0.1:${port[$who]}/api" \
    -H 'Origin: https://app.example.com' -H 'Access-Control-Request-Method: PUT')
  [[ "$status" == 204 ]] || { echo "compare-runtime.sh: $who answered a preflight $status" >&2; exit 1; }
done

rps() { # port, script, seconds
  taskset -c 1 wrk -t1 -c8 -d"$3"s -s "$2" "http://127.0.0.1:$1/api" \
    | awk '/Requests\/sec/ {print $2}'
}
echo "old = $old_commit, new = $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with changes')"
for who in old new; do  # equal warm-ups
  rps "${port[$who]}" "$work/preflight.lua" 10 >/dev/null
  rps "${port[$who]}" "$work/get.lua" 10 >/dev/null
done
for round in $(seq "$rounds"); do
  order="old new"; (( round % 2 )) || order="new old"
  for kind in preflight get; do
    declare -A r=()
    for who in $order; do r[$who]=$(rps "${port[$who]}" "$work/$kind.lua" "$seconds"); done
    awk -v k="$kind" -v n="$round" -v o="${r[old]}" -v w="${r[new]}" \
      'BEGIN { printf "round %2d %-9s old %9.0f req/s  new %9.0f req/s  new/old %.3f\n", n, k, o, w, w / o }' \
      | tee -a "$work/rounds.txt"
  done
done
for kind in preflight get; do
  awk -v k="$kind" '$3 == k { print $NF }' "$work/rounds.txt" | sort -n | awk -v k="$kind" \
    '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
       printf "%-9s new/old throughput: median %.3f (%.3f-%.3f) over %d rounds\n", k, m, v[1], v[NR], NR }'
done
