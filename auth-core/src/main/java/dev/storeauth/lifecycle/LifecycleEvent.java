package dev.storeauth.lifecycle;

import dev.storeauth.audit.AuditAction;
import java.time.Instant;
import java.util.Objects;

/**
 * A committed change to one account: who did what to which account of which store, and when. Holds no
 * secret. The stored audit trail is the repository's ({@link dev.storeauth.audit.AuditEntry}); this is
 * the in-process notice of the same change.
 *
 * @param at when the change was committed, by the lifecycle's clock
 * @param actor the user id of the store owner who made it
 * @param storeHash the store
 * @param action what happened
 * @param accountId the account's id ({@code legacy:{store}:{username}} for legacy accounts)
 */
public record LifecycleEvent(Instant at, String actor, String storeHash, AuditAction action, String accountId) {

    public LifecycleEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(accountId, "accountId");
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
