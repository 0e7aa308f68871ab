#!/usr/bin/env bash
# End-to-end load test of the servlet filter on loopback, with wrk.
#
#   benchmarks/load.sh [seconds-per-phase] [rounds-per-jvm] [jvms]     (defaults 3, 20 and 3)
#   LOAD_TLS=1 benchmarks/load.sh ...          the same over HTTPS, the filter requiring TLS
#   LOAD_APP=demo benchmarks/load.sh ...       the demo's store API (H2 page query, JSON) as the endpoint
#   LOAD_FEATURES=all benchmarks/load.sh ...   the filter with the failure throttle, a store quota and
#                                              the Micrometer observer on (default core: none of them)
#
# Starts dev.storeauth.bench.load.LoadServer (embedded Jetty 12: one servlet, unprotected at
# /open/loadstore/v3/catalog/products and behind StoreAuthFilter at /stores/loadstore/v3/catalog/products;
# both are sent the same valid token) in each of `jvms` fresh JVMs in turn, warms it up until its
# JIT is quiet, and runs open and protected phases interleaved over the rounds, open first in odd
# rounds and protected first in even ones, so a host that gets busier or quieter weighs on both
# alike. Then, against the last JVM: valid traffic during a flood of shape-invalid tokens, and
# during a flood of well-formed unknown tokens.
# Several JVMs because one JVM's figure says little: four single-JVM runs of 30 rounds gave 0.924
# to 0.973 (2026-11-23), as wide a spread as one run's own interval (each JVM settles its JIT and
# heap its own way, and the host drifts); the pooled interval covers all of it. Many short rounds
# rather than a few long ones: this host's speed drifts by ±10% from one phase to the next. The
# defaults take about ten minutes.
# With two or more usable CPUs the server runs on the first and wrk on the second (taskset), so
# the load generator does not take the server's CPU in some phases and not in others
# (load/server.sh, shared with profile.sh). The jar is rebuilt from the working tree first, and the
# header names the commit.
# Prints requests/s, p50/p99, the server's CPU time per request (all its threads, from
# /proc/PID/task/*/schedstat), the protected/open ratios (per round, per JVM and pooled, with a
# bootstrap interval from load/interval.py), the store lookups each flood caused, and how long the
# JIT compiled during each JVM's measured rounds.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-3}
ROUNDS=${2:-20}
JVMS=${3:-3}
DISTINCT=${LOAD_DISTINCT_TOKENS:-1000}
PHASE_SECONDS=$SECONDS_PER_PHASE
# shellcheck source=load/server.sh
. benchmarks/load/server.sh
require_positive "benchmarks/load.sh [seconds-per-phase] [rounds-per-jvm] [jvms]" "$SECONDS_PER_PHASE" "$ROUNDS" "$JVMS"
[[ "$DISTINCT" =~ ^(0|[1-9][0-9]*)$ ]] || { echo "LOAD_DISTINCT_TOKENS must be 0 or more, not '$DISTINCT'" >&2; exit 2; }
prepare
if [ "${LOAD_TLS:-0}" = 1 ]; then
  TLS_DIR="$WORK/tls"; mkdir "$TLS_DIR"; SCHEME=https; TRANSPORT="HTTPS, TLS required by the filter"
else
  TLS_DIR=""; SCHEME=http; TRANSPORT="plain HTTP, TLS not required"
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
  cpu_snapshot "$WORK/cpu"; result=$(run valid.lua "$1" || true); used=$(cpu_since "$WORK/cpu")
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
# medians FIELD: the median of FIELD over all open phases and over all protected ones.
medians() {
  local o p
  o=$(field "$1" < "$WORK/open.txt" | median); p=$(field "$1" < "$WORK/protected.txt" | median)
  echo "open=$o protected=$p"
}

# jvm N: a fresh server, warmed up until its JIT is quiet, then ROUNDS rounds of an open and a
# protected phase, open first in odd rounds; phases go to open.txt and protected.txt tagged jvm=N.
jvm() {
  local round o p compiled warmed summary
  start_server "$PORT" "$DISTINCT" "$TLS_DIR"
  warmed=$(warm_up "$API" "$OPEN")
  echo "# jvm $1: $(sed -n 's/^JVM //p' "$WORK/server.log"); ${warmed#\# }"
  compiled=$(compiler_cpu_ns)
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then
      o=$(phase "$OPEN"); p=$(phase "$API")
    else
      p=$(phase "$API"); o=$(phase "$OPEN")
    fi
    echo "jvm $1 round $round open:      $o"; echo "jvm=$1 $o" >> "$WORK/open.txt"
    echo "jvm $1 round $round protected: $p"; echo "jvm=$1 $p" >> "$WORK/protected.txt"
    echo "jvm=$1 $(ratio "$(echo "$p" | field rps)" "$(echo "$o" | field rps)")" >> "$WORK/ratios.txt"
  done
  grep "^jvm=$1 " "$WORK/open.txt" > "$WORK/open.jvm"; grep "^jvm=$1 " "$WORK/protected.txt" > "$WORK/protected.jvm"
  summary=$(python3 "$LOAD_DIR/interval.py" "$WORK/open.jvm" "$WORK/protected.jvm")
  compiled=$(( ($(compiler_cpu_ns) - compiled) / 1000000 ))
  echo "# jvm $1: protected/open $(echo "$summary" | cut -d' ' -f1-2); JIT compiler CPU during its rounds $compiled ms"
}

echo "# storeauth load test, $(date -u +%FT%TZ), app $LOAD_APP, features $LOAD_FEATURES, $TRANSPORT, $(nproc) cores, ${SECONDS_PER_PHASE}s per phase," \
  "$ROUNDS rounds in each of $JVMS JVMs, server ${SERVER_CPU[*]:-not pinned}," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), jar built $(date -u -r "$JAR" +%FT%TZ)"
: > "$WORK/open.txt"; : > "$WORK/protected.txt"; : > "$WORK/ratios.txt"
for n in $(seq 1 "$JVMS"); do
  [ "$n" -eq 1 ] || stop_server
  jvm "$n"
done
echo "per-round ratios protected/open: $(cut -d' ' -f2 "$WORK/ratios.txt" | tr '\n' ' ')"
# The headline: each JVM's ratio of medians, pooled, with an interval that resamples JVMs and then
# rounds, so that it covers how JVMs differ as well as how rounds do.
pooled=$(python3 "$LOAD_DIR/interval.py" "$WORK/open.txt" "$WORK/protected.txt")
echo "protected/open, ratio of medians pooled over the JVMs with a 95% bootstrap interval: $pooled"
echo "over all rounds: median rps $(medians rps), median-of-round-ratios=$(cut -d' ' -f2 "$WORK/ratios.txt" | median)"
echo "median p50_ms $(medians p50_ms)"
echo "median p99_ms $(medians p99_ms)"
cpu=$(medians cpu_us_per_request)
echo "median server cpu_us_per_request $cpu ratio open/protected=$(ratio "$(echo "$cpu" | field open)" "$(echo "$cpu" | field protected)")"

# The floods, against the last JVM; the second only when there are distinct tokens to send.
modes=(shape); [ "$DISTINCT" -eq 0 ] || modes+=(distinct)
for mode in "${modes[@]}"; do
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
