package dev.storeauth.demo.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * What an embedded H2 database holds now, in the terms of {@link CommitMark}: read from H2's
 * {@code INFORMATION_SCHEMA}, so a table that does not exist yet counts as 0.
 *
 * @param storeHash the store it serves, empty before the first start has seeded one
 * @param changes the highest account change number allocated
 * @param records the highest store record id allocated
 * @param audit the highest audit event id allocated
 */
record HeldData(Optional<String> storeHash, long changes, long records, long audit) {

    HeldData {
        Objects.requireNonNull(storeHash, "storeHash");
    }

    /** @throws SQLException if the database cannot be read */
    static HeldData of(Connection c) throws SQLException {
        return new HeldData(storeHash(c), allocated(c, "STOREAUTH_CHANGES"), allocated(c, "DEMO_RECORDS"),
                allocated(c, "STOREAUTH_AUDIT_EVENTS"));
    }

    /** The mark to keep for this state; empty before a store exists. */
    Optional<CommitMark> mark() {
        return storeHash.map(hash -> new CommitMark(hash, changes, records, audit));
    }

    /** The identity counter's last value: IDENTITY_BASE is the next one it gives out. */
    private static long allocated(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = 'ID'")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Math.max(0, rs.getLong(1) - 1) : 0;
            }
        }
    }

    private static Optional<String> storeHash(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'DEMO_STORES'");
                ResultSet exists = s.executeQuery()) {
            if (!exists.next() || exists.getInt(1) == 0) {
                return Optional.empty();
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT store_hash FROM demo_stores ORDER BY created_at, store_hash")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
