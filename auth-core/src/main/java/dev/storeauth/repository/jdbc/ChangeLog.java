package dev.storeauth.repository.jdbc;

import dev.storeauth.repository.LookupKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Announces a changed account inside the writing transaction, so the announcement exists exactly
 * when the change does: a row in {@code storeauth_changes} (for polling nodes) and, on PostgreSQL,
 * {@code pg_notify} (delivered to listeners at commit). Both carry the account's lookup key in
 * {@link LookupKeyText} form; the row also names the account id, for people reading the table.
 */
final class ChangeLog {

    /** The PostgreSQL notification channel; the payload is the lookup key's text, empty if it has none. */
    static final String CHANNEL = "storeauth_changes";

    private final Dialect dialect;
    private final Clock clock;

    ChangeLog(Dialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Announces that the account {@code accountId}, found under {@code key}, changed. */
    void publish(Connection c, String accountId, LookupKey key) throws SQLException {
        String text = LookupKeyText.encode(key).orElse(null);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO storeauth_changes (account_id, lookup_key, changed_at_us) VALUES (?, ?, ?)")) {
            ps.setString(1, accountId);
            ps.setString(2, text);
            ps.setLong(3, AccountRows.micros(clock.instant()));
            ps.executeUpdate();
        }
        if (dialect.supportsNotify()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                ps.setString(1, text == null ? "" : text);
                ps.executeQuery().close();
            }
        }
    }
}
