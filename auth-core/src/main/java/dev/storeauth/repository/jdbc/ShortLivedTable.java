package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.repository.LookupKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The statements on {@code storeauth_short_lived_tokens}, each on the caller's connection. A token is
 * found joined to its account, and only while the account's access token is still the one it is bound
 * to and it has not expired, so a roll or a delete ends it at once, before any pruning.
 */
final class ShortLivedTable {

    private static final String ACCOUNT_COLUMNS = "a." + AccountRows.OAUTH_COLUMNS.replace(", ", ", a.");
    private static final String FIND = "SELECT " + ACCOUNT_COLUMNS + ", t.token_digest, t.scopes, t.expires_at_us"
            + " FROM storeauth_short_lived_tokens t JOIN storeauth_oauth_accounts a ON a.id = t.account_id"
            + " AND a.access_token_digest = t.bound_token_digest WHERE t.token_digest = ? AND t.expires_at_us > ?";

    private ShortLivedTable() {
    }

    /** The live token with digest {@code digestHex} at {@code now}. */
    static Optional<ShortLivedAccount> find(Connection c, String digestHex, Instant now) throws SQLException {
        return Sql.first(c, FIND, ShortLivedTable::row, digestHex, AccountRows.micros(now));
    }

    /** Inserts {@code token} if its account still has the access token it is bound to; one statement. */
    static boolean insert(Connection c, ShortLivedAccount token, Instant issuedAt) throws SQLException {
        return Sql.update(c, "INSERT INTO storeauth_short_lived_tokens (token_digest, account_id, bound_token_digest,"
                + " scopes, issued_at_us, expires_at_us) SELECT ?, id, access_token_digest, ?, ?, ?"
                + " FROM storeauth_oauth_accounts WHERE id = ? AND access_token_digest = ?",
                token.tokenDigest().toHex(), AccountRows.encodeScopes(token.scopes()), AccountRows.micros(issuedAt),
                AccountRows.micros(token.expiresAt().get()), token.id(),
                token.account().accessTokenDigest().toHex()) == 1;
    }

    /** Deletes the token, announcing its own key and recording {@code audit}; {@code false} if there is none. */
    static boolean delete(Connection c, ChangeLog changes, SecretDigest digest, AuditEntry audit) throws SQLException {
        String hex = digest.toHex();
        Optional<String> accountId = Sql.first(c, "SELECT account_id FROM storeauth_short_lived_tokens"
                + " WHERE token_digest = ? FOR UPDATE", rs -> rs.getString(1), hex);
        if (accountId.isEmpty()
                || Sql.update(c, "DELETE FROM storeauth_short_lived_tokens WHERE token_digest = ?", hex) == 0) {
            return false;
        }
        changes.publish(c, accountId.get(), List.of(new LookupKey.ByTokenDigest(digest)));
        AuditRows.insert(c, audit);
        return true;
    }

    /** Deletes the tokens expired at {@code now} and those no longer bound to their account's access token. */
    static int prune(Connection c, Instant now) throws SQLException {
        return Sql.update(c, "DELETE FROM storeauth_short_lived_tokens WHERE expires_at_us <= ? OR NOT EXISTS"
                + " (SELECT 1 FROM storeauth_oauth_accounts a WHERE a.id = storeauth_short_lived_tokens.account_id"
                + " AND a.access_token_digest = storeauth_short_lived_tokens.bound_token_digest)",
                AccountRows.micros(now));
    }

    private static ShortLivedAccount row(ResultSet rs) throws SQLException {
        return new ShortLivedAccount(AccountRows.oauth(rs), SecretDigest.fromHex(rs.getString(13)),
                AccountRows.decodeScopes(rs.getString(14)), Optional.of(AccountRows.fromMicros(rs.getLong(15))));
    }
}
