/**
 * {@link dev.storeauth.observe.StoreAuthObserver}: what the authenticator, the account cache and the
 * change feed tell an operator's metrics, such as the Micrometer binding in {@code storeauth-micrometer}.
 */
package dev.storeauth.observe;
