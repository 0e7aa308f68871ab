package dev.storeauth.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of one API version, bucketed by the first segment of their prefix, so that a lookup
 * hashes one segment of the path in place and tries only the routes of that bucket (longest prefix
 * first), then the root route if any. No copy of the path is made. Immutable and thread-safe.
 */
final class RouteIndex {

    /** A route and the definition of the resource it names, made when the table is built. */
    record Entry(Route route, Optional<ResourceDefinition> definition) {
    }

    private final String[] segments;
    private final Entry[][] buckets;
    private final Entry root;

    /** Indexes {@code entries}, all of one version. */
    RouteIndex(List<Entry> entries) {
        Map<String, List<Entry>> grouped = new LinkedHashMap<>();
        Entry rootEntry = null;
        for (Entry entry : entries) {
            String prefix = entry.route().prefix();
            if (prefix.equals("/")) {
                rootEntry = entry;
            } else {
                grouped.computeIfAbsent(firstSegment(prefix), s -> new ArrayList<>()).add(entry);
            }
        }
        int capacity = Integer.highestOneBit(Math.max(1, grouped.size()) * 2) * 2;
        this.segments = new String[capacity];
        this.buckets = new Entry[capacity][];
        grouped.forEach((segment, list) -> place(segment, list));
        this.root = rootEntry;
    }

    /**
     * The entry of the longest route prefix covering the resource path that starts at {@code from}
     * in {@code path} and runs to its end; {@code null} when none does.
     */
    Entry find(String path, int from) {
        int end = path.indexOf('/', from + 1);
        int segmentEnd = end < 0 ? path.length() : end;
        Entry[] bucket = bucketOf(path, from + 1, segmentEnd);
        if (bucket != null) {
            for (Entry entry : bucket) {
                if (entry.route().matches(path, from)) {
                    return entry;
                }
            }
        }
        return root;
    }

    private Entry[] bucketOf(String path, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + path.charAt(i);
        }
        int mask = segments.length - 1;
        for (int slot = spread(hash) & mask; segments[slot] != null; slot = (slot + 1) & mask) {
            String segment = segments[slot];
            if (segment.length() == end - start && path.startsWith(segment, start)) {
                return buckets[slot];
            }
        }
        return null;
    }

    private void place(String segment, List<Entry> list) {
        list.sort(Comparator.comparingInt((Entry e) -> e.route().prefix().length()).reversed());
        int mask = segments.length - 1;
        int slot = spread(segment.hashCode()) & mask;
        while (segments[slot] != null) {
            slot = (slot + 1) & mask;
        }
        segments[slot] = segment;
        buckets[slot] = list.toArray(new Entry[0]);
    }

    private static String firstSegment(String prefix) {
        int end = prefix.indexOf('/', 1);
        return prefix.substring(1, end < 0 ? prefix.length() : end);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
