/**
 * {@link dev.storeauth.cache.CacheStatistics}: the counters of the account cache the
 * {@link dev.storeauth.StoreAuth} assembly runs in front of the account repository.
 */
package dev.storeauth.cache;
