package dev.storeauth.lifecycle;

/**
 * Receives every committed lifecycle change, e.g. to write an audit trail. Called synchronously
 * after the repository commit and the change listener (the cache eviction); an exception it throws propagates to the
 * caller, but the change stays committed. Must be thread-safe.
 *
 * <pre>{@code
 * LifecycleListener audit = event -> log.info("{} {} {} {}", event.actor(), event.action(),
 *         event.storeHash(), event.accountId());
 * }</pre>
 */
@FunctionalInterface
public interface LifecycleListener {

    /** Ignores every event. */
    LifecycleListener NONE = event -> { };

    /** Called once per change; for a bulk delete, once per deleted account. */
    void onEvent(LifecycleEvent event);
}
