package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements on {@code storeauth_oauth_accounts}, each on the caller's connection; the writes
 * publish their change and record their audit entry there, so the caller's transaction commits all
 * three or none.
 */
final class OAuthTable {

    private static final String SELECT = "SELECT " + AccountRows.OAUTH_COLUMNS + " FROM storeauth_oauth_accounts";

    private OAuthTable() {
    }

    /**
     * The account whose current or previous token has {@code digestHex}, the current one first. A
     * {@code UNION ALL} rather than an {@code OR}, so that each half uses its column's index (H2 scans
     * the table for an {@code OR} of two columns); the current token's row is picked here rather than
     * by an {@code ORDER BY}, which would add a sort to every lookup for a choice between at most two rows.
     */
    static Optional<OAuthAccount> findByToken(Connection c, String digestHex) throws SQLException {
        List<Map.Entry<Integer, OAuthAccount>> rows = Sql.list(c, "SELECT " + AccountRows.OAUTH_COLUMNS
                + ", 0 FROM storeauth_oauth_accounts WHERE access_token_digest = ? UNION ALL SELECT "
                + AccountRows.OAUTH_COLUMNS + ", 1 FROM storeauth_oauth_accounts WHERE previous_token_digest = ?",
                rs -> Map.entry(rs.getInt(13), AccountRows.oauth(rs)), digestHex, digestHex);
        return rows.stream().min(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
    }

    /**
     * The account whose access token, previous token or client secret has {@code digestHex}; a
     * {@code UNION ALL} of one indexed select per column, as in {@link #findByToken}.
     */
    static Optional<OAuthAccount> findBySecret(Connection c, String digestHex) throws SQLException {
        return Sql.first(c, SELECT + " WHERE access_token_digest = ? UNION ALL " + SELECT
                + " WHERE previous_token_digest = ? UNION ALL " + SELECT + " WHERE client_secret_digest = ?",
                AccountRows::oauth, digestHex, digestHex, digestHex);
    }

    static List<OAuthAccount> list(Connection c, String storeHash) throws SQLException {
        return Sql.list(c, SELECT + " WHERE store_hash = ? ORDER BY created_at_us, id", AccountRows::oauth, storeHash);
    }

    static Optional<OAuthAccount> one(Connection c, String storeHash, String id) throws SQLException {
        return Sql.first(c, SELECT + " WHERE id = ? AND store_hash = ?", AccountRows::oauth, id, storeHash);
    }

    /** By the unique index on {@code client_id} ({@code storeauth_oauth_client_id_uq}). */
    static Optional<OAuthAccount> byClientId(Connection c, String clientId) throws SQLException {
        return Sql.first(c, SELECT + " WHERE client_id = ?", AccountRows::oauth, clientId);
    }

    /** Inserts {@code account} unless the store has {@code limit} accounts, its row locked meanwhile. */
    static boolean insert(Connection c, Dialect dialect, ChangeLog changes, OAuthAccount account, int limit,
            AuditEntry audit) throws SQLException {
        lockStore(c, dialect, account.storeHash());
        // On MariaDB's REPEATABLE READ the snapshot is taken by the first plain read, this count, which
        // comes after the lock: it sees every account the lock's previous holders committed.
        long count = Sql.first(c, "SELECT COUNT(*) FROM storeauth_oauth_accounts WHERE store_hash = ?",
                rs -> rs.getLong(1), account.storeHash()).orElse(0L);
        if (count >= limit) {
            return false;
        }
        Sql.update(c, "INSERT INTO storeauth_oauth_accounts (" + AccountRows.OAUTH_COLUMNS + ") VALUES ("
                + AccountRows.OAUTH_VALUES + ")", ps -> AccountRows.bind(ps, account));
        changes.publish(c, account);
        AuditRows.insert(c, audit);
        return true;
    }

    /**
     * Writes {@code after}'s tokens, expiry and allowlist if the stored tokens, expiry and allowlist are
     * still {@code before}'s: a roll read before an allowlist change must not write the old list back.
     */
    static boolean replace(Connection c, Dialect dialect, ChangeLog changes, OAuthAccount before, OAuthAccount after,
            AuditEntry audit) throws SQLException {
        int replaced = Sql.update(c, "UPDATE storeauth_oauth_accounts SET access_token_digest = ?,"
                + " previous_token_digest = ?, previous_token_expires_at_us = ?, expires_at_us = ?,"
                + " allowed_addresses = ? WHERE id = ? AND store_hash = ? AND access_token_digest = ?"
                + AccountRows.previousUnchanged(dialect) + " AND expires_at_us " + dialect.nullSafeEquals()
                + " ? AND allowed_addresses " + dialect.nullSafeEquals() + " ?", after.accessTokenDigest().toHex(),
                AccountRows.previousDigest(after), AccountRows.previousExpiry(after), expiry(after),
                AccountRows.encodeAddresses(after.allowedAddresses()), before.id(), before.storeHash(),
                before.accessTokenDigest().toHex(), AccountRows.previousDigest(before),
                AccountRows.previousExpiry(before), expiry(before), AccountRows.encodeAddresses(before.allowedAddresses()));
        if (replaced == 0) {
            return false;
        }
        changes.publish(c, before, after);
        AuditRows.insert(c, audit);
        return true;
    }

    private static Long expiry(OAuthAccount account) {
        return account.expiresAt().map(AccountRows::micros).orElse(null);
    }

    /** Deletes those of {@code ids} in the store, each row locked, read (for its keys) and audited. */
    static List<String> delete(Connection c, ChangeLog changes, String storeHash, Collection<String> ids,
            AuditEntry audit) throws SQLException {
        List<String> deleted = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<OAuthAccount> found = Sql.first(c, SELECT + " WHERE id = ? AND store_hash = ? FOR UPDATE",
                    AccountRows::oauth, id, storeHash);
            if (found.isPresent() && Sql.update(c,
                    "DELETE FROM storeauth_oauth_accounts WHERE id = ? AND store_hash = ?", id, storeHash) == 1) {
                changes.publish(c, found.get());
                AuditRows.insert(c, audit.forAccount(id));
                deleted.add(id);
            }
        }
        return deleted;
    }

    /** Creates the store's row if needed, then holds its lock until the transaction ends. */
    private static void lockStore(Connection c, Dialect dialect, String storeHash) throws SQLException {
        Sql.update(c, dialect.upsertStore(), storeHash);
        Sql.list(c, "SELECT store_hash FROM storeauth_stores WHERE store_hash = ? FOR UPDATE", rs -> 1, storeHash);
    }
}
