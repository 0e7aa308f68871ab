package dev.storeauth.repository.jdbc;

import dev.storeauth.policy.CredentialPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code storeauth_credential_policies} table: one row per store that set a policy. The longest
 * lifetime is kept in nanoseconds, which holds every {@link CredentialPolicy} cap exactly.
 */
final class PolicyRows {

    private PolicyRows() {
    }

    static Optional<CredentialPolicy> read(Connection c, String storeHash) throws SQLException {
        return Sql.first(c, "SELECT require_expiry, max_lifetime_ns FROM storeauth_credential_policies"
                + " WHERE store_hash = ?", rs -> new CredentialPolicy(rs.getBoolean(1),
                        Sql.optionalLong(rs, 2).map(Duration::ofNanos)), storeHash);
    }

    /** Inserts or replaces the store's policy. */
    static void put(Connection c, Dialect dialect, String storeHash, CredentialPolicy policy) throws SQLException {
        Sql.update(c, dialect.upsertPolicy(), storeHash, policy.requireExpiry(),
                policy.maxLifetime().map(Duration::toNanos).orElse(null));
    }
}
