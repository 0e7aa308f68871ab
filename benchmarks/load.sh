#!/usr/bin/env bash
# End-to-end load test of the servlet filter on loopback, with wrk.
#
#   benchmarks/load.sh [seconds-per-phase]      (default 10)
#
# Starts dev.storeauth.bench.load.LoadServer (embedded Jetty 12: one servlet, unprotected at
# /open/loadstore/v3/catalog/products and behind StoreAuthFilter at /stores/loadstore/v3/catalog/products;
# both are sent the same valid token), then runs, in one go: open and protected phases interleaved
# five times; valid traffic during a flood of shape-invalid tokens; valid traffic during a flood of
# well-formed unknown tokens. Prints
# requests/s, p50/p99, the protected/open ratio and the store lookups each flood caused.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-10}
PORT=${LOAD_PORT:-18080}
DISTINCT=${LOAD_DISTINCT_TOKENS:-1000}

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package -pl benchmarks -am

WORK=$(mktemp -d)
export LOAD_DIR="$PWD/benchmarks/load"
java -Xmx512m -cp "$JAR" dev.storeauth.bench.load.LoadServer "$PORT" "$WORK/tokens.txt" "$DISTINCT" \
  > "$WORK/server.log" 2>&1 &
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
run() { wrk -t1 -c16 -d"${SECONDS_PER_PHASE}s" --latency -s "$LOAD_DIR/$1" "$2" | grep '^RESULT' | sed 's/^RESULT //'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "# storeauth load test, $(date -u +%FT%TZ), $(nproc) cores, ${SECONDS_PER_PHASE}s per phase"
run valid.lua "$API" >/dev/null   # warm-up: JIT and the cache
: > "$WORK/open.txt"; : > "$WORK/protected.txt"
for round in 1 2 3 4 5; do
  o=$(run valid.lua "$OPEN"); p=$(run valid.lua "$API")
  echo "round $round open:      $o"; echo "$o" >> "$WORK/open.txt"
  echo "round $round protected: $p"; echo "$p" >> "$WORK/protected.txt"
done
open_rps=$(field rps < "$WORK/open.txt" | median)
prot_rps=$(field rps < "$WORK/protected.txt" | median)
echo "median rps open=$open_rps protected=$prot_rps ratio=$(awk -v a="$prot_rps" -v b="$open_rps" 'BEGIN{printf "%.3f", a/b}')"
echo "median p50_ms open=$(field p50_ms < "$WORK/open.txt" | median) protected=$(field p50_ms < "$WORK/protected.txt" | median)"
echo "median p99_ms open=$(field p99_ms < "$WORK/open.txt" | median) protected=$(field p99_ms < "$WORK/protected.txt" | median)"

for mode in shape distinct; do
  before=$(lookups)
  FLOOD_MODE=$mode FLOOD_TOKENS="$WORK/tokens.txt" run flood.lua "$API" > "$WORK/flood.txt" &
  flood=$!
  valid=$(run valid.lua "$API")
  wait $flood
  after=$(lookups)
  echo "flood $mode: invalid $(cat "$WORK/flood.txt") | valid during flood $valid | store lookups caused: $((after - before))"
done
[ "$DISTINCT" -gt 0 ] && echo "(distinct flood cycles $DISTINCT well-formed unknown tokens; negative-cache TTL 30 s)"
