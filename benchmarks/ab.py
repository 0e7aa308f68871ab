#!/usr/bin/env python3
"""Interleaved A/B of two benchmark jars: is a change faster, relative to the floor, on a noisy host?

    benchmarks/ab.py A.jar B.jar [--rounds 5] [--ours oursOAuthHit1T] [--floor floorOAuth] [-- JMH options]

Each round runs both jars, in the order A B in odd rounds and B A in even ones, so that a host
getting busier or quieter during the run weighs on both alike. Every run measures our benchmark and
the floor in the same JVM, and the ratio ours / floor is taken inside that run: the floor absorbs
what the host does to both. Prints every run's medians and ratio, then each jar's median ratio.
The default JMH options are one fork of 3 warm-up and 5 measurement iterations of one second.
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
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--ours", default="oursOAuthHit1T")
    parser.add_argument("--floor", default="floorOAuth")
    parser.add_argument("jmh", nargs="*", default=["-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s"])
    args = parser.parse_args()
    ratios = {args.a: [], args.b: []}
    for round_number in range(1, args.rounds + 1):
        order = (args.a, args.b) if round_number % 2 else (args.b, args.a)
        for jar in order:
            ours, floor = run(jar, args.ours, args.floor, args.jmh)
            ratios[jar].append(ours / floor)
            print("round %d  %-28s %s %7.1f ns  %s %7.1f ns  ratio %.3f" % (
                round_number, os.path.basename(jar), args.ours, ours, args.floor, floor, ours / floor), flush=True)
    for jar, values in ratios.items():
        print("%-28s median ratio %.3f  (%s)" % (
            os.path.basename(jar), statistics.median(values), " ".join("%.3f" % v for v in values)))


if __name__ == "__main__":
    sys.exit(main())
