package dev.storeauth.demo.data;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of a store API collection.
 *
 * @param id its id, unique across collections
 * @param body its JSON object, as stored
 */
public record StoredRecord(long id, String body, Instant createdAt, Instant updatedAt) {

    public StoredRecord {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
