package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.Account;
import dev.storeauth.repository.LookupKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Announces a changed account inside the writing transaction, so the announcement exists exactly
 * when the change does: a row in {@code storeauth_changes} (for polling nodes) and, on PostgreSQL,
 * {@code pg_notify} (delivered to listeners at commit), for each lookup key the account had before or
 * has after the change (a roll: the new token, the rolled one, and the previous token it displaced).
 * Both carry the key in {@link LookupKeyText} form; the row also names the account id, for people
 * reading the table.
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

    /**
     * Announces that the account {@code accountId} changed, found before or after the change under
     * {@code keys}: a row and a notification for each distinct key, so that every node evicts all of them.
     */
    void publish(Connection c, String accountId, Collection<LookupKey> keys) throws SQLException {
        List<String> texts = new LinkedHashSet<>(keys).stream().map(k -> LookupKeyText.encode(k).orElse(null)).toList();
        long now = AccountRows.micros(clock.instant());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO storeauth_changes (account_id, lookup_key, changed_at_us) VALUES (?, ?, ?)")) {
            for (String text : texts) {
                ps.setString(1, accountId);
                ps.setString(2, text);
                ps.setLong(3, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (dialect.supportsNotify()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                for (String text : texts) {
                    ps.setString(1, text == null ? "" : text);
                    ps.executeQuery().close();
                }
            }
        }
    }

    /** Announces a change of {@code before} into {@code after}: every key of either. */
    void publish(Connection c, Account before, Account after) throws SQLException {
        List<LookupKey> keys = new ArrayList<>(LookupKey.allOf(before));
        keys.addAll(LookupKey.allOf(after));
        publish(c, after.id(), keys);
    }

    /** Announces that {@code account} was created or deleted: every key it is found under. */
    void publish(Connection c, Account account) throws SQLException {
        publish(c, account.id(), LookupKey.allOf(account));
    }
}
