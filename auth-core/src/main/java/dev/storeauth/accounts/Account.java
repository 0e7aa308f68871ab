package dev.storeauth.accounts;

import dev.storeauth.policy.Scopes;
import java.time.Instant;

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
}
