/**
 * Credentials as they arrive on the wire and as they are kept at rest.
 *
 * <p>{@link dev.storeauth.credentials.internal.CredentialParser} turns the {@code Authorization} and
 * {@code X-Auth-Token} headers into a {@link dev.storeauth.credentials.internal.ParseResult}: missing,
 * malformed, or present. {@link dev.storeauth.credentials.internal.SecretGenerator} makes new secrets with a
 * recognisable prefix and a checksum, {@link dev.storeauth.credentials.internal.SecretFormat} recognises them
 * without a lookup, and {@link dev.storeauth.credentials.SecretDigester} turns them into the
 * {@link dev.storeauth.credentials.SecretDigest} that is the only form ever stored.
 */
package dev.storeauth.credentials;
