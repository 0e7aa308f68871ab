package dev.storeauth.servlet.manage;

import dev.storeauth.policy.internal.StoreHash;
import java.util.List;
import java.util.Optional;

/**
 * The part of a management URL after the servlet's mount point: {@code /{hash}/{segments...}}.
 *
 * @param storeHash a well-formed store hash
 * @param segments the (container-decoded) segments after it, e.g. {@code [legacy-accounts, bob, token]}
 */
record ManagePath(String storeHash, List<String> segments) {

    /** Parses a path info; empty when absent or not {@code /{well-formed hash}/...}. */
    static Optional<ManagePath> parse(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        List<String> parts = List.of(pathInfo.substring(1).split("/", -1));
        if (!StoreHash.isValid(parts.get(0))) {
            return Optional.empty();
        }
        List<String> rest = parts.subList(1, parts.size());
        if (!rest.isEmpty() && rest.get(rest.size() - 1).isEmpty()) {
            rest = rest.subList(0, rest.size() - 1);
        }
        return Optional.of(new ManagePath(parts.get(0), List.copyOf(rest)));
    }

    /** Whether the segments are exactly {@code expected}, where {@code "*"} matches any non-empty one. */
    boolean is(String... expected) {
        if (segments.size() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            String s = segments.get(i);
            if (s.isEmpty() || (!expected[i].equals("*") && !expected[i].equals(s))) {
                return false;
            }
        }
        return true;
    }

    /** Segment {@code i}. */
    String segment(int i) {
        return segments.get(i);
    }
}
