#!/usr/bin/env python3
"""Interleaved A/B of two benchmark jars: is a change faster, relative to the floor, on a noisy host?

    benchmarks/ab.py A.jar B.jar [--rounds 4] [--ours oursOAuthHit1T] [--floor floorOAuth] [-- JMH options]

Each round runs both jars, in the order A B in odd rounds and B A in even ones, so that a host
getting busier or quieter during the run weighs on both alike. Every run measures our benchmark and
the floor in the same JVM, and the ratio ours / floor is taken inside that run: the floor absorbs
what the host does to both. Prints every run's medians and ratio, then each jar's median ratio.
The default JMH options are one fork of 3 warm-up and 5 measurement iterations of one second; JMH
options after "--" replace all of them. An even number of rounds gives each jar the first turn
equally often. A.jar and B.jar may be the same file (an A/A run shows the noise).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def run(jar, ours, floor, jmh_options):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "run.json")
        pattern = "HitBenchmark.%s$|FloorBenchmark.%s$" % (ours, floor)
        subprocess.run(["java", "-jar", jar, pattern, *jmh_options, "-rf", "json", "-rff", out],
                       check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            results = json.load(f)
    medians = {}
    for result in results:
        name = result["benchmark"].split(".")[-1]
        medians[name] = statistics.median(x for fork in result["primaryMetric"]["rawData"] for x in fork)
    return medians[ours], medians[floor]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--ours", default="oursOAuthHit1T")
    parser.add_argument("--floor", default="floorOAuth")
    parser.add_argument("jmh", nargs="*", default=["-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s"])
    args = parser.parse_args()
    jars = {"A": args.a, "B": args.b}
    ratios = {"A": [], "B": []}
    for round_number in range(1, args.rounds + 1):
        order = ("A", "B") if round_number % 2 else ("B", "A")
        for label in order:
            ours, floor = run(jars[label], args.ours, args.floor, args.jmh)
            ratios[label].append(ours / floor)
            print("round %d  %s %-28s %s %7.1f ns  %s %7.1f ns  ratio %.3f" % (
                round_number, label, os.path.basename(jars[label]), args.ours, ours, args.floor, floor,
                ours / floor), flush=True)
    for label, values in ratios.items():
        print("%s %s  median ratio %.3f  (%s)" % (
            label, jars[label], statistics.median(values), " ".join("%.3f" % v for v in values)))


if __name__ == "__main__":
    sys.exit(main())
