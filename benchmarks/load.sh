#!/usr/bin/env bash
# End-to-end load test of the servlet filter on loopback, with wrk.
#
#   benchmarks/load.sh [seconds-per-phase] [rounds]      (defaults 3 and 30)
#
# Starts dev.storeauth.bench.load.LoadServer (embedded Jetty 12: one servlet, unprotected at
# /open/loadstore/v3/catalog/products and behind StoreAuthFilter at /stores/loadstore/v3/catalog/products;
# both are sent the same valid token), then runs, in one go: open and protected phases interleaved
# over the rounds, in the order open-protected in odd rounds and protected-open in even ones, so a
# host that gets busier or quieter weighs on both alike; valid traffic during a flood of shape-invalid
# tokens; valid traffic during a flood of well-formed unknown tokens.
# With two or more usable CPUs the server runs on the first and wrk on the second (taskset), so
# the load generator does not take the server's CPU in some phases and not in others. The jar is
# rebuilt from the working tree first, and the header names the commit. Many short rounds rather
# than a few long ones: this host's speed drifts by ±10% from one phase to the next, and only the
# number of rounds narrows the median (30 rounds of 3 s: about four minutes in all).
# Prints requests/s, p50/p99, the server's CPU time per request (all its threads, from
# /proc/PID/task/*/schedstat), the protected/open ratios (per round and overall) and the store
# lookups each flood caused, and how long the JIT compiled during the measured rounds.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-3}
ROUNDS=${2:-30}
PORT=${LOAD_PORT:-18080}
DISTINCT=${LOAD_DISTINCT_TOKENS:-1000}
[[ "$SECONDS_PER_PHASE" =~ ^[1-9][0-9]*$ && "$ROUNDS" =~ ^[1-9][0-9]*$ ]] \
  || { echo "usage: benchmarks/load.sh [seconds-per-phase] [rounds], both positive integers" >&2; exit 2; }

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
JAR=benchmarks/target/benchmarks.jar
# Always the code of the working tree: a stale jar would measure something else (LOAD_SKIP_BUILD=1 to reuse it).
[ "${LOAD_SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ] || mvn -B -q -Dstyle.color=never -DskipTests package -pl benchmarks -am >&2

WORK=$(mktemp -d)
export LOAD_DIR="$PWD/benchmarks/load"
# The first two CPUs this shell may use (Cpus_allowed_list, e.g. "0-1" or "2,5-7").
allowed_cpus() {
  sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/self/status | tr ',' '\n' \
    | awk -F- '{for (c = $1; c <= ($2 == "" ? $1 : $2); c++) print c}' | head -2
}
SERVER_CPU=(); CLIENT_CPU=()
mapfile -t CPUS < <(allowed_cpus)
if [ "${#CPUS[@]}" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
  SERVER_CPU=(taskset -c "${CPUS[0]}"); CLIENT_CPU=(taskset -c "${CPUS[1]}")
fi
# Pinned to one CPU, the JVM sizes itself as in a one-CPU container (the Serial collector, fewer
# compiler threads); the header says what it chose. G1 there made every round noisier (2026-11-23).
"${SERVER_CPU[@]}" java -Xmx512m -cp "$JAR" dev.storeauth.bench.load.LoadServer \
  "$PORT" "$WORK/tokens.txt" "$DISTINCT" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  grep -q '^READY' "$WORK/server.log" 2>/dev/null && break
  sleep 0.2
done
grep -q '^READY' "$WORK/server.log" || { cat "$WORK/server.log"; echo "server did not start" >&2; exit 1; }
export LOAD_TOKEN=$(sed -n 's/^READY token=//p' "$WORK/server.log")
BASE="http://127.0.0.1:$PORT"
# The same servlet, path shape and headers (valid.lua sends the token to both): only the filter differs.
OPEN="$BASE/open/loadstore/v3/catalog/products"
API="$BASE/stores/loadstore/v3/catalog/products"

lookups() { curl -s "$BASE/open/stats" | sed -n 's/.*"store_lookups":\([0-9]*\).*/\1/p'; }
# CPU nanoseconds the server's threads have used so far.
server_cpu_ns() { cat /proc/"$SERVER"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {printf "%.0f", s}'; }
# CPU nanoseconds the server's JIT compiler threads have used so far.
compiler_cpu_ns() {
  for task in /proc/"$SERVER"/task/*; do
    if grep -q '^C[12] CompilerThre' "$task/comm" 2>/dev/null; then cut -d' ' -f1 "$task/schedstat"; fi
  done | awk '{s += $1} END {printf "%.0f", s}'
}
run() {
  "${CLIENT_CPU[@]}" wrk -t1 -c16 -d"${PHASE_SECONDS:-$SECONDS_PER_PHASE}s" --latency -s "$LOAD_DIR/$1" "$2" \
    | grep '^RESULT' | sed 's/^RESULT //'
}
# One phase, with the server's CPU time per request (µs) appended. Fails on a phase that served
# nothing or answered anything but 2xx: such a phase would not measure the filter's cost.
phase() {
  local before after result requests
  before=$(server_cpu_ns); result=$(run valid.lua "$1"); after=$(server_cpu_ns)
  requests=$(echo "$result" | field requests)
  if [ -z "$requests" ] || [ "$requests" -eq 0 ] || [ "$(echo "$result" | field non2xx)" != 0 ] \
      || [ "$(echo "$result" | field errors)" != 0 ]; then
    echo "phase against $1 failed: ${result:-no result from wrk}" >&2; return 1
  fi
  echo "$result cpu_us_per_request=$(awk -v c=$((after - before)) -v r="$requests" 'BEGIN {printf "%.2f", c / 1000 / r}')"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }

echo "# storeauth load test, $(date -u +%FT%TZ), $(nproc) cores, ${SECONDS_PER_PHASE}s per phase, $ROUNDS rounds," \
  "server ${SERVER_CPU[*]:-not pinned} ($(sed -n 's/^JVM //p' "$WORK/server.log"))," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "jar built $(date -u -r "$JAR" +%FT%TZ)"
# Warm-up: the cache, and the JIT, which goes on recompiling Jetty's connection handling for ~20 s
# of traffic (per-thread CPU, 2026-11-23). Pairs of 5 s phases run until the compiler threads use
# under 1% of a pair's time (at least 2 pairs, at most 12), so no measured round pays for compiling.
pairs=0
while :; do
  compiled=$(compiler_cpu_ns)
  PHASE_SECONDS=5 run valid.lua "$API" >/dev/null; PHASE_SECONDS=5 run valid.lua "$OPEN" >/dev/null
  pairs=$((pairs + 1)); compiled=$(( ($(compiler_cpu_ns) - compiled) / 1000000 ))
  [ "$pairs" -ge 2 ] && [ "$compiled" -le 100 ] && break
  if [ "$pairs" -ge 12 ]; then echo "# warning: the JIT still compiled for ${compiled} ms in the last warm-up pair"; break; fi
done
echo "# warm-up: $pairs pairs of 5 s phases; JIT compiler CPU in the last pair ${compiled} ms"
compiled=$(compiler_cpu_ns)
: > "$WORK/open.txt"; : > "$WORK/protected.txt"; : > "$WORK/ratios.txt"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    o=$(phase "$OPEN"); p=$(phase "$API")
  else
    p=$(phase "$API"); o=$(phase "$OPEN")
  fi
  echo "round $round open:      $o"; echo "$o" >> "$WORK/open.txt"
  echo "round $round protected: $p"; echo "$p" >> "$WORK/protected.txt"
  ratio "$(echo "$p" | field rps)" "$(echo "$o" | field rps)" >> "$WORK/ratios.txt"; echo >> "$WORK/ratios.txt"
done
compiled=$(( ($(compiler_cpu_ns) - compiled) / 1000000 ))
open_rps=$(field rps < "$WORK/open.txt" | median)
prot_rps=$(field rps < "$WORK/protected.txt" | median)
open_cpu=$(field cpu_us_per_request < "$WORK/open.txt" | median)
prot_cpu=$(field cpu_us_per_request < "$WORK/protected.txt" | median)
echo "per-round ratios protected/open: $(tr '\n' ' ' < "$WORK/ratios.txt")"
echo "median rps open=$open_rps protected=$prot_rps ratio=$(ratio "$prot_rps" "$open_rps")" \
  "median-of-round-ratios=$(median < "$WORK/ratios.txt")"
echo "median p50_ms open=$(field p50_ms < "$WORK/open.txt" | median) protected=$(field p50_ms < "$WORK/protected.txt" | median)"
echo "median p99_ms open=$(field p99_ms < "$WORK/open.txt" | median) protected=$(field p99_ms < "$WORK/protected.txt" | median)"
echo "median server cpu_us_per_request open=$open_cpu protected=$prot_cpu ratio open/protected=$(ratio "$open_cpu" "$prot_cpu")"
echo "JIT compiler CPU during the measured rounds: ${compiled} ms"

for mode in shape distinct; do
  before=$(lookups)
  FLOOD_MODE=$mode FLOOD_TOKENS="$WORK/tokens.txt" run flood.lua "$API" > "$WORK/flood.txt" &
  flood=$!
  valid=$(run valid.lua "$API")
  wait $flood
  after=$(lookups)
  echo "flood $mode: invalid $(cat "$WORK/flood.txt") | valid during flood $valid | store lookups caused: $((after - before))"
done
if [ "$DISTINCT" -gt 0 ]; then
  echo "(distinct flood cycles $DISTINCT well-formed unknown tokens; negative-cache TTL 30 s)"
fi
