package dev.storeauth.demo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreRecordsTest {

    static final String STORE = "abc123";

    StoreRecords records;

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DemoSchema.migrate(h2);
        try (Connection c = h2.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO demo_stores (store_hash, info, created_at) VALUES (?, '{}', ?)")) {
            s.setString(1, STORE);
            s.setObject(2, OffsetDateTime.now());
            s.executeUpdate();
        }
        records = new StoreRecords(h2);
    }

    static String body(int chars) {
        return "{\"s\":\"" + "x".repeat(chars - 8) + "\"}";
    }

    @Test
    void aBodyAsLongAsTheColumnIsStoredAndReadBack() {
        StoredRecord created = records.create(STORE, "products", body(DemoSchema.MAX_DOCUMENT_CHARS));

        assertEquals(DemoSchema.MAX_DOCUMENT_CHARS, records.get(STORE, "products", created.id()).orElseThrow()
                .body().length());
    }

    @Test
    void aBodyLongerThanTheColumnIsTheCallersErrorNotAnUnavailableStore() {
        long id = records.create(STORE, "products", "{}").id();

        assertThrows(IllegalArgumentException.class,
                () -> records.create(STORE, "products", body(DemoSchema.MAX_DOCUMENT_CHARS + 1)));
        assertThrows(IllegalArgumentException.class,
                () -> records.update(STORE, "products", id, body(DemoSchema.MAX_DOCUMENT_CHARS + 1)));
        assertEquals(1, records.count(STORE, "products"));
        assertEquals("{}", records.get(STORE, "products", id).orElseThrow().body());
    }
}
