package dev.storeauth.lifecycle;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.Usage;
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

    /** Its last use, as far as recorded: when, and from which client address. */
    Optional<Usage> lastUse();

    /** When the previous token stops working, during a roll's overlap. */
    Optional<Instant> oldTokenExpiresAt();

    /** When it last authenticated a request, if ever (as far as recorded). */
    default Optional<Instant> lastUsedAt() {
        return lastUse().map(Usage::at);
    }

    /** The client address of its last use, if recorded. */
    default Optional<String> lastUsedFrom() {
        return lastUse().flatMap(Usage::from);
    }

    /**
     * An OAuth account.
     *
     * @param id the account id
     * @param name the owner's name for it
     * @param clientId the public client ID
     * @param scopes the levels granted
     * @param createdAt creation time
     * @param expiresAt when it expires, if it does
     * @param oldTokenExpiresAt when the previous token stops working, during a roll's overlap
     * @param allowedAddresses where it may be used from
     * @param lastUse its last use, if any
     */
    record OAuth(String id, String name, String clientId, Scopes scopes, Instant createdAt,
            Optional<Instant> expiresAt, Optional<Instant> oldTokenExpiresAt, AllowedAddresses allowedAddresses,
            Optional<Usage> lastUse) implements AccountView {

        public OAuth {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(oldTokenExpiresAt, "oldTokenExpiresAt");
            Objects.requireNonNull(allowedAddresses, "allowedAddresses");
            Objects.requireNonNull(lastUse, "lastUse");
        }

        /** {@code a} as listed at {@code now}: an old token past its overlap is not shown. */
        static OAuth of(OAuthAccount a, Optional<Usage> lastUse, Instant now) {
            return new OAuth(a.id(), a.name(), a.clientId(), a.scopes(), a.createdAt(), a.expiresAt(),
                    liveUntil(a.previousToken(), now), a.allowedAddresses(), lastUse);
        }
    }

    /**
     * A legacy account.
     *
     * @param username the Basic user-id
     * @param createdAt creation time
     * @param oldTokenExpiresAt when the previous token stops working, during an overlap
     * @param lastUse its last use, if any
     */
    record Legacy(String username, Instant createdAt, Optional<Instant> oldTokenExpiresAt, Optional<Usage> lastUse)
            implements AccountView {

        public Legacy {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(oldTokenExpiresAt, "oldTokenExpiresAt");
            Objects.requireNonNull(lastUse, "lastUse");
        }

        /** {@code a} as listed at {@code now}. */
        static Legacy of(LegacyAccount a, Optional<Usage> lastUse, Instant now) {
            return new Legacy(a.username(), a.createdAt(), liveUntil(a.previousToken(), now), lastUse);
        }
    }

    private static Optional<Instant> liveUntil(Optional<PreviousToken> previous, Instant now) {
        return previous.map(PreviousToken::expiresAt).filter(now::isBefore);
    }
}
