package dev.storeauth.demo.data;

import dev.storeauth.repository.RepositoryUnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store API's data: JSON documents by store and collection ({@code products}, {@code orders},
 * ...), plus each store's information document. Thread-safe; every fault is a
 * {@link RepositoryUnavailableException}.
 */
public final class StoreRecords {

    private final SqlRunner sql;

    public StoreRecords(DataSource dataSource) {
        this.sql = new SqlRunner(dataSource);
    }

    /** One page of a collection, oldest first; {@code offset} and {@code limit} as in SQL. */
    public List<StoredRecord> list(String storeHash, String collection, long offset, int limit) {
        return sql.run("list " + collection, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, body, created_at, updated_at FROM demo_records"
                    + " WHERE store_hash = ? AND collection = ? ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                s.setString(1, storeHash);
                s.setString(2, collection);
                s.setLong(3, offset);
                s.setInt(4, limit);
                return readAll(s);
            }
        });
    }

    /** How many records the collection holds. */
    public long count(String storeHash, String collection) {
        return sql.run("count " + collection, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM demo_records WHERE store_hash = ? AND collection = ?")) {
                s.setString(1, storeHash);
                s.setString(2, collection);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public Optional<StoredRecord> get(String storeHash, String collection, long id) {
        return sql.run("read " + collection, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, body, created_at, updated_at FROM demo_records"
                    + " WHERE store_hash = ? AND collection = ? AND id = ?")) {
                s.setString(1, storeHash);
                s.setString(2, collection);
                s.setLong(3, id);
                return readAll(s).stream().findFirst();
            }
        });
    }

    /**
     * Stores a new record and returns it with its id.
     *
     * @throws IllegalArgumentException if {@code body} is longer than {@link DemoSchema#MAX_DOCUMENT_CHARS}
     */
    public StoredRecord create(String storeHash, String collection, String body) {
        requireFits(body);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        long id = sql.run("create in " + collection, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO demo_records"
                    + " (store_hash, collection, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, storeHash);
                s.setString(2, collection);
                s.setString(3, body);
                s.setObject(4, now);
                s.setObject(5, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new StoredRecord(id, body, now.toInstant(), now.toInstant());
    }

    /**
     * Replaces a record's body; empty when there is no such record.
     *
     * @throws IllegalArgumentException if {@code body} is longer than {@link DemoSchema#MAX_DOCUMENT_CHARS}
     */
    public Optional<StoredRecord> update(String storeHash, String collection, long id, String body) {
        requireFits(body);
        int updated = sql.run("update in " + collection, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE demo_records SET body = ?, updated_at = ?"
                    + " WHERE store_hash = ? AND collection = ? AND id = ?")) {
                s.setString(1, body);
                s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
                s.setString(3, storeHash);
                s.setString(4, collection);
                s.setLong(5, id);
                return s.executeUpdate();
            }
        });
        return updated == 0 ? Optional.empty() : get(storeHash, collection, id);
    }

    /** Deletes a record; whether it existed. */
    public boolean delete(String storeHash, String collection, long id) {
        return sql.run("delete from " + collection, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM demo_records WHERE store_hash = ? AND collection = ? AND id = ?")) {
                s.setString(1, storeHash);
                s.setString(2, collection);
                s.setLong(3, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** A body the column cannot hold is the caller's error, not the database's being unavailable. */
    private static void requireFits(String body) {
        if (body.length() > DemoSchema.MAX_DOCUMENT_CHARS) {
            throw new IllegalArgumentException("a record body has at most " + DemoSchema.MAX_DOCUMENT_CHARS
                    + " characters, not " + body.length());
        }
    }

    private static List<StoredRecord> readAll(PreparedStatement s) throws SQLException {
        List<StoredRecord> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredRecord(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return out;
    }
}
