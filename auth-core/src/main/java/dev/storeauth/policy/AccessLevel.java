package dev.storeauth.policy;

import java.util.Optional;

/** The level an account holds on a resource, ordered from least to most. */
public enum AccessLevel {
    /** No access. */
    NONE("none"),
    /** Safe methods only: {@code GET} and {@code HEAD}. */
    READ_ONLY("read-only"),
    /** Every method. */
    MODIFY("modify");

    private final String wireName;

    AccessLevel(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, roles and configuration: {@code none}, {@code read-only}, {@code modify}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a {@link #wireName()}; empty for anything else (case-sensitive). */
    public static Optional<AccessLevel> fromWireName(String name) {
        for (AccessLevel level : values()) {
            if (level.wireName.equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The least level that permits {@code method}: read-only for GET and HEAD, modify otherwise. */
    public static AccessLevel requiredFor(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? READ_ONLY : MODIFY;
    }

    /** Whether this level permits the HTTP {@code method} (case-sensitive, as HTTP methods are). */
    public boolean permits(String method) {
        return covers(requiredFor(method));
    }

    /** Whether this level is {@code required} or above it. */
    public boolean covers(AccessLevel required) {
        return compareTo(required) >= 0;
    }
}
