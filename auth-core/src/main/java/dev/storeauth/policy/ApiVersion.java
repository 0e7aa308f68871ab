package dev.storeauth.policy;

import java.util.Optional;

/** The store API versions. Legacy (Basic) accounts may use v2 only. */
public enum ApiVersion {
    V2("v2"),
    V3("v3");

    private final String segment;

    ApiVersion(String segment) {
        this.segment = segment;
    }

    /** The path segment, {@code v2} or {@code v3}. */
    public String segment() {
        return segment;
    }

    /** Parses a path segment (exact, lower case); empty for anything else. */
    public static Optional<ApiVersion> fromSegment(String segment) {
        for (ApiVersion version : values()) {
            if (version.segment.equals(segment)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
