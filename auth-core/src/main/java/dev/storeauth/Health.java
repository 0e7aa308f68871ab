package dev.storeauth;

import java.util.Map;
import java.util.Objects;

/**
 * Whether this node can authenticate uncached credentials and hears of changes made on other nodes:
 * {@link Status#UP} when the account repository answered a probe in time and the change feed, if
 * there is one this node can ask, is connected; else {@link Status#DOWN}.
 *
 * <p>{@link #details()} names each check ({@value #STORE}, {@value #CHANGE_FEED}) with its state, a
 * word from a small fixed set: {@code up}, {@code down} or {@code timed_out} for the store;
 * {@code connected}, {@code disconnected} or {@code not_tracked} (a custom feed, or none) for the feed.
 * Never an address, a database name or an exception message.
 *
 * <pre>{@code
 * Health health = storeAuth.health();
 * if (health.status() == Health.Status.DOWN) {
 *     log.warn("storeauth is down: {}", health.details());   // {store=timed_out, changeFeed=connected}
 * }
 * }</pre>
 *
 * @param status UP only if every check is
 * @param details each check's state, by name; unmodifiable
 */
public record Health(Status status, Map<String, String> details) {

    /** The details key of the account repository probe. */
    public static final String STORE = "store";
    /** The details key of the change feed. */
    public static final String CHANGE_FEED = "changeFeed";

    /** Up or down. */
    public enum Status {
        UP,
        DOWN
    }

    public Health {
        Objects.requireNonNull(status, "status");
        details = Map.copyOf(details);
    }
}
