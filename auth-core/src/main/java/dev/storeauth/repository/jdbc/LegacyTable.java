package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.repository.LookupKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The statements on {@code storeauth_legacy_accounts}, each on the caller's connection; the writes
 * publish their change and record their audit entry there. A legacy account is found by store and
 * username only, so that is the one key its changes publish.
 */
final class LegacyTable {

    private static final String SELECT = "SELECT " + AccountRows.LEGACY_COLUMNS + " FROM storeauth_legacy_accounts";

    private LegacyTable() {
    }

    static Optional<LegacyAccount> find(Connection c, String storeHash, String username) throws SQLException {
        return Sql.first(c, SELECT + " WHERE store_hash = ? AND username = ?", AccountRows::legacy, storeHash, username);
    }

    /** The account whose token or previous token has {@code digestHex}; one indexed select per column. */
    static Optional<LegacyAccount> findBySecret(Connection c, String digestHex) throws SQLException {
        return Sql.first(c, SELECT + " WHERE token_digest = ? UNION ALL " + SELECT + " WHERE previous_token_digest = ?",
                AccountRows::legacy, digestHex, digestHex);
    }

    static List<LegacyAccount> list(Connection c, String storeHash) throws SQLException {
        return Sql.list(c, SELECT + " WHERE store_hash = ? ORDER BY created_at_us, username", AccountRows::legacy,
                storeHash);
    }

    /** Inserts {@code account}; a taken username or token fails with the unique violation (SQLSTATE 23505). */
    static void insert(Connection c, ChangeLog changes, LegacyAccount account, AuditEntry audit) throws SQLException {
        Sql.update(c, "INSERT INTO storeauth_legacy_accounts (id, " + AccountRows.LEGACY_COLUMNS + ") VALUES ("
                + AccountRows.LEGACY_VALUES + ")", ps -> AccountRows.bind(ps, account));
        changes.publish(c, account);
        AuditRows.insert(c, audit);
    }

    /** Writes {@code after}'s token and previous token if the stored ones are still {@code before}'s. */
    static boolean replace(Connection c, Dialect dialect, ChangeLog changes, LegacyAccount before, LegacyAccount after,
            AuditEntry audit) throws SQLException {
        int replaced = Sql.update(c, "UPDATE storeauth_legacy_accounts SET token_digest = ?, previous_token_digest = ?,"
                + " previous_token_expires_at_us = ? WHERE id = ? AND token_digest = ?"
                + AccountRows.previousUnchanged(dialect),
                after.tokenDigest().toHex(), AccountRows.previousDigest(after), AccountRows.previousExpiry(after),
                before.id(), before.tokenDigest().toHex(), AccountRows.previousDigest(before),
                AccountRows.previousExpiry(before));
        if (replaced == 0) {
            return false;
        }
        changes.publish(c, before, after);
        AuditRows.insert(c, audit);
        return true;
    }

    static boolean delete(Connection c, ChangeLog changes, String storeHash, String username, AuditEntry audit)
            throws SQLException {
        String id = LegacyAccount.idOf(storeHash, username);
        if (Sql.update(c, "DELETE FROM storeauth_legacy_accounts WHERE id = ?", id) == 0) {
            return false;
        }
        changes.publish(c, id, List.of(new LookupKey.ByUsername(storeHash, username)));
        AuditRows.insert(c, audit);
        return true;
    }
}
