package dev.storeauth.accounts;

import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.Optional;

/**
 * An API account of one store: a {@link LegacyAccount}, an {@link OAuthAccount}, or the account kind
 * of a further {@code CredentialScheme}. Implementations are immutable values.
 */
public interface Account {

    /** Unique across all stores and kinds; names the account in audit events and last-used times. */
    String id();

    /** The store this account belongs to; it authenticates for no other. */
    String storeHash();

    /** The name a request authenticated by this account runs as. */
    String principalName();

    /** What this account may do. */
    Scopes scopes();

    /** When the account was created. */
    Instant createdAt();

    /** The first instant at which the account fails, if it expires; by default it never does. */
    default Optional<Instant> expiresAt() {
        return Optional.empty();
    }

    /** The secret it had before its last roll, while that is still accepted; by default none. */
    default Optional<PreviousToken> previousToken() {
        return Optional.empty();
    }

    /** Where it may be used from; by default anywhere. */
    default AllowedAddresses allowedAddresses() {
        return AllowedAddresses.anywhere();
    }
}
