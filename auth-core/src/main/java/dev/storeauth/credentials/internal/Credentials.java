package dev.storeauth.credentials.internal;

/**
 * Credentials presented with one request: either HTTP Basic (a legacy API account) or an OAuth
 * access token. Implementations mask their secret in {@code toString()}.
 */
public sealed interface Credentials permits BasicCredentials, DecodedBasicCredentials, BearerToken {
}
