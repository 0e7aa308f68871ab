package dev.storeauth.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one API version, bucketed by the first segment of their prefix: a lookup finds the
 * bucket of the path's first segment in an open-addressed table, tries its routes longest prefix
 * first, then falls back to the root route if any. The path is read in place and nothing is
 * allocated. Immutable and thread-safe.
 */
final class RouteIndex {

    /** A route and what the table answers for it, made when the table is built. */
    record Entry(RouteTable.Route route, RouteTable.Match match) {
    }

    private final int[] hashes;
    private final String[] segments;
    private final Entry[][] buckets;
    private final Entry root;

    /** Indexes {@code entries}, all of one version; of routes with equal prefixes the first wins. */
    RouteIndex(List<Entry> entries) {
        Map<String, List<Entry>> grouped = new LinkedHashMap<>();
        Entry rootEntry = null;
        for (Entry entry : entries) {
            String prefix = entry.route().prefix();
            if (!prefix.equals("/")) {
                grouped.computeIfAbsent(firstSegment(prefix), s -> new ArrayList<>()).add(entry);
            } else if (rootEntry == null) {
                rootEntry = entry;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(1, grouped.size()) * 2) * 2;
        this.hashes = new int[capacity];
        this.segments = new String[capacity];
        this.buckets = new Entry[capacity][];
        grouped.forEach(this::place);
        this.root = rootEntry;
    }

    /**
     * The entry of the longest route prefix covering the resource path {@code path[from, end)};
     * {@code null} when none does.
     */
    Entry find(String path, int from, int end) {
        int slash = path.indexOf('/', from + 1);
        int segmentEnd = slash < 0 || slash > end ? end : slash;
        Entry[] bucket = bucketOf(path, from, segmentEnd);
        if (bucket != null) {
            for (Entry entry : bucket) {
                if (coversBeyondFirstSegment(entry.route().prefix(), path, from, segmentEnd, end)) {
                    return entry;
                }
            }
        }
        return root;
    }

    /**
     * Whether {@code prefix} covers the path, given that their first segments, which end at
     * {@code segmentEnd} in the path, are already known equal: only the rest is compared.
     */
    private static boolean coversBeyondFirstSegment(String prefix, String path, int from, int segmentEnd,
            int pathEnd) {
        int segmentLength = segmentEnd - from;
        int end = from + prefix.length();
        return prefix.length() == segmentLength
                || (end <= pathEnd
                        && path.regionMatches(segmentEnd, prefix, segmentLength, prefix.length() - segmentLength)
                        && (pathEnd == end || path.charAt(end) == '/'));
    }

    /** The routes whose first segment is {@code path[from, to)} ({@code /} included), or {@code null}. */
    private Entry[] bucketOf(String path, int from, int to) {
        if (to - from < 2) {
            return null;
        }
        int hash = hash(path, from, to);
        int mask = segments.length - 1;
        for (int slot = hash & mask; segments[slot] != null; slot = (slot + 1) & mask) {
            String segment = segments[slot];
            if (hashes[slot] == hash && segment.length() == to - from && path.startsWith(segment, from)) {
                return buckets[slot];
            }
        }
        return null;
    }

    private void place(String segment, List<Entry> list) {
        List<Entry> longestFirst = new ArrayList<>(list);
        // A stable sort: of equal prefixes the first listed stays first, and wins.
        longestFirst.sort(Comparator.comparingInt((Entry e) -> e.route().prefix().length()).reversed());
        int hash = hash(segment, 0, segment.length());
        int mask = segments.length - 1;
        int slot = hash & mask;
        while (segments[slot] != null) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        segments[slot] = segment;
        buckets[slot] = longestFirst.toArray(new Entry[0]);
    }

    /** {@code /segment}: the prefix up to its second slash. */
    private static String firstSegment(String prefix) {
        int end = prefix.indexOf('/', 1);
        return end < 0 ? prefix : prefix.substring(0, end);
    }

    /**
     * A hash of {@code /segment} (at least two characters) read in constant time from its length and
     * edge characters: hashing every character is a chain of multiplies that costs more than the probe
     * it saves. Collisions only cost a comparison.
     */
    private static int hash(String text, int from, int to) {
        int h = (to - from) * 31 + text.charAt(from + 1);
        h = h * 31 + text.charAt(to - 1);
        h = h * 31 + text.charAt(to - 2);
        return h ^ (h >>> 7);
    }
}
