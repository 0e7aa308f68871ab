#!/usr/bin/env bash
# End-to-end load test of the servlet filter on loopback, with wrk.
#
#   benchmarks/load.sh [seconds-per-phase] [rounds]      (defaults 3 and 30)
#   LOAD_TLS=1 benchmarks/load.sh ...                    the same over HTTPS, the filter requiring TLS
#
# Starts dev.storeauth.bench.load.LoadServer (embedded Jetty 12: one servlet, unprotected at
# /open/loadstore/v3/catalog/products and behind StoreAuthFilter at /stores/loadstore/v3/catalog/products;
# both are sent the same valid token), then runs, in one go: open and protected phases interleaved
# over the rounds, in the order open-protected in odd rounds and protected-open in even ones, so a
# host that gets busier or quieter weighs on both alike; valid traffic during a flood of shape-invalid
# tokens; valid traffic during a flood of well-formed unknown tokens.
# With two or more usable CPUs the server runs on the first and wrk on the second (taskset), so
# the load generator does not take the server's CPU in some phases and not in others
# (load/server.sh, shared with profile.sh). The jar is rebuilt from the working tree first, and the
# header names the commit. Many short rounds rather than a few long ones: this host's speed drifts
# by ±10% from one phase to the next, and only the number of rounds narrows the median (30 rounds
# of 3 s: about five minutes in all, with the warm-up).
# Prints requests/s, p50/p99, the server's CPU time per request (all its threads, from
# /proc/PID/task/*/schedstat), the protected/open ratios (per round and overall, with a bootstrap
# interval from load/interval.py), the store lookups each flood caused, and how long the JIT
# compiled during the measured rounds.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-3}
ROUNDS=${2:-30}
DISTINCT=${LOAD_DISTINCT_TOKENS:-1000}
PHASE_SECONDS=$SECONDS_PER_PHASE
# shellcheck source=load/server.sh
. benchmarks/load/server.sh
require_positive "benchmarks/load.sh [seconds-per-phase] [rounds]" "$SECONDS_PER_PHASE" "$ROUNDS"
prepare
if [ "${LOAD_TLS:-0}" = 1 ]; then
  make_keystore "$WORK/keystore.p12"
  start_server "$PORT" "$DISTINCT" "$WORK/keystore.p12"; SCHEME=https; TRANSPORT="HTTPS, TLS required by the filter"
else
  start_server "$PORT" "$DISTINCT"; SCHEME=http; TRANSPORT="plain HTTP, TLS not required"
fi
BASE="$SCHEME://127.0.0.1:$PORT"
# The same servlet, path shape and headers (valid.lua sends the token to both): only the filter differs.
OPEN="$BASE/open/loadstore/v3/catalog/products"
API="$BASE/stores/loadstore/v3/catalog/products"

lookups() { curl -sk "$BASE/open/stats" | sed -n 's/.*"store_lookups":\([0-9]*\).*/\1/p'; }
# One phase, with the server's CPU time per request (µs) appended. Fails on a phase that served
# nothing or answered anything but 2xx: such a phase would not measure the filter's cost.
phase() {
  local result requests used
  cpu_snapshot "$WORK/cpu"; result=$(run valid.lua "$1"); used=$(cpu_since "$WORK/cpu")
  requests=$(echo "$result" | field requests)
  if [ -z "$requests" ] || [ "$requests" -eq 0 ] || [ "$(echo "$result" | field non2xx)" != 0 ] \
      || [ "$(echo "$result" | field errors)" != 0 ]; then
    echo "phase against $1 failed: ${result:-no result from wrk}" >&2; return 1
  fi
  echo "$result cpu_us_per_request=$(awk -v c="$used" -v r="$requests" 'BEGIN {printf "%.2f", c / 1000 / r}')"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }

echo "# storeauth load test, $(date -u +%FT%TZ), $TRANSPORT, $(nproc) cores, ${SECONDS_PER_PHASE}s per phase, $ROUNDS rounds," \
  "server ${SERVER_CPU[*]:-not pinned} ($(sed -n 's/^JVM //p' "$WORK/server.log"))," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "jar built $(date -u -r "$JAR" +%FT%TZ)"
warm_up "$API" "$OPEN"
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
# How far the rounds let the ratio be trusted. It covers this JVM only: a run in another JVM can
# land outside it, as JIT decisions differ from one to the next (2026-11-23).
echo "ratio of medians with a 95% bootstrap interval over the rounds: $(python3 "$LOAD_DIR/interval.py" "$WORK/open.txt" "$WORK/protected.txt")"
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
