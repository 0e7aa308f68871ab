/**
 * What a credential may do: access levels, the scope catalogue, per-account scopes, and the route
 * table that maps a store API path to the resource whose scope guards it. Two catalogues come with
 * their route tables: storeauth's own ({@link dev.storeauth.policy.ScopeCatalogue#defaults()}, the
 * default) and the platform's full scope list ({@link dev.storeauth.policy.ScopeCatalogue#platform()}).
 *
 * <p>Everything here is immutable and thread-safe, and fails closed: a path no route covers is
 * denied, a resource an account has no scope for is {@link dev.storeauth.policy.AccessLevel#NONE}.
 */
package dev.storeauth.policy;
