/**
 * The API account lifecycle a store owner drives from a control panel: create OAuth accounts
 * (at most a configurable number per store, 50 by default, enforced atomically), optionally expiring
 * and restricted to client addresses; roll their access tokens with an overlap in which old and new
 * both work; create legacy accounts and regenerate their tokens, also with an overlap; delete and
 * bulk-delete; list accounts without secrets but with expiry, overlap, allowlist and last use; keep
 * each store's {@link dev.storeauth.policy.CredentialPolicy}; read the store's audit trail; and revoke a
 * leaked secret at once, as the system ({@link dev.storeauth.lifecycle.AccountLifecycle#revokeLeakedSecret},
 * {@link dev.storeauth.lifecycle.Revocation}).
 *
 * <p>{@link dev.storeauth.lifecycle.AccountLifecycle} is the service. The host application
 * supplies who owns which store ({@link dev.storeauth.lifecycle.StoreOwnership}) and who is asking
 * from where ({@link dev.storeauth.lifecycle.Actor}), may receive change events
 * ({@link dev.storeauth.lifecycle.LifecycleEvent.Listener}) and wires revocation to its cache
 * ({@link dev.storeauth.lifecycle.AccountLifecycle.Builder#changeListener}). User errors (not the owner, bad input, the
 * limit, unknown account, duplicate username, a concurrent change) are values: {@link dev.storeauth.lifecycle.Outcome}.
 *
 * <p>Secrets (client secret, access token, legacy API token) are returned exactly once, in
 * {@link dev.storeauth.lifecycle.IssuedCredentials.OAuth}, {@link dev.storeauth.lifecycle.IssuedCredentials.Rolled}
 * or {@link dev.storeauth.lifecycle.IssuedCredentials.Legacy};
 * only their digests are stored, and no other method returns them. Every change is written together
 * with its {@link dev.storeauth.audit.AuditEntry} in one repository transaction.
 */
package dev.storeauth.lifecycle;
