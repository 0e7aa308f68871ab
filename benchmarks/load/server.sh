# Sourced by benchmarks/load.sh and benchmarks/profile.sh, from the project root: the jar, the pinned
# LoadServer, wrk phases, the server's CPU counters and the warm-up. Sets JAR, LOAD_DIR, PORT
# (LOAD_PORT, default 18080), LOAD_APP (hello or demo, default hello) and LOAD_FEATURES (core or all,
# default core; LoadServer reads both) and WORK,
# a scratch directory that goes, with the server, on exit. Exits 2 on a bad LOAD_PORT or LOAD_APP.

JAR=benchmarks/target/benchmarks.jar
LOAD_DIR="$PWD/benchmarks/load"; export LOAD_DIR
PORT=${LOAD_PORT:-18080}
if ! [[ "$PORT" =~ ^[1-9][0-9]{0,4}$ ]] || [ "$PORT" -gt 65535 ]; then
  echo "LOAD_PORT must be a port number, 1-65535, not '$PORT'" >&2; exit 2
fi
LOAD_APP=${LOAD_APP:-hello}; export LOAD_APP
case "$LOAD_APP" in
  hello | demo) ;;
  *) echo "LOAD_APP is hello or demo, not '$LOAD_APP'" >&2; exit 2 ;;
esac
LOAD_FEATURES=${LOAD_FEATURES:-core}; export LOAD_FEATURES
case "$LOAD_FEATURES" in
  core | all) ;;
  *) echo "LOAD_FEATURES is core or all, not '$LOAD_FEATURES'" >&2; exit 2 ;;
esac
WORK=$(mktemp -d)
trap '[ -z "${SERVER:-}" ] || stop_server; rm -rf "$WORK"' EXIT

# require_positive USAGE VALUE...: exits 2 with USAGE unless every VALUE is a positive integer.
require_positive() {
  local usage=$1 value; shift
  for value in "$@"; do
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $usage, positive integers" >&2; exit 2; }
  done
}

# prepare: wrk from Debian's packages when missing, and the jar built from the working tree; a stale
# jar would measure something else (LOAD_SKIP_BUILD=1 reuses it).
prepare() {
  if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
  if [ "${LOAD_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
    mvn -B -q -Dstyle.color=never -DskipTests package -pl benchmarks -am >&2
  fi
}

# The first two CPUs this shell may use (Cpus_allowed_list, e.g. "0-1" or "2,5-7").
allowed_cpus() {
  sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/self/status | tr ',' '\n' \
    | awk -F- '{for (c = $1; c <= ($2 == "" ? $1 : $2); c++) print c}' | head -2
}

# With two or more usable CPUs the server runs on the first and wrk on the second (taskset), so
# the load generator does not take the server's CPU in some phases and not in others.
SERVER_CPU=(); CLIENT_CPU=()
mapfile -t CPUS < <(allowed_cpus)
if [ "${#CPUS[@]}" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
  SERVER_CPU=(taskset -c "${CPUS[0]}"); CLIENT_CPU=(taskset -c "${CPUS[1]}")
fi

# start_server PORT DISTINCT [TLS_DIR]: starts LoadServer in the background (over HTTPS with a
# throwaway key it makes in TLS_DIR) and waits for it; sets SERVER (its pid) and exports LOAD_TOKEN.
# Pinned to one CPU, the JVM sizes itself as in a one-CPU container (the Serial collector, fewer
# compiler threads); its log's JVM line says what it chose. G1 there made every round noisier
# (2026-11-23).
start_server() {
  "${SERVER_CPU[@]}" java -Xmx512m -cp "$JAR" dev.storeauth.bench.load.LoadServer \
    "$1" "$WORK/tokens.txt" "$2" ${3:+"$3"} > "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do
    grep -q '^READY' "$WORK/server.log" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.2
  done
  grep -q '^READY' "$WORK/server.log" || { cat "$WORK/server.log"; echo "server did not start" >&2; return 1; }
  LOAD_TOKEN=$(sed -n 's/^READY token=//p' "$WORK/server.log"); export LOAD_TOKEN
}

# stop_server: stops the server start_server started and waits until it has gone, port and all.
stop_server() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
}

# cpu_snapshot FILE: each server thread's CPU nanoseconds so far (/proc/PID/task/*/schedstat).
cpu_snapshot() {
  for task in /proc/"$SERVER"/task/*; do
    echo "${task##*/} $(cut -d' ' -f1 "$task/schedstat" 2>/dev/null || echo gone)"
  done > "$1"
}
# cpu_since FILE: CPU nanoseconds the server's threads have used since cpu_snapshot FILE. Counted per
# thread, so a pool thread that retires in between takes only its own last moments with it (a plain
# sum over the live threads once went negative when one did).
cpu_since() {
  cpu_snapshot "$1.now"
  awk 'NR == FNR {before[$1] = $2; next} $2 != "gone" {s += $2 - ($1 in before ? before[$1] : 0)}
       END {printf "%.0f", s}' "$1" "$1.now"
}

# CPU nanoseconds the server's JIT compiler threads have used so far.
compiler_cpu_ns() {
  for task in /proc/"$SERVER"/task/*; do
    if grep -q '^C[12] CompilerThre' "$task/comm" 2>/dev/null; then cut -d' ' -f1 "$task/schedstat"; fi
  done | awk '{s += $1} END {printf "%.0f", s}'
}

# run SCRIPT URL: one wrk phase of PHASE_SECONDS; prints report.lua's key=value line.
run() {
  "${CLIENT_CPU[@]}" wrk -t1 -c16 -d"${PHASE_SECONDS}s" --latency -s "$LOAD_DIR/$1" "$2" \
    | grep '^RESULT' | sed 's/^RESULT //'
}

# warm_up URL...: the cache, and the JIT, which goes on recompiling Jetty's connection handling for
# ~20 s of traffic (per-thread CPU, 2026-11-23). Rounds of a 5 s phase per URL run until the
# compiler threads use under 1% of a round's time (at least 2 rounds, at most 12), so no measured
# phase pays for compiling. Prints one line saying how it went.
warm_up() {
  local rounds=0 compiled url
  while :; do
    compiled=$(compiler_cpu_ns)
    for url in "$@"; do PHASE_SECONDS=5 run valid.lua "$url" >/dev/null; done
    rounds=$((rounds + 1)); compiled=$(( ($(compiler_cpu_ns) - compiled) / 1000000 ))
    [ "$rounds" -ge 2 ] && [ "$compiled" -le $((50 * $#)) ] && break
    if [ "$rounds" -ge 12 ]; then echo "# warning: the JIT still compiled for ${compiled} ms in the last warm-up round"; break; fi
  done
  echo "# warm-up: $rounds rounds of 5 s per path; JIT compiler CPU in the last round ${compiled} ms"
}
