/**
<<<<<<< HEAD
 * Rate limits in Bucket4j buckets: {@link dev.storeauth.throttle.FailureThrottle} bounds the work
 * unproven credentials cause, with a place per attempt taken atomically before the check from its
 * client address's bucket and from the bucket of its identity (a legacy username) at that address,
 * never the identity alone; {@link dev.storeauth.throttle.Reservation} keeps the place for a failure
 * and gives it back otherwise. {@link dev.storeauth.throttle.StoreQuotas} counts each store's
 * requests. Buckets live in a {@link dev.storeauth.throttle.CounterStore}: this process
 * ({@link dev.storeauth.throttle.LocalCounterStore}, bounded) or one a fleet shares.
=======
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
>>>>>>> fleet
 */
package dev.storeauth.throttle;
