package dev.storeauth.repository.jdbc;

import java.util.HashMap;
import java.util.Map;

/**
 * Which change rows a poller has delivered. Ids come from a sequence, but transactions commit out
 * of order, so a smaller id can appear after a larger one was seen: skipped ids are remembered as
 * gaps and looked for again until they expire (a rolled-back transaction leaves a permanent gap).
 * Not thread-safe.
 */
final class ChangeCursor {

    private static final int MAX_GAPS = 1_000;

    private final long gapLifetimeMillis;
    private final Map<Long, Long> gapDeadlines = new HashMap<>();
    private long lastSeen;

    ChangeCursor(long lastSeen, long gapLifetimeMillis) {
        this.lastSeen = lastSeen;
        this.gapLifetimeMillis = gapLifetimeMillis;
    }

    /** The next poll reads ids above this. */
    long floor() {
        return gapDeadlines.keySet().stream().mapToLong(id -> id - 1).min().orElse(lastSeen);
    }

    /** Whether change {@code id}, read at {@code nowMillis}, is new (to be delivered). */
    boolean accept(long id, long nowMillis) {
        if (id <= lastSeen) {
            return gapDeadlines.remove(id) != null;
        }
        for (long gap = Math.max(lastSeen + 1, id - MAX_GAPS); gap < id && gapDeadlines.size() < MAX_GAPS; gap++) {
            gapDeadlines.put(gap, nowMillis + gapLifetimeMillis);
        }
        lastSeen = id;
        return true;
    }

    /** Forgets gaps older than their lifetime. */
    void expire(long nowMillis) {
        gapDeadlines.values().removeIf(deadline -> deadline <= nowMillis);
    }

    /** Starts again after {@code id}, forgetting all gaps (after changes may have been missed). */
    void reset(long id) {
        lastSeen = id;
        gapDeadlines.clear();
    }

    int gaps() {
        return gapDeadlines.size();
    }
}
