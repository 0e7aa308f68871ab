package dev.storeauth.repository.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the repository runs on, and the few statements that differ between them. */
enum Dialect {
    POSTGRESQL("INSERT INTO storeauth_stores (store_hash) VALUES (?) ON CONFLICT DO NOTHING"),
    H2("MERGE INTO storeauth_stores KEY (store_hash) VALUES (?)");

    private final String upsertStore;

    Dialect(String upsertStore) {
        this.upsertStore = upsertStore;
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

    boolean supportsNotify() {
        return this == POSTGRESQL;
    }
}
