#!/usr/bin/env python3
"""The ratio of median requests/s, protected over open, with a 95% bootstrap interval.

    interval.py OPEN_FILE PROTECTED_FILE

Each file has one phase per line with an rps=N field, line i of both from round i. Rounds are
resampled whole (open and protected together, since they shared the host's state), 5,000 times with
a fixed seed, so the same input always prints the same interval.
"""
import random
import re
import statistics
import sys


def rates(name):
    with open(name) as phases:
        return [float(re.search(r'\brps=([0-9.]+)', line).group(1)) for line in phases if line.strip()]


def main(open_file, protected_file):
    opened, protected = rates(open_file), rates(protected_file)
    if len(opened) != len(protected) or not opened:
        sys.exit('interval.py: the two files need the same, non-zero number of rounds')
    rounds = range(len(opened))
    rng = random.Random(7)
    ratios = []
    for _ in range(5000):
        pick = [rng.choice(rounds) for _ in rounds]
        ratios.append(statistics.median(protected[i] for i in pick) / statistics.median(opened[i] for i in pick))
    ratios.sort()
    estimate = statistics.median(protected) / statistics.median(opened)
    print(f"ratio={estimate:.3f} interval95={ratios[124]:.3f}-{ratios[4874]:.3f}")


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: interval.py OPEN_FILE PROTECTED_FILE')
    main(sys.argv[1], sys.argv[2])
