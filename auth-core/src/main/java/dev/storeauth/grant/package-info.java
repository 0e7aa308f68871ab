/**
 * Short-lived access tokens: {@link dev.storeauth.grant.ShortLivedTokens} issues stateless signed
 * tokens an OAuth account's client obtains with its client credentials, bound to the account's
 * current access token, and tells the access-token digest a presented one is bound to.
 */
package dev.storeauth.grant;
