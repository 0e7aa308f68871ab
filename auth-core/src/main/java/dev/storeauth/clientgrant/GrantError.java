package dev.storeauth.clientgrant;

/**
 * The RFC 6749 section 5.2 error codes a token request can be refused with, each with the HTTP
 * status it is answered with.
 */
public enum GrantError {
    /** Missing, repeated or malformed parameters, or two ways of client authentication: 400. */
    INVALID_REQUEST("invalid_request", 400),
    /** Client authentication failed (unknown client, wrong secret, expired account, none given): 401. */
    INVALID_CLIENT("invalid_client", 401),
    /** The client is proven but may not have a token from here (its address allowlist): 400. */
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    /** A {@code grant_type} other than {@code client_credentials}: 400. */
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    /** A scope that is malformed, unknown, repeated or beyond the account's: 400. */
    INVALID_SCOPE("invalid_scope", 400);

    private final String code;
    private final int status;

    GrantError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The {@code error} value on the wire, e.g. {@code invalid_client}. */
    public String code() {
        return code;
    }

    /** The HTTP status the error is answered with. */
    public int status() {
        return status;
    }
}
