/**
 * Brute-force protection: {@link dev.storeauth.throttle.FailureThrottle} counts failed
 * authentications per client address and per legacy username, in bounded Caffeine caches, and
 * tells the authenticator when to answer 429 without checking the credential at all. Where the
 * check is expensive, {@link dev.storeauth.throttle.FailureThrottle#tryReserve} takes a
 * {@link dev.storeauth.throttle.Reservation} before it, so attempts in flight count too.
 *
 * <p>Rate limits count in {@link dev.storeauth.throttle.Counters} of a
 * {@link dev.storeauth.throttle.CounterStore}: Bucket4j buckets in this process
 * ({@link dev.storeauth.throttle.LocalCounterStore}), or shared by the fleet in Redis
 * ({@link dev.storeauth.throttle.RedisCounterStore}) or PostgreSQL
 * ({@link dev.storeauth.throttle.PostgresCounterStore}), each best behind a
 * {@link dev.storeauth.throttle.FallbackCounterStore}, which counts in this process while the shared
 * store is unreachable.
 */
package dev.storeauth.throttle;
