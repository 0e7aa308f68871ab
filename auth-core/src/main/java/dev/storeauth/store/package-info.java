/**
 * Where accounts live. {@link dev.storeauth.store.CredentialStore} is the one-method lookup SPI the
 * authenticator needs; {@link dev.storeauth.store.AccountRepository} adds what the account
 * lifecycle needs to write. {@link dev.storeauth.store.InMemoryAccountRepository} implements both
 * for tests and embedding.
 *
 * <p>A store that cannot answer throws {@link dev.storeauth.store.StoreUnavailableException}; it
 * never reports "not found" for an account it could not look up.
 */
package dev.storeauth.store;
