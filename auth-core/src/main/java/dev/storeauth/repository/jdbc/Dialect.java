package dev.storeauth.repository.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the repository runs on, and the few statements and scripts that differ between them. */
enum Dialect {
    POSTGRESQL("INSERT INTO storeauth_stores (store_hash) VALUES (?) ON CONFLICT DO NOTHING",
            "INSERT INTO storeauth_credential_policies (store_hash, require_expiry, max_lifetime_ns) VALUES (?, ?, ?)"
                    + " ON CONFLICT (store_hash) DO UPDATE SET require_expiry = EXCLUDED.require_expiry,"
                    + " max_lifetime_ns = EXCLUDED.max_lifetime_ns", "IS NOT DISTINCT FROM", ""),
    H2("MERGE INTO storeauth_stores KEY (store_hash) VALUES (?)",
            "MERGE INTO storeauth_credential_policies (store_hash, require_expiry, max_lifetime_ns) KEY (store_hash)"
                    + " VALUES (?, ?, ?)", "IS NOT DISTINCT FROM", ""),
    // ON DUPLICATE KEY takes an exclusive lock on a duplicate row where INSERT IGNORE takes a shared
    // one, so concurrent first inserts into a new store queue instead of deadlocking.
    MARIADB("INSERT INTO storeauth_stores (store_hash) VALUES (?) ON DUPLICATE KEY UPDATE store_hash = store_hash",
            "INSERT INTO storeauth_credential_policies (store_hash, require_expiry, max_lifetime_ns) VALUES (?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE require_expiry = VALUES(require_expiry),"
                    + " max_lifetime_ns = VALUES(max_lifetime_ns)", "<=>", "mariadb/");

    private final String upsertStore;
    private final String upsertPolicy;
    private final String nullSafeEquals;
    private final String scripts;

    Dialect(String upsertStore, String upsertPolicy, String nullSafeEquals, String scripts) {
        this.upsertStore = upsertStore;
        this.upsertPolicy = upsertPolicy;
        this.nullSafeEquals = nullSafeEquals;
        this.scripts = scripts;
    }

    /**
     * The dialect of {@code connection}'s database.
     *
     * @throws IllegalArgumentException for a database other than PostgreSQL, MariaDB and H2 (MySQL
     *     included): the schema scripts use their {@code IF NOT EXISTS} forms, which others lack
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
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database " + product + ": the account repository runs on"
                + " PostgreSQL, MariaDB and H2");
    }

    /** Inserts the store's row unless it exists; the statement's one parameter is the store hash. */
    String upsertStore() {
        return upsertStore;
    }

    /** Inserts or replaces a store's credential policy; parameters store hash, require expiry, longest lifetime (ns). */
    String upsertPolicy() {
        return upsertPolicy;
    }

    /** The operator that is true when both sides are equal or both NULL. */
    String nullSafeEquals() {
        return nullSafeEquals;
    }

    /** The resource name of schema script {@code name} for this database. */
    String script(String name) {
        return scripts + name;
    }

    boolean supportsNotify() {
        return this == POSTGRESQL;
    }
}
