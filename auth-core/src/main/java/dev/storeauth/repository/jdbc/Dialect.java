package dev.storeauth.repository.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The few statements that differ between databases. */
enum Dialect {
    POSTGRESQL("INSERT INTO storeauth_stores (store_hash) VALUES (?) ON CONFLICT DO NOTHING"),
    H2("MERGE INTO storeauth_stores KEY (store_hash) VALUES (?)"),
    OTHER("MERGE INTO storeauth_stores s USING (VALUES (?)) v (h) ON s.store_hash = v.h"
            + " WHEN NOT MATCHED THEN INSERT (store_hash) VALUES (v.h)");

    private final String upsertStore;

    Dialect(String upsertStore) {
        this.upsertStore = upsertStore;
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        return product.contains("h2") ? H2 : OTHER;
    }

    /** Inserts the store's row unless it exists; the statement's one parameter is the store hash. */
    String upsertStore() {
        return upsertStore;
    }

    boolean supportsNotify() {
        return this == POSTGRESQL;
    }
}
