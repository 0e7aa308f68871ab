#!/usr/bin/env bash
# Where the load server's CPU goes, open against protected, in steady state.
#
#   benchmarks/profile.sh [pairs] [seconds-per-phase]      (defaults 4 and 10)
#
# Starts LoadServer pinned as benchmarks/load.sh does, warms both paths up until the JIT is quiet,
# then profiles each phase on its own with async-profiler 3.0 (fetched from Maven Central into
# benchmarks/target/), attached to the running JVM so that no warm-up sample counts: open and
# protected alternate, `pairs` times. Writes collapsed stacks and wrk's results to
# benchmarks/target/profile/, then prints benchmarks/profile_share.py's summary: CPU samples (1 ms
# each) per 1,000 requests by where they were spent, and the filter's own work by callee.
# Linux x86-64 only. Profiling slows the server; compare the two paths, not absolute figures.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
PAIRS=${1:-4}
PHASE_SECONDS=${2:-10}
# shellcheck source=load/server.sh
. benchmarks/load/server.sh
require_positive "benchmarks/profile.sh [pairs] [seconds-per-phase]" "$PAIRS" "$PHASE_SECONDS"
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "benchmarks/profile.sh needs Linux on x86-64" >&2; exit 2; }
prepare
PROFILER=benchmarks/target/async-profiler/linux-x64/libasyncProfiler.so
if [ ! -f "$PROFILER" ]; then
  mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=tools.profiler:async-profiler:3.0 \
    -DoutputDirectory=benchmarks/target/async-profiler >&2
  unzip -qo benchmarks/target/async-profiler/async-profiler-3.0.jar 'linux-x64/*' -d benchmarks/target/async-profiler
fi
OUT=benchmarks/target/profile
rm -rf "$OUT"; mkdir -p "$OUT"

start_server "$PORT" 10
BASE="http://127.0.0.1:$PORT"
# jcmd parses name=value words itself, so the agent's options go in one quoted word.
agent() { jcmd "$SERVER" JVMTI.agent_load "$PWD/$PROFILER" "\"$1\"" > /dev/null; }

echo "# storeauth profile, $(date -u +%FT%TZ), ${PHASE_SECONDS}s per phase, $PAIRS pairs," \
  "server ${SERVER_CPU[*]:-not pinned} ($(sed -n 's/^JVM //p' "$WORK/server.log"))," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
warm_up "$BASE/stores/loadstore/v3/catalog/products" "$BASE/open/loadstore/v3/catalog/products"
for pair in $(seq 1 "$PAIRS"); do
  for path in open stores; do
    agent "start,event=cpu,interval=1ms"
    result=$(run valid.lua "$BASE/$path/loadstore/v3/catalog/products")
    agent "stop,file=$PWD/$OUT/$path-$pair.collapsed,collapsed"
    echo "$path $pair $result" | tee -a "$OUT/results.txt"
  done
done
python3 benchmarks/profile_share.py "$OUT"
