package dev.storeauth.accounts;

import dev.storeauth.credentials.SecretDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * The token an account had before its last roll, still accepted until {@code expiresAt}: the overlap
 * that lets a client switch to the new token without downtime. Each node compares the instant with its
 * own clock, so no notification is needed when it passes. An account has at most one.
 *
 * @param digest digest of the old token
 * @param expiresAt the first instant at which the old token fails
 */
public record PreviousToken(SecretDigest digest, Instant expiresAt) {

    public PreviousToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
