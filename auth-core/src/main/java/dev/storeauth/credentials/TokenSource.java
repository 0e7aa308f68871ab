package dev.storeauth.credentials;

/** The header an OAuth access token arrived in. Tokens are never read from the query string. */
public enum TokenSource {
    /** {@code X-Auth-Token: <token>}, the platform's own header. */
    X_AUTH_TOKEN,
    /** {@code Authorization: Bearer <token>}, RFC 6750 section 2.1. */
    AUTHORIZATION_BEARER
}
