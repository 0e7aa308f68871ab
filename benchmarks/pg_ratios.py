#!/usr/bin/env python3
"""PgMissBenchmark's SampleTime JSON: each method's p50 and p99 by @Param size, then ours / floor at each
size, p50 over p50.

    benchmarks/pg_ratios.py run.json [run2.json ...]
"""
import json
import sys
from collections import defaultdict

PAIRS = [("oursByDigest", "floorByDigest"), ("oursByDigest", "floorByDigestUnion"),
         ("floorByDigestUnion", "floorByDigest"), ("oursByUsername", "floorByUsername")]

for path in sys.argv[1:]:
    print(f"== {path}")
    p50 = defaultdict(dict)
    for r in json.load(open(path)):
        size = int(r["params"]["size"])
        for name, m in [(r["benchmark"].rsplit(".", 1)[1], r["primaryMetric"])]:
            pct = m["scorePercentiles"]
            p50[size][name] = pct["50.0"]
            samples = sum(c for fork in m.get("rawDataHistogram", []) for it in fork for _, c in it)
            print(f"{name:20s} size {size:>9,d}: p50 {pct['50.0']:8.1f}  p99 {pct['99.0']:9.1f}"
                  f" {m['scoreUnit']}  ({samples:,d} samples)")
    for ours, floor in PAIRS:
        cells = [f"{size:,d}: {p50[size][ours] / p50[size][floor]:.3f}" for size in sorted(p50)
                 if ours in p50[size] and floor in p50[size]]
        print(f"{ours} / {floor}: " + ", ".join(cells))
