package dev.storeauth.repository.jdbc;

import dev.storeauth.repository.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Last uses, kept on the account rows ({@code last_used_at_us}, {@code last_used_from}). Account ids
 * are unique across both kinds, so each id is set in whichever table has it; a use older than the
 * stored one changes nothing, time and address alike.
 */
final class UsageRows {

    private static final List<String> TABLES = List.of("storeauth_oauth_accounts", "storeauth_legacy_accounts");

    private UsageRows() {
    }

    static void record(Connection c, Map<String, Usage> usageById) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET last_used_at_us = ?, last_used_from = ? WHERE id = ?"
                    + " AND (last_used_at_us IS NULL OR last_used_at_us < ?)")) {
                for (Map.Entry<String, Usage> e : usageById.entrySet()) {
                    long at = AccountRows.micros(e.getValue().at());
                    ps.setLong(1, at);
                    Sql.setNullable(ps, 2, e.getValue().from().orElse(null));
                    ps.setString(3, e.getKey());
                    ps.setLong(4, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    static Map<String, Usage> read(Connection c, String storeHash) throws SQLException {
        Map<String, Usage> out = new HashMap<>();
        for (String table : TABLES) {
            Sql.list(c, "SELECT id, last_used_at_us, last_used_from FROM " + table
                    + " WHERE store_hash = ? AND last_used_at_us IS NOT NULL", rs -> Map.entry(rs.getString(1),
                            new Usage(AccountRows.fromMicros(rs.getLong(2)), Optional.ofNullable(rs.getString(3)))),
                    storeHash).forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }
}
