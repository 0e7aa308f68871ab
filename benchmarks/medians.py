#!/usr/bin/env python3
"""Medians of a JMH run, from its JSON result file (-rf json -rff run.json).

    benchmarks/medians.py run.json

Prints, per benchmark, the median of all measurement iterations (every fork), the mean and error
JMH reports, the range, and the median of each fork; then gc.alloc.rate.norm (B/op) when the run
used -prof gc. On a shared machine the median is steadier than the mean that JMH's own table shows.
"""
import json
import statistics
import sys


def main(path):
    with open(path) as f:
        runs = json.load(f)
    print("# medians of the measurement iterations (all forks), from " + path)
    for run in runs:
        name = ".".join(run["benchmark"].split(".")[-2:])
        metric = run["primaryMetric"]
        forks = metric["rawData"]
        flat = [x for fork in forks for x in fork]
        per_fork = " ".join("%.1f" % statistics.median(fork) for fork in forks)
        print("%-42s median %10.1f mean %10.1f ± %8.1f %s  range %.1f-%.1f n=%d  forks: %s" % (
            name, statistics.median(flat), metric["score"], metric["scoreError"], metric["scoreUnit"],
            min(flat), max(flat), len(flat), per_fork))
        norm = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        if norm:
            print("%-42s B/op %s" % ("", " ".join(
                "%.0f" % statistics.median(fork) for fork in norm["rawData"])))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: benchmarks/medians.py run.json")
    main(sys.argv[1])
