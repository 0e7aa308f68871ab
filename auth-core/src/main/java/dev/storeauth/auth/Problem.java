package dev.storeauth.auth;

/**
 * Why a request was denied, as an RFC 9457 problem type. Each constant's {@link #code()} is
 * stable and appears in the JSON body and the problem {@code type} URI.
 */
public enum Problem {
    TLS_REQUIRED(403, "TLS required"),
    NOT_AN_API_PATH(404, "Not a store API path"),
    MISSING_CREDENTIALS(401, "Authentication required"),
    MALFORMED_CREDENTIALS(401, "Malformed credentials"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    OAUTH_REQUIRED(401, "OAuth token required"),
    INSUFFICIENT_SCOPE(403, "Insufficient scope"),
    UNMAPPED_PATH(403, "Path not covered by any scope"),
    TOO_MANY_FAILURES(429, "Too many failed attempts"),
    REPOSITORY_UNAVAILABLE(503, "Account repository unavailable");

    private static final String TYPE_PREFIX = "urn:storeauth:problem:";

    private final int defaultStatus;
    private final String title;

    Problem(int defaultStatus, String title) {
        this.defaultStatus = defaultStatus;
        this.title = title;
    }

    /** The usual HTTP status; a {@link AuthResult.Denied} may carry another (e.g. 400 per RFC 6750). */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** A short, human-readable summary that does not change between occurrences. */
    public String title() {
        return title;
    }

    /** Lower snake case, e.g. {@code insufficient_scope}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The RFC 9457 {@code type}, e.g. {@code urn:storeauth:problem:insufficient_scope}. */
    public String type() {
        return TYPE_PREFIX + code();
    }
}
