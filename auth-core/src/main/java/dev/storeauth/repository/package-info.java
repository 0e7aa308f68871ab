/**
 * Where accounts live. {@link dev.storeauth.repository.AccountLookup} is the one-method lookup SPI the
 * authenticator needs; {@link dev.storeauth.repository.AccountRepository} adds what the account
 * lifecycle needs to write. {@link dev.storeauth.repository.InMemoryAccountRepository} implements both
 * for tests and embedding. {@link dev.storeauth.repository.AccountChange} tells a cache which lookup
 * keys a committed change made stale; the JDBC repository (implementation, in {@code repository.jdbc})
 * publishes them to every node.
 *
 * <p>A repository that cannot answer throws {@link dev.storeauth.repository.RepositoryUnavailableException}; it
 * never reports "not found" for an account it could not look up.
 */
package dev.storeauth.repository;
