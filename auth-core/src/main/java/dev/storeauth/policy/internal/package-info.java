/**
 * Implementation, not exported (the store-hash rule is shared with the servlet module): reading a
 * request path as {@code /stores/{hash}/{v2|v3}/...} in one pass, refusing ambiguous paths, and the
 * rule for store hashes.
 */
package dev.storeauth.policy.internal;
