package dev.storeauth.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legacy account as listed to its owner: no token, not even a digest.
 *
 * @param username the Basic user-id
 * @param createdAt creation time
 * @param lastUsedAt when it last authenticated a request, if ever (as far as recorded)
 */
public record LegacyAccountView(String username, Instant createdAt, Optional<Instant> lastUsedAt) {

    public LegacyAccountView {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
