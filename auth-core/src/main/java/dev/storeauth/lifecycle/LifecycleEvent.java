package dev.storeauth.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit-trail entry: who did what to which account of which store, and when. Holds no secret.
 *
 * @param at when the change was committed, by the lifecycle's clock
 * @param actor the user id of the store owner who made it
 * @param storeHash the store
 * @param action what happened
 * @param accountId the account's id ({@code legacy:{store}:{username}} for legacy accounts)
 */
public record LifecycleEvent(Instant at, String actor, String storeHash, Action action, String accountId) {

    public LifecycleEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** What a {@link LifecycleEvent} records. */
    public enum Action {
        /** An OAuth account was created. */
        OAUTH_ACCOUNT_CREATED,
        /** An OAuth account was deleted (alone or in bulk): its tokens are revoked. */
        OAUTH_ACCOUNT_DELETED,
        /** A legacy account was created. */
        LEGACY_ACCOUNT_CREATED,
        /** A legacy account's API token was replaced: the old one is revoked. */
        LEGACY_TOKEN_REGENERATED,
        /** A legacy account was deleted. */
        LEGACY_ACCOUNT_DELETED
    }

    /**
     * Receives every committed lifecycle change, e.g. to write an audit trail. Called synchronously
     * after the repository commit and the change listener (the cache eviction); an exception it throws propagates to the
     * caller, but the change stays committed. Must be thread-safe.
     *
     * <pre>{@code
     * Listener audit = event -> log.info("{} {} {} {}", event.actor(), event.action(),
     *         event.storeHash(), event.accountId());
     * }</pre>
     */
    @FunctionalInterface
    public interface Listener {

        /** Ignores every event. */
        Listener NONE = event -> { };

        /** Called once per change; for a bulk delete, once per deleted account. */
        void onEvent(LifecycleEvent event);
    }
}
