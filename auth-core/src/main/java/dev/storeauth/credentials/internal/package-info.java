/**
 * Implementation, not exported: credentials as they arrive on the wire. The strict RFC 7617 Basic
 * and RFC 6750 token parsing the built-in credential schemes use (canonical padded base64 decoded
 * in place, UTF-8, the first colon), and the secret formats: prefixes and checksums that
 * {@code SecretGenerator} writes and {@code SecretFormat} recognises without a lookup.
 */
package dev.storeauth.credentials.internal;
