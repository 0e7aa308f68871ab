package dev.storeauth.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeauth.demo.data.StoredRecord;
import dev.storeauth.demo.web.JsonResponses;
import java.io.UncheckedIOException;
import java.util.List;

/** Records as the API shows them: v2 bare, v3 in a {@code {"data": ..., "meta": ...}} envelope. */
final class RecordViews {

    private RecordViews() {
    }

    /** {@code {"id": .., ...body, "date_created": .., "date_modified": ..}}. */
    static ObjectNode record(StoredRecord record) {
        ObjectNode json = JsonResponses.MAPPER.createObjectNode();
        json.put("id", record.id());
        json.setAll(body(record.body()));
        json.put("date_created", record.createdAt().toString());
        json.put("date_modified", record.updatedAt().toString());
        return json;
    }

    /** One record, enveloped on v3. */
    static JsonNode one(ApiTarget target, JsonNode record) {
        if (!target.isV3()) {
            return record;
        }
        ObjectNode envelope = JsonResponses.MAPPER.createObjectNode();
        envelope.set("data", record);
        envelope.putObject("meta");
        return envelope;
    }

    /** A page of records: a bare array on v2, {@code data} with pagination {@code meta} on v3. */
    static JsonNode page(ApiTarget target, List<StoredRecord> records, Paging paging, long total) {
        var array = JsonResponses.MAPPER.createArrayNode();
        records.forEach(r -> array.add(record(r)));
        if (!target.isV3()) {
            return array;
        }
        ObjectNode envelope = JsonResponses.MAPPER.createObjectNode();
        envelope.set("data", array);
        ObjectNode pagination = envelope.putObject("meta").putObject("pagination");
        pagination.put("total", total);
        pagination.put("count", records.size());
        pagination.put("per_page", paging.limit());
        pagination.put("current_page", paging.page());
        pagination.put("total_pages", (total + paging.limit() - 1) / paging.limit());
        return envelope;
    }

    /** A stored body: always a JSON object, written by this API. */
    static ObjectNode body(String stored) {
        try {
            return (ObjectNode) JsonResponses.MAPPER.readTree(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("a stored record is not JSON", e);
        }
    }

    /** The client's fields, without those the server owns. */
    static ObjectNode writable(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        copy.remove(List.of("id", "date_created", "date_modified"));
        return copy;
    }
}
