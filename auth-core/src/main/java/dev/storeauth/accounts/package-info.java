/**
 * API accounts as stored: {@link dev.storeauth.accounts.LegacyAccount} (username and API token,
 * deprecated, v2 only) and {@link dev.storeauth.accounts.OAuthAccount} (client ID, client secret,
 * access token and scopes), {@link dev.storeauth.accounts.ShortLivedAccount} (a short-lived token
 * issued to an OAuth account), and {@link dev.storeauth.accounts.AllowedAddresses}, the CIDR blocks an
 * account may be used from. Only digests of secrets are ever held; records are immutable.
 */
package dev.storeauth.accounts;
