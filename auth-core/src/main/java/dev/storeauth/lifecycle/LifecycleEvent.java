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
public record LifecycleEvent(Instant at, String actor, String storeHash, LifecycleAction action, String accountId) {

    public LifecycleEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(accountId, "accountId");
    }
}
