package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.policy.Scopes;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The authenticator's answer: let the request through, or deny it with these particulars. */
public sealed interface AuthResult {

    /**
     * The request may proceed.
     *
     * @param principal who it runs as
     * @param account the account that authenticated it
     * @param scopes what the account may do
     * @param headers response headers to send, e.g. the store quota's {@code X-Rate-Limit-Requests-Left}
     */
    record Authenticated(ApiPrincipal principal, Account account, Scopes scopes, Map<String, String> headers)
            implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(scopes, "scopes");
            headers = Map.copyOf(headers);
        }

        /** A result with no response headers. */
        public Authenticated(ApiPrincipal principal, Account account, Scopes scopes) {
            this(principal, account, scopes, Map.of());
        }
    }

    /**
     * The request must not proceed.
     *
     * @param status the HTTP status to send
     * @param problem the problem type
     * @param detail a client-safe explanation of this occurrence; never contains a secret
     * @param challenges {@code WWW-Authenticate} values, one header each; non-empty for every 401
     * @param headers further response headers, e.g. {@code Retry-After}
     */
    record Denied(int status, Problem problem, String detail, List<String> challenges, Map<String, String> headers)
            implements AuthResult {
        /**
         * @throws IllegalArgumentException for a 401 without a challenge
         */
        public Denied {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
            challenges = List.copyOf(challenges);
            headers = Map.copyOf(headers);
            if (status == 401 && challenges.isEmpty()) {
                throw new IllegalArgumentException("a 401 needs at least one WWW-Authenticate challenge");
            }
        }

        /** A denial with the problem's default status and no extra headers. */
        public static Denied of(Problem problem, String detail, List<String> challenges) {
            return new Denied(problem.defaultStatus(), problem, detail, challenges, Map.of());
        }
    }

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
        EXPIRED_CREDENTIALS(401, "Expired credentials"),
        /**
         * With {@code verifyClientId}, an OAuth token whose request's {@code X-Auth-Client} is missing
         * or is not the token's account's client ID.
         */
        CLIENT_ID_MISMATCH(401, "Client ID mismatch"),
        OAUTH_REQUIRED(401, "OAuth token required"),
        INSUFFICIENT_SCOPE(403, "Insufficient scope"),
        UNMAPPED_PATH(403, "Path not covered by any scope"),
        ADDRESS_NOT_ALLOWED(403, "Address not allowed"),
        TOO_MANY_FAILURES(429, "Too many failed attempts"),
        QUOTA_EXCEEDED(429, "Store request quota used up"),
        /**
         * A proven HTTP Basic credential past the sunset of a {@link dev.storeauth.policy.LegacyDeprecation}
         * refusing it: 401 challenging only for the path's other schemes, so a client learns that
         * another credential (an OAuth token) is let in; 403 where the path accepts Basic alone.
         */
        BASIC_AUTH_RETIRED(401, "HTTP Basic authentication retired"),
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
}
