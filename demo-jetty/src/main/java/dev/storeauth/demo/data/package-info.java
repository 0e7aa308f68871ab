/**
 * The demo's data in its database: the store, its control-panel users (PBKDF2 password hashes) and
 * the store API's records. The API accounts themselves live in
 * {@link dev.storeauth.repository.jdbc.JdbcAccountRepository}'s tables in the same database.
 *
 * <p>The data directory is owner-only ({@link dev.storeauth.demo.data.DataDirectory}). Beside the
 * embedded H2 file {@code storeauth.mv.db} a commit mark {@code storeauth.hwm} records what the file
 * is known to hold, and {@link dev.storeauth.demo.data.DemoDatabase#open} refuses a file that holds
 * less; {@link dev.storeauth.demo.data.Backups} backs it up and restores it with H2's own tools.
 * None of this applies to a {@code --jdbc-url} database, which keeps and backs up its own data.
 */
package dev.storeauth.demo.data;
