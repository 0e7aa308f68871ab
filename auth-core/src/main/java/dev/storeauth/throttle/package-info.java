/**
 * Rate limits in Bucket4j buckets: {@link dev.storeauth.throttle.FailureThrottle} bounds the work
 * unproven credentials cause, with a place per attempt taken atomically before the check from its
 * client address's bucket and from the bucket of its identity (a legacy username) at that address,
 * never the identity alone; {@link dev.storeauth.throttle.Reservation} keeps the place for a failure
 * and gives it back otherwise. {@link dev.storeauth.throttle.StoreQuotas} counts each store's
 * requests.
 *
 * <p>Buckets live in a {@link dev.storeauth.throttle.CounterStore}: this process
 * ({@link dev.storeauth.throttle.LocalCounterStore}, bounded), or shared by the fleet in Redis
 * ({@link dev.storeauth.throttle.RedisCounterStore}) or PostgreSQL
 * ({@link dev.storeauth.throttle.PostgresCounterStore}), each behind a
 * {@link dev.storeauth.throttle.FallbackCounterStore}, which counts in this process while the shared
 * store is unreachable.
 */
package dev.storeauth.throttle;
