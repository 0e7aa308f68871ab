#!/usr/bin/env bash
# Fleets of FleetNode JVMs on one database, driven over HTTP from another JVM.
#
#   benchmarks/fleet.sh revocation [REVOKES] [KILL_AFTER]
#       four nodes on PostgreSQL database storeauth_fleet (dropped and created afresh), 20 warm-up
#       revokes, then REVOKES (default 100) measured; KILL_AFTER (default -1, none) terminates the
#       feed connections before that measured revoke
#   benchmarks/fleet.sh coldstart h2|postgresql [NODES] [RATE] [REPEATS] [ACCOUNTS]
#       ACCOUNTS (default 10,000) seeded, then NODES (default 1) started together with empty caches
#       and sent every token REPEATS (default 2) times at RATE (default 2,000) requests/s
#
# FLEET_LOOKUP_THREADS (default 8) sizes each node's cache lookup pool. FLEET_SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar. FLEET_PG (default
# 127.0.0.1:5432, user postgres) and FLEET_PORT (default 19001, then the next ones) move things.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
PG=${FLEET_PG:-127.0.0.1:5432}
BASE_PORT=${FLEET_PORT:-19001}
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ "${FLEET_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  mvn -B -q -Dstyle.color=never -DskipTests package -pl benchmarks -am >&2
fi
cp "$JAR" "$WORK/bench.jar"   # a rebuild meanwhile must not change the running nodes
run() { java -cp "$WORK/bench.jar" "$@"; }

fresh_postgres() {
  psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -d postgres -qAt \
    -c 'DROP DATABASE IF EXISTS storeauth_fleet WITH (FORCE)' -c 'CREATE DATABASE storeauth_fleet' >/dev/null
  URL="jdbc:postgresql://$PG/storeauth_fleet?user=postgres"
}

# start_nodes N: N FleetNode JVMs on $URL, ports BASE_PORT.., waiting until each serves; sets PORTS.
start_nodes() {
  PORTS=()
  local i port
  for ((i = 0; i < $1; i++)); do
    port=$((BASE_PORT + i))
    java -cp "$WORK/bench.jar" -Xms64m -Xmx256m dev.storeauth.bench.fleet.FleetNode "$port" "$URL" \
      >"$WORK/node-$port.log" 2>&1 &
    PIDS+=($!)
    PORTS+=("$port")
  done
  for port in "${PORTS[@]}"; do
    for ((i = 0; i < 600; i++)); do
      grep -q '^READY' "$WORK/node-$port.log" && break
      sleep 0.1
    done
    grep '^READY' "$WORK/node-$port.log" || { cat "$WORK/node-$port.log" >&2; exit 1; }
  done
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo '+dirty'), $(nproc) CPU(s), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
case "${1:-}" in
  revocation)
    revokes=${2:-100}; kill_after=${3:--1}; warmup=20
    fresh_postgres
    run dev.storeauth.bench.fleet.FleetSeed "$URL" $((warmup + revokes)) "$WORK/tokens.txt"
    start_nodes 4
    run dev.storeauth.bench.fleet.FleetRevocation "$WORK/tokens.txt" "$warmup" "$revokes" "$kill_after" "$URL" "${PORTS[@]}"
    grep -h 'lost its connection' "$WORK"/node-*.log | sed 's/^/node log: /' || true
    ;;
  coldstart)
    nodes=${3:-1}; rate=${4:-2000}; repeats=${5:-2}; accounts=${6:-10000}
    case "${2:-}" in
      postgresql) fresh_postgres ;;
      h2) URL="jdbc:h2:file:$WORK/fleet"; [ "$nodes" = 1 ] || URL="$URL;AUTO_SERVER=TRUE" ;;  # one file, several JVMs
      *) echo "usage: $0 coldstart h2|postgresql [NODES] [RATE] [REPEATS] [ACCOUNTS]" >&2; exit 2 ;;
    esac
    echo "database $2, $nodes node(s), $accounts accounts, each sent $repeats times at $rate requests/s"
    run dev.storeauth.bench.fleet.FleetSeed "$URL" "$accounts" "$WORK/tokens.txt"
    start_nodes "$nodes"
    run dev.storeauth.bench.fleet.ColdStart "$WORK/tokens.txt" "$rate" "$repeats" "${PORTS[@]}"
    ;;
  *) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
