/**
 * The assembly: {@link dev.storeauth.StoreAuth} wires the account repository, cache, change feed,
 * usage recorder, authenticator, account lifecycle and change-table pruning in one builder.
 */
package dev.storeauth;
