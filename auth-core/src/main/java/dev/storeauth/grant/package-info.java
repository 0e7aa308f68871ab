/**
 * Short-lived access tokens: {@link dev.storeauth.grant.ShortLivedTokens} issues random tokens an
 * OAuth account's client obtains with its client credentials, stored as digests and bound to the
 * account's current access token.
 */
package dev.storeauth.grant;
