package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Column lists and the mapping between rows and accounts. */
final class AccountRows {

    static final String OAUTH_COLUMNS = "id, store_hash, name, client_id, client_secret_digest,"
            + " access_token_digest, scopes, created_at_us";
    static final String LEGACY_COLUMNS = "store_hash, username, token_digest, created_at_us";
    private static final String UNRESTRICTED = "*";

    private AccountRows() {
    }

    static OAuthAccount oauth(ResultSet rs) throws SQLException {
        return new OAuthAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                SecretDigest.fromHex(rs.getString(5)), SecretDigest.fromHex(rs.getString(6)),
                decodeScopes(rs.getString(7)), fromMicros(rs.getLong(8)));
    }

    static LegacyAccount legacy(ResultSet rs) throws SQLException {
        return new LegacyAccount(rs.getString(1), rs.getString(2), SecretDigest.fromHex(rs.getString(3)),
                fromMicros(rs.getLong(4)));
    }

    static void bind(PreparedStatement ps, OAuthAccount a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.storeHash());
        ps.setString(3, a.name());
        ps.setString(4, a.clientId());
        ps.setString(5, a.clientSecretDigest().toHex());
        ps.setString(6, a.accessTokenDigest().toHex());
        ps.setString(7, encodeScopes(a.scopes()));
        ps.setLong(8, micros(a.createdAt()));
    }

    static void bind(PreparedStatement ps, LegacyAccount a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.storeHash());
        ps.setString(3, a.username());
        ps.setString(4, a.tokenDigest().toHex());
        ps.setLong(5, micros(a.createdAt()));
    }

    /** Times are kept to the microsecond, the finest both H2 and PostgreSQL agree on. */
    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** {@code resource=level,...} in grant order, or {@code *} for unrestricted. */
    static String encodeScopes(Scopes scopes) {
        if (scopes.isUnrestricted()) {
            return UNRESTRICTED;
        }
        StringJoiner out = new StringJoiner(",");
        scopes.granted().forEach((resource, level) -> {
            if (resource.contains(",") || resource.contains("=")) {
                throw new IllegalArgumentException("resource ids must not contain ',' or '='");
            }
            out.add(resource + "=" + level.wireName());
        });
        return out.toString();
    }

    static Scopes decodeScopes(String text) {
        if (UNRESTRICTED.equals(text)) {
            return Scopes.unrestricted();
        }
        Map<String, AccessLevel> levels = new LinkedHashMap<>();
        for (String grant : text.isEmpty() ? new String[0] : text.split(",")) {
            int eq = grant.indexOf('=');
            levels.put(grant.substring(0, eq), AccessLevel.fromWireName(grant.substring(eq + 1))
                    .orElseThrow(() -> new IllegalStateException("unknown access level in stored scopes")));
        }
        return Scopes.of(levels);
    }
}
