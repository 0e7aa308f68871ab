#!/usr/bin/env python3
"""The ratio protected/open of median requests/s, with a 95% bootstrap interval.

    interval.py OPEN_FILE PROTECTED_FILE

Each file has one phase per line with an rps=N field and, when the run used several JVMs, a jvm=N
field (or load.sh's printed "jvm N"); line i of both files is from the same round. The estimate is
the geometric mean over the JVMs of each JVM's ratio of medians, so a JVM that ran on a busier host
weighs no more than the others. The interval resamples in two stages, 5,000 times with a fixed seed
(the same input always prints the same interval): the JVMs, since each settles its JIT and heap its
own way; then each picked JVM's rounds, whole (open and protected together, since they shared the
host's state). With three JVMs the first stage still understates how far a fourth could land:
read the interval as a lower bound on the uncertainty.
"""
import math
import random
import re
import statistics
import sys


def phases(name):
    """(jvm, rps) per non-blank line of file `name`, in order; exits on a line without rps=N."""
    found = []
    with open(name) as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            rps, jvm = re.search(r'\brps=([0-9.]+)', line), re.search(r'\bjvm[= ](\d+)', line)
            if rps is None:
                sys.exit(f'interval.py: {name}:{number} has no rps=N field')
            found.append((jvm.group(1) if jvm else '1', float(rps.group(1))))
    return found


def rounds_by_jvm(open_file, protected_file):
    """{jvm: [(open rps, protected rps), ...]}; exits when the files do not pair up."""
    opened, protected = phases(open_file), phases(protected_file)
    if len(opened) != len(protected) or not opened or any(o[0] != p[0] for o, p in zip(opened, protected)):
        sys.exit('interval.py: the two files need the same, non-zero number of rounds, JVM by JVM')
    jvms = {}
    for (jvm, o), (_, p) in zip(opened, protected):
        jvms.setdefault(jvm, []).append((o, p))
    return jvms


def ratio(rounds):
    return statistics.median(p for _, p in rounds) / statistics.median(o for o, _ in rounds)


def pooled(jvms):
    return math.exp(statistics.fmean(math.log(ratio(rounds)) for rounds in jvms))


def main(open_file, protected_file):
    jvms = list(rounds_by_jvm(open_file, protected_file).values())
    rng = random.Random(7)
    estimates = sorted(
        pooled([[rng.choice(rounds) for _ in rounds] for rounds in (rng.choice(jvms) for _ in jvms)])
        for _ in range(5000))
    print(f"ratio={pooled(jvms):.3f} interval95={estimates[124]:.3f}-{estimates[4875]:.3f}"
          f" jvms={len(jvms)} rounds={sum(len(rounds) for rounds in jvms)}")


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: interval.py OPEN_FILE PROTECTED_FILE')
    main(sys.argv[1], sys.argv[2])
