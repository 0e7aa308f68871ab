package dev.storeauth.lifecycle;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as listed to its store's owner: no secret, not even a digest.
 *
 * <pre>{@code
 * for (AccountView.OAuth view : lifecycle.oauthAccounts(owner, storeHash) ...) {
 *     print(view.name(), view.lastUsedAt().map(Instant::toString).orElse("never"));
 * }
 * }</pre>
 */
public sealed interface AccountView {

    /** When the account was created. */
    Instant createdAt();

    /** When it last authenticated a request, if ever (as far as recorded). */
    Optional<Instant> lastUsedAt();

    /**
     * An OAuth account.
     *
     * @param id the account id
     * @param name the owner's name for it
     * @param clientId the public client ID
     * @param scopes the levels granted
     * @param createdAt creation time
     * @param lastUsedAt when it last authenticated a request, if ever
     */
    record OAuth(String id, String name, String clientId, Scopes scopes, Instant createdAt,
            Optional<Instant> lastUsedAt) implements AccountView {

        public OAuth {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        }

        static OAuth of(OAuthAccount a, Optional<Instant> lastUsedAt) {
            return new OAuth(a.id(), a.name(), a.clientId(), a.scopes(), a.createdAt(), lastUsedAt);
        }
    }

    /**
     * A legacy account.
     *
     * @param username the Basic user-id
     * @param createdAt creation time
     * @param lastUsedAt when it last authenticated a request, if ever
     */
    record Legacy(String username, Instant createdAt, Optional<Instant> lastUsedAt) implements AccountView {

        public Legacy {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        }
    }
}
