package dev.storeauth.policy.internal;

/**
 * Hands out one {@code String} per recently seen store hash, so that the hot path neither copies the
 * hash out of every request path nor hashes it again for the cache key (a {@code String} keeps its
 * hash code). A small direct-mapped table: a slot keeps whichever hash was last seen there, so
 * many stores, or a client making up hashes, only cost the copy that would have been made anyway.
 *
 * <p>Thread-safe without locks: slots hold immutable strings, and a lost write costs one copy.
 */
final class RecentStoreHashes {

    static final RecentStoreHashes SHARED = new RecentStoreHashes();

    private static final int SLOTS = 512;

    private final String[] slots = new String[SLOTS];

    /** The text of {@code path[from, to)}, {@code to - from >= 1}: a remembered instance when there is one. */
    String get(String path, int from, int to) {
        int length = to - from;
        // Length and edge characters are enough to spread random lower-case hashes across the table.
        int slot = (length * 961 + path.charAt(from) * 31 + path.charAt(to - 1)) & (SLOTS - 1);
        String known = slots[slot];
        if (known != null && known.length() == length && path.startsWith(known, from)) {
            return known;
        }
        String fresh = path.substring(from, to);
        slots[slot] = fresh;
        return fresh;
    }
}
