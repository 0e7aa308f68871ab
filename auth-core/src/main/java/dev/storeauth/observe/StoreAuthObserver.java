package dev.storeauth.observe;

import java.time.Duration;

/**
 * Told what storeauth does, for metrics: authentication outcomes, the account cache's hits, misses and
 * loads, account repository errors, limiter refusals and the change feed's lag and reconnects. Every
 * method does nothing by default; implement those you count. Give one to
 * {@link dev.storeauth.StoreAuth.Builder#observer}.
 *
 * <p>Every argument comes from a small fixed set (scheme names, problem codes, {@link Limit}s) or is
 * a duration: never a secret, username, store hash, path or address, so each may become a metric tag.
 *
 * <p>Called on request threads (authentication, cache hits and misses, limiter refusals) and on the
 * cache's lookup and the feed's own threads (loads, store errors, the feed), concurrently:
 * implementations must be thread-safe, fast, must not block and <b>must not throw</b>, as
 * {@link dev.storeauth.auth.Authenticator.UsageRecorder} must not; what one throws on a request thread
 * reaches the caller.
 *
 * <pre>{@code
 * StoreAuthObserver refusals = new StoreAuthObserver() {
 *     @Override
 *     public void limiterRefused(Limit limit) {
 *         refused.increment();
 *     }
 * };
 * }</pre>
 */
public interface StoreAuthObserver {

    /** Does nothing; the default. */
    StoreAuthObserver NOOP = new StoreAuthObserver() {
    };

    /** Which limit refused a request with 429. */
    enum Limit {
        /** Too many failed checks from an address, or for a legacy username at it. */
        FAILURE_THROTTLE,
        /** The store's request quota is used up. */
        STORE_QUOTA
    }

    /**
     * A request was authenticated and authorized with the credential scheme named {@code scheme}
     * (e.g. {@code bearer}, {@code basic}).
     */
    default void authenticated(String scheme) {
    }

    /**
     * A request was denied; {@code problem} is the {@link dev.storeauth.auth.AuthResult.Problem#code()}
     * of why (e.g. {@code invalid_credentials}), {@code repository_unavailable} when the authenticator
     * throws {@link dev.storeauth.repository.RepositoryUnavailableException}. {@code scheme} names the
     * credential scheme the request used, or is {@code none} when no credential was read (wrong path,
     * no TLS, none given, an unusable header).
     */
    default void denied(String scheme, String problem) {
    }

    /** A limit refused a request with 429; told as well as the {@link #denied} it leads to. */
    default void limiterRefused(Limit limit) {
    }

    /** The account cache held the account asked for. */
    default void cacheHit() {
    }

    /** The account cache knew the account asked for does not exist. */
    default void cacheNegativeHit() {
    }

    /** The account cache held nothing for the key and started a repository lookup. */
    default void cacheMiss() {
    }

    /** A repository lookup the cache started ended after {@code took}; {@code failed} if it threw. */
    default void cacheLoaded(Duration took, boolean failed) {
    }

    /** The account repository failed or did not answer in time. */
    default void storeError() {
    }

    /**
     * The change feed delivered a change committed {@code lag} earlier (by the writing node's clock against
     * this node's); only feeds that can tell commit times (polling) report it, the {@code LISTEN} feed
     * does not.
     */
    default void changeFeedLag(Duration lag) {
    }

    /** The change feed had lost its database connection and has it again; changes meanwhile were missed. */
    default void changeFeedReconnected() {
    }
}
