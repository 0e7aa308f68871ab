package dev.storeauth.auth;

/** How a request authenticated; the names are what {@code getAuthType()} reports. */
public enum AuthScheme {
    /** HTTP Basic with a legacy API account. */
    BASIC,
    /** An OAuth access token, from {@code Authorization: Bearer} or {@code X-Auth-Token}. */
    BEARER
}
