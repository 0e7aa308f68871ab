/**
 * {@link dev.storeauth.cache.AccountCache}: a Caffeine cache in front of any
 * {@link dev.storeauth.repository.AccountLookup}, with a separate negative cache, single-flight and
 * time-bounded misses, and per-account invalidation for immediate revocation.
 */
package dev.storeauth.cache;
