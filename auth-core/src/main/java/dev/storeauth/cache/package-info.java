/**
 * {@link dev.storeauth.cache.internal.AccountCache}: a Caffeine cache in front of any
 * {@link dev.storeauth.repository.AccountLookup}, with a separate negative cache, single-flight and
 * time-bounded misses, and eviction by lookup key when accounts change (it is an
 * {@link dev.storeauth.repository.AccountChange.Listener}) for immediate revocation.
 */
package dev.storeauth.cache;
