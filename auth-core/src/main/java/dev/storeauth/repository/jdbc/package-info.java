/**
 * Accounts in a relational database, through any {@link javax.sql.DataSource} (the library never
 * opens a pool of its own): embedded H2 by default, PostgreSQL for many nodes.
 *
 * <ul>
 *   <li>{@link dev.storeauth.repository.jdbc.JdbcAccountRepository}: the store and lifecycle persistence,
 *       credential policies and the audit trail; it creates and migrates its schema on start
 *       ({@link dev.storeauth.repository.jdbc.SchemaMigrator}).
 *   <li>{@link dev.storeauth.repository.jdbc.BatchingUsageRecorder}: last-used times without a write per
 *       request.
 *   <li>{@link dev.storeauth.repository.jdbc.AccountChangeFeed}: every node evicts a changed account from
 *       its cache by lookup key, via PostgreSQL {@code LISTEN/NOTIFY} or by polling the change table.
 * </ul>
 *
 * <pre>{@code
 * JdbcAccountRepository repository = JdbcAccountRepository.create(dataSource);
 * AccountCache cache = AccountCache.builder(repository).build();
 * AccountChangeFeed feed = AccountChangeFeed.start(dataSource, cache);
 * }</pre>
 */
package dev.storeauth.repository.jdbc;
