package dev.storeauth.repository.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the repository runs on, and the few statements that differ between them. */
enum Dialect {
    POSTGRESQL("INSERT INTO storeauth_stores (store_hash) VALUES (?) ON CONFLICT DO NOTHING",
            "INSERT INTO storeauth_credential_policies (store_hash, require_expiry, max_lifetime_ns) VALUES (?, ?, ?)"
                    + " ON CONFLICT (store_hash) DO UPDATE SET require_expiry = EXCLUDED.require_expiry,"
                    + " max_lifetime_ns = EXCLUDED.max_lifetime_ns"),
    H2("MERGE INTO storeauth_stores KEY (store_hash) VALUES (?)",
            "MERGE INTO storeauth_credential_policies (store_hash, require_expiry, max_lifetime_ns) KEY (store_hash)"
                    + " VALUES (?, ?, ?)");

    private final String upsertStore;
    private final String upsertPolicy;

    Dialect(String upsertStore, String upsertPolicy) {
        this.upsertStore = upsertStore;
        this.upsertPolicy = upsertPolicy;
    }

    /**
     * The dialect of {@code connection}'s database.
     *
     * @throws IllegalArgumentException for a database other than PostgreSQL and H2: the schema scripts
     *     use both's {@code IF NOT EXISTS} forms, which other databases lack or spell differently
     */
    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database " + product + ": the account repository runs on"
                + " PostgreSQL and H2");
    }

    /** Inserts the store's row unless it exists; the statement's one parameter is the store hash. */
    String upsertStore() {
        return upsertStore;
    }

    /** Inserts or replaces a store's credential policy; parameters store hash, require expiry, longest lifetime (ns). */
    String upsertPolicy() {
        return upsertPolicy;
    }

    boolean supportsNotify() {
        return this == POSTGRESQL;
    }
}
