package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Column lists and the mapping between rows and accounts. */
final class AccountRows {

    static final String OAUTH_COLUMNS = "id, store_hash, name, client_id, client_secret_digest,"
            + " access_token_digest, scopes, created_at_us, expires_at_us, previous_token_digest,"
            + " previous_token_expires_at_us, allowed_addresses";
    static final String LEGACY_COLUMNS = "store_hash, username, token_digest, created_at_us, previous_token_digest,"
            + " previous_token_expires_at_us";
    /** Parameters for the OAuth columns, in their order. */
    static final String OAUTH_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    /** Parameters for the id and the legacy columns, in their order. */
    static final String LEGACY_VALUES = "?, ?, ?, ?, ?, ?, ?";
    private static final String UNRESTRICTED = "*";
    private static final String BLOCK_SEPARATOR = ",";

    private AccountRows() {
    }

    static OAuthAccount oauth(ResultSet rs) throws SQLException {
        return new OAuthAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                SecretDigest.fromHex(rs.getString(5)), SecretDigest.fromHex(rs.getString(6)),
                decodeScopes(rs.getString(7)), fromMicros(rs.getLong(8)),
                Sql.optionalLong(rs, 9).map(AccountRows::fromMicros), previous(rs, 10),
                decodeAddresses(rs.getString(12)));
    }

    static LegacyAccount legacy(ResultSet rs) throws SQLException {
        String storeHash = rs.getString(1);
        String username = rs.getString(2);
        return new LegacyAccount(storeHash, username, SecretDigest.fromHex(rs.getString(3)), fromMicros(rs.getLong(4)),
                LegacyAccount.idOf(storeHash, username), previous(rs, 5));
    }

    /** Binds {@link #OAUTH_COLUMNS} from parameter 1. */
    static void bind(PreparedStatement ps, OAuthAccount a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.storeHash());
        ps.setString(3, a.name());
        ps.setString(4, a.clientId());
        ps.setString(5, a.clientSecretDigest().toHex());
        ps.setString(6, a.accessTokenDigest().toHex());
        ps.setString(7, encodeScopes(a.scopes()));
        ps.setLong(8, micros(a.createdAt()));
        Sql.setNullable(ps, 9, a.expiresAt().map(AccountRows::micros).orElse(null));
        bindPrevious(ps, 10, a.previousToken());
        Sql.setNullable(ps, 12, encodeAddresses(a.allowedAddresses()));
    }

    /** Binds the id and {@link #LEGACY_COLUMNS} from parameter 1. */
    static void bind(PreparedStatement ps, LegacyAccount a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.storeHash());
        ps.setString(3, a.username());
        ps.setString(4, a.tokenDigest().toHex());
        ps.setLong(5, micros(a.createdAt()));
        bindPrevious(ps, 6, a.previousToken());
    }

    /** Binds the previous token's digest and expiry at {@code index} and the next, or two NULLs. */
    static void bindPrevious(PreparedStatement ps, int index, Optional<PreviousToken> previous) throws SQLException {
        Sql.setNullable(ps, index, previous.map(p -> p.digest().toHex()).orElse(null));
        Sql.setNullable(ps, index + 1, previous.map(p -> micros(p.expiresAt())).orElse(null));
    }

    /** The previous token in columns {@code index} (digest) and the next (expiry). */
    static Optional<PreviousToken> previous(ResultSet rs, int index) throws SQLException {
        String digest = rs.getString(index);
        Optional<Long> expiresAt = Sql.optionalLong(rs, index + 1);
        return digest == null || expiresAt.isEmpty() ? Optional.empty()
                : Optional.of(new PreviousToken(SecretDigest.fromHex(digest), fromMicros(expiresAt.get())));
    }

    /** The compare-and-set on the previous token; its two parameters are the expected digest and expiry. */
    static String previousUnchanged(Dialect dialect) {
        return " AND previous_token_digest " + dialect.nullSafeEquals() + " ? AND previous_token_expires_at_us "
                + dialect.nullSafeEquals() + " ?";
    }

    /** The previous token's digest, or {@code null}: a parameter for {@link #previousUnchanged}. */
    static String previousDigest(Account account) {
        return account.previousToken().map(p -> p.digest().toHex()).orElse(null);
    }

    /** The previous token's expiry, or {@code null}: a parameter for {@link #previousUnchanged}. */
    static Long previousExpiry(Account account) {
        return account.previousToken().map(p -> micros(p.expiresAt())).orElse(null);
    }

    /** The canonical blocks joined by {@code ,}; {@code null} for anywhere. */
    static String encodeAddresses(AllowedAddresses allowed) {
        if (allowed.isAnywhere()) {
            return null;
        }
        for (String block : allowed.blocks()) {
            if (block.contains(BLOCK_SEPARATOR)) {
                throw new IllegalArgumentException("an allowed address block must not contain ','");
            }
        }
        return String.join(BLOCK_SEPARATOR, allowed.blocks());
    }

    static AllowedAddresses decodeAddresses(String text) {
        return text == null || text.isEmpty() ? AllowedAddresses.anywhere()
                : AllowedAddresses.parse(List.of(text.split(BLOCK_SEPARATOR)));
    }

    /** Times are kept to the microsecond, the finest H2, PostgreSQL and MariaDB agree on. */
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
