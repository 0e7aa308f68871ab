/**
 * The API account lifecycle a store owner drives from a control panel: create OAuth accounts
 * (at most a configurable number per store, 50 by default, enforced atomically), create legacy
 * accounts, regenerate legacy tokens, delete and bulk-delete, and list accounts without secrets.
 *
 * <p>{@link dev.storeauth.lifecycle.AccountLifecycle} is the service. The host application
 * supplies who owns which store ({@link dev.storeauth.lifecycle.StoreOwnership}), receives audit
 * events ({@link dev.storeauth.lifecycle.LifecycleEvent.Listener}) and wires revocation to its cache
 * ({@link dev.storeauth.lifecycle.AccountLifecycle.Builder#changeListener}). User errors (not the owner, bad input, the
 * limit, unknown account, duplicate username) are values: {@link dev.storeauth.lifecycle.Outcome}.
 *
 * <p>Secrets (client secret, access token, legacy API token) are returned exactly once, in
 * {@link dev.storeauth.lifecycle.IssuedCredentials.OAuth} or {@link dev.storeauth.lifecycle.IssuedCredentials.Legacy};
 * only their digests are stored, and no other method returns them.
 */
package dev.storeauth.lifecycle;
