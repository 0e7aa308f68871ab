package dev.storeauth.repository.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Announces a changed account inside the writing transaction, so the announcement exists exactly
 * when the change does: a row in {@code storeauth_changes} (for polling nodes) and, on PostgreSQL,
 * {@code pg_notify} (delivered to listeners at commit).
 */
final class ChangeLog {

    /** The PostgreSQL notification channel; the payload is the account id. */
    static final String CHANNEL = "storeauth_changes";

    private final Dialect dialect;
    private final Clock clock;

    ChangeLog(Dialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    void publish(Connection c, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO storeauth_changes (account_id, changed_at_us) VALUES (?, ?)")) {
            ps.setString(1, accountId);
            ps.setLong(2, AccountRows.micros(clock.instant()));
            ps.executeUpdate();
        }
        if (dialect.supportsNotify()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                ps.setString(1, accountId);
                ps.executeQuery().close();
            }
        }
    }
}
