package dev.storeauth.lifecycle;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth account as listed to its owner: no secret, not even a digest.
 *
 * @param id the account id
 * @param name the owner's name for it
 * @param clientId the public client ID
 * @param scopes the levels granted
 * @param createdAt creation time
 * @param lastUsedAt when it last authenticated a request, if ever (as far as recorded)
 */
public record OAuthAccountView(String id, String name, String clientId, Scopes scopes, Instant createdAt,
        Optional<Instant> lastUsedAt) {

    public OAuthAccountView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    static OAuthAccountView of(OAuthAccount a, Optional<Instant> lastUsedAt) {
        return new OAuthAccountView(a.id(), a.name(), a.clientId(), a.scopes(), a.createdAt(), lastUsedAt);
    }
}
