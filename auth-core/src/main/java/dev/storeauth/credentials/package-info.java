/**
 * Secrets at rest: {@link dev.storeauth.credentials.SecretDigester} turns a secret into the
 * {@link dev.storeauth.credentials.SecretDigest} that is the only form ever stored (SHA-256, or
 * HMAC-SHA-256 with a key of the operator's), and compares digests in constant time.
 */
package dev.storeauth.credentials;
