/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4), free of servlet types:
 * {@link dev.storeauth.clientgrant.ClientCredentialsGrant} authenticates an OAuth account's client
 * by its client ID and secret, behind the failure throttle, reads the {@code scope} parameter, and
 * has {@link dev.storeauth.grant.ShortLivedTokens} issue the token; its
 * {@link dev.storeauth.clientgrant.GrantOutcome} carries the RFC 6749 error to answer with.
 */
package dev.storeauth.clientgrant;
