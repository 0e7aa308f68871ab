#!/usr/bin/env python3
"""Summarises benchmarks/profile.sh's collapsed stacks.

    benchmarks/profile_share.py benchmarks/target/profile

For each path (open, stores = protected), over all its phases: samples per 1,000 requests, in all
and by where they were spent; then, for the protected path, the filter's own work (StoreAuthFilter
.doFilter minus the servlet below it) by callee, Authenticator.authenticate by callee, and
Authenticator.verify two frames deep, as shares of all the protected path's samples. Knows both of
LoadServer's servlets (LOAD_APP=hello and demo).
"""
import collections
import glob
import os
import re
import sys

FILTER = 'dev/storeauth/servlet/StoreAuthFilter.doFilter'
SERVLETS = ('LoadServer$Hello', 'dev/storeauth/demo/api/StoreApiServlet')
AUTHENTICATE = 'dev/storeauth/auth/Authenticator.authenticate'
VERIFY = 'dev/storeauth/auth/Authenticator.verify'


def category(frames):
    stack = ';'.join(frames)
    in_servlet = any(servlet in stack for servlet in SERVLETS)
    if FILTER in stack:
        return 'servlet and below' if in_servlet else 'filter, own work'
    if in_servlet:
        return 'servlet and below'
    for name, marks in (('JIT compiler', ('CompileBroker',)),
                        ('GC and VM thread', ('VM_GenCollect', 'DefNewGeneration', 'GCTaskThread', 'VMThread')),
                        ('Jetty HTTP connection', ('HttpConnection', 'HttpChannelState', 'ServletChannel')),
                        ('Jetty selector', ('ManagedSelector', 'SelectorManager')),
                        ('Jetty thread pool', ('QueuedThreadPool', 'AdaptiveExecutionStrategy'))):
        if any(mark in stack for mark in marks):
            return name
    return 'other'


def callee(frames, name, depth=1):
    """The `depth` frames just below the first `name` frame, joined by ';' ('<self>' when `name` is
    the leaf), or None when `name` is absent."""
    for i, frame in enumerate(frames):
        if frame.startswith(name):
            below = frames[i + 1:i + 1 + depth]
            return ';'.join(f.rsplit('/', 1)[-1] for f in below) if below else '<self>'
    return None


def read(directory):
    requests = {}
    with open(os.path.join(directory, 'results.txt')) as results:
        for line in results:
            path, pair, *fields = line.split()
            requests[(path, pair)] = int(dict(f.split('=') for f in fields)['requests'])
    paths = collections.defaultdict(lambda: {'requests': 0, 'samples': collections.Counter(),
                                             'filter': collections.Counter(), 'auth': collections.Counter(),
                                             'verify': collections.Counter()})
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
                    for key, name, depth in (('auth', AUTHENTICATE, 1), ('verify', VERIFY, 2)):
                        below = callee(frames, name, depth)
                        if below is not None:
                            total[key][below] += count
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
        for title, key in (('filter, own work, by callee', 'filter'), ('authenticate, by callee', 'auth'),
                           ('verify, two frames deep', 'verify')):
            print(f"{title} (share of the protected path's samples):")
            for frame, count in stores[key].most_common(12):
                print(f"  {100 * count / samples:5.2f}%  {frame}")


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: profile_share.py DIRECTORY')
    main(sys.argv[1])
