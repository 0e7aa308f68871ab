#!/bin/bash
# Paired A/B on a noisy 2-core host: A.jar and B.jar run at the same time, each pinned to its own core,
# so both see the same host load; cores swap every round. Each run measures ours and the floor in one
# JVM; compare the per-run ratio ours/floor.
#   benchmarks/ab_paired.sh A.jar B.jar ROUNDS OURS FLOOR
set -euo pipefail
a=$1; b=$2; rounds=${3:-4}; ours=${4:-oursOAuthHit1T}; floor=${5:-floorOAuth}
pattern="HitBenchmark.$ours\$|FloorBenchmark.$floor\$"
opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s -jvmArgs "-XX:ActiveProcessorCount=1")
tmp=$(mktemp -d)
ratio() { python3 - "$1" "$ours" "$floor" <<'PY'
import json, statistics, sys
r = {x["benchmark"].split(".")[-1]: statistics.median(v for f in x["primaryMetric"]["rawData"] for v in f)
     for x in json.load(open(sys.argv[1]))}
print("%.1f %.1f %.3f" % (r[sys.argv[2]], r[sys.argv[3]], r[sys.argv[2]] / r[sys.argv[3]]))
PY
}
for ((i = 1; i <= rounds; i++)); do
  ca=$(( i % 2 )); cb=$(( 1 - ca ))
  taskset -c $ca java -Djmh.ignoreLock=true -jar "$a" "$pattern" "${opts[@]}" -rf json -rff "$tmp/a.json" > /dev/null &
  taskset -c $cb java -Djmh.ignoreLock=true -jar "$b" "$pattern" "${opts[@]}" -rf json -rff "$tmp/b.json" > /dev/null &
  wait
  echo "round $i  A(cpu$ca) $(ratio "$tmp/a.json")  B(cpu$cb) $(ratio "$tmp/b.json")"
done
