/**
 * Implementation, not exported: {@code AccountCache}, a Caffeine cache in front of any
 * {@link dev.storeauth.repository.AccountLookup}, with a separate negative cache, single-flight and
 * time-bounded misses, and eviction by lookup key when accounts change (it is an
 * {@link dev.storeauth.repository.AccountChange.Listener}), never by scanning.
 */
package dev.storeauth.cache.internal;
