/**
 * The demo's data in its database: the store, its control-panel users (PBKDF2 password hashes) and
 * the store API's records. The API accounts themselves live in
 * {@link dev.storeauth.store.jdbc.JdbcAccountRepository}'s tables in the same database.
 */
package dev.storeauth.demo.data;
