#!/usr/bin/env python3
"""Summarises benchmarks/profile.sh's collapsed stacks.

    benchmarks/profile_share.py benchmarks/target/profile

For each path (open, stores = protected), over all its phases: samples per 1,000 requests, in all
and by where they were spent; then, for the protected path, the filter's own work (StoreAuthFilter
.doFilter minus the servlet below it) by callee, and Authenticator.authenticate by callee, as shares
of all the protected path's samples.
"""
import collections
import glob
import os
import re
import sys

FILTER = 'dev/storeauth/servlet/StoreAuthFilter.doFilter'
SERVLET = 'LoadServer$Hello'
AUTHENTICATE = 'dev/storeauth/auth/Authenticator.authenticate'


def category(frames):
    stack = ';'.join(frames)
    if FILTER in stack:
        return 'servlet and below' if SERVLET in stack else 'filter, own work'
    for name, marks in (('servlet and below', (SERVLET,)),
                        ('JIT compiler', ('CompileBroker',)),
                        ('GC and VM thread', ('VM_GenCollect', 'DefNewGeneration', 'GCTaskThread', 'VMThread')),
                        ('Jetty HTTP connection', ('HttpConnection', 'HttpChannelState', 'ServletChannel')),
                        ('Jetty selector', ('ManagedSelector', 'SelectorManager')),
                        ('Jetty thread pool', ('QueuedThreadPool', 'AdaptiveExecutionStrategy'))):
        if any(mark in stack for mark in marks):
            return name
    return 'other'


def callee(frames, name):
    """The frame just below the first `name` frame, or None when `name` is absent or is the leaf."""
    for i, frame in enumerate(frames):
        if frame.startswith(name):
            return frames[i + 1] if i + 1 < len(frames) else '<self>'
    return None


def read(directory):
    requests = {}
    with open(os.path.join(directory, 'results.txt')) as results:
        for line in results:
            path, pair, *fields = line.split()
            requests[(path, pair)] = int(dict(f.split('=') for f in fields)['requests'])
    paths = collections.defaultdict(lambda: {'requests': 0, 'samples': collections.Counter(),
                                             'filter': collections.Counter(), 'auth': collections.Counter()})
    for name in sorted(glob.glob(os.path.join(directory, '*.collapsed'))):
        path, pair = re.match(r'(\w+)-(\d+)\.collapsed$', os.path.basename(name)).groups()
        total = paths[path]
        total['requests'] += requests[(path, pair)]
        with open(name) as stacks:
            for line in stacks:
                stack, count = line.rstrip().rsplit(' ', 1)
                frames, count = stack.split(';'), int(count)
                where = category(frames)
                total['samples'][where] += count
                if where == 'filter, own work':
                    total['filter'][callee(frames, FILTER)] += count
                    below = callee(frames, AUTHENTICATE)
                    if below is not None:
                        total['auth'][below] += count
    return paths


def main(directory):
    paths = read(directory)
    for path, total in sorted(paths.items()):
        samples = sum(total['samples'].values())
        print(f"{path}: {total['requests']:,} requests, {1000 * samples / total['requests']:.3f} samples per 1,000")
        for where, count in total['samples'].most_common():
            print(f"  {1000 * count / total['requests']:7.3f}  {100 * count / samples:5.2f}%  {where}")
    if {'open', 'stores'} <= paths.keys():
        per = {p: sum(t['samples'].values()) / t['requests'] for p, t in paths.items()}
        print(f"CPU per request, open/protected: {per['open'] / per['stores']:.3f}")
    stores = paths.get('stores')
    if stores:
        samples = sum(stores['samples'].values())
        for title, key in (('filter, own work, by callee', 'filter'), ('authenticate, by callee', 'auth')):
            print(f"{title} (share of the protected path's samples):")
            for frame, count in stores[key].most_common(12):
                print(f"  {100 * count / samples:5.2f}%  {frame}")


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: profile_share.py DIRECTORY')
    main(sys.argv[1])
