package dev.storeauth.repository.jdbc;

import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Recording each OAuth account's expiry in the audit trail once: the {@code expiry_recorded} flag is
 * set by a conditional {@code UPDATE} in the transaction that writes the entry, so of several nodes
 * recording at once exactly one finds the flag unset (the others wait for its row lock, then match no
 * row) and writes the entry.
 */
final class ExpiryRows {

    /** An account whose expiry has passed and is not recorded yet, as last read. */
    record Due(String id, String storeHash, long expiresAtMicros) {
    }

    private ExpiryRows() {
    }

    /** The accounts expired at or before {@code now} whose expiry is not recorded, soonest first. */
    static List<Due> due(Connection c, Instant now) throws SQLException {
        return Sql.list(c, "SELECT id, store_hash, expires_at_us FROM storeauth_oauth_accounts"
                + " WHERE expiry_recorded = FALSE AND expires_at_us <= ? ORDER BY expires_at_us, id",
                rs -> new Due(rs.getString(1), rs.getString(2), rs.getLong(3)), AccountRows.micros(now));
    }

    /**
     * Flags {@code due} as recorded and writes its entry, unless another node did first or its expiry
     * changed since it was read (then a later run sees the new one).
     *
     * @return whether this call recorded it
     */
    static boolean record(Connection c, Due due) throws SQLException {
        int flagged = Sql.update(c, "UPDATE storeauth_oauth_accounts SET expiry_recorded = TRUE"
                + " WHERE id = ? AND expiry_recorded = FALSE AND expires_at_us = ?", due.id(), due.expiresAtMicros());
        if (flagged == 0) {
            return false;
        }
        AuditRows.insert(c, AuditEntry.of(AccountRows.fromMicros(due.expiresAtMicros()), AuditEntry.SYSTEM,
                AuditAction.OAUTH_ACCOUNT_EXPIRED, due.storeHash()).forAccount(due.id()));
        return true;
    }
}
