package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.cache.AccountCache;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Tells this node about accounts changed on any node, so it can evict them from its cache: the ids
 * go to {@code onChange}; after a lost connection, when changes may have been missed,
 * {@code onMissedChanges} runs (usually {@link AccountCache#invalidateAll()}).
 *
 * <pre>{@code
 * try (AccountChangeFeed feed = AccountChangeFeed.start(dataSource, cache)) { ... }
 * }</pre>
 *
 * Callbacks run on the feed's own daemon thread and must not block long.
 */
public interface AccountChangeFeed extends AutoCloseable {

    /** Stops the feed and releases its connection; idempotent. */
    @Override
    void close();

    /**
     * Starts the best feed for the database: {@code LISTEN} on PostgreSQL, polling every 200 ms
     * on H2, evicting changed accounts from {@code cache}.
     *
     * @throws RepositoryUnavailableException if the database cannot be reached to find out which it is
     * @throws IllegalArgumentException if it is neither PostgreSQL nor H2
     */
    static AccountChangeFeed start(DataSource dataSource, AccountCache cache) {
        Dialect dialect;
        try {
            dialect = new Jdbc(dataSource).read(Dialect::of);
        } catch (SQLException e) {
            throw Jdbc.unavailable("connect", e);
        }
        return dialect.supportsNotify()
                ? PostgresChangeListener.start(dataSource, evictor(cache), cache::invalidateAll)
                : PollingChangeListener.start(dataSource, evictor(cache), cache::invalidateAll,
                        Duration.ofMillis(200));
    }

    /**
     * Evicts an account id from {@code cache}: its cached entries and, for a legacy account, a
     * cached "not found" for its username (a newly created account must work at once).
     */
    static Consumer<String> evictor(AccountCache cache) {
        return accountId -> {
            cache.invalidateAccount(accountId);
            String[] parts = accountId.split(":", 3);
            if (parts.length == 3 && parts[0].equals("legacy") && LegacyAccount.isValidUsername(parts[2])) {
                cache.invalidate(new LookupKey.ByUsername(parts[1], parts[2]));
            }
        };
    }
}
