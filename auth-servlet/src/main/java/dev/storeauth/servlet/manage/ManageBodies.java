package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.Outcome;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed fields of request bodies; a wrong or missing field is an {@code INVALID} outcome naming it. */
final class ManageBodies {

    /** The most ids one bulk delete accepts. */
    static final int MAX_IDS = 1000;

    private ManageBodies() {
    }

    static Outcome<String> string(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isTextual() ? Outcome.done(node.asText())
                : Outcome.invalid(field, field + " is required and must be a string");
    }

    /** {@code scopes}: an object of level strings; absent or null means no scopes. */
    static Outcome<Map<String, String>> scopes(JsonNode body) {
        JsonNode node = body.get("scopes");
        Map<String, String> scopes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return Outcome.done(scopes);
        }
        if (!node.isObject()) {
            return Outcome.invalid("scopes", "scopes must be an object of resource to level");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                return Outcome.invalid("scopes", "the level of " + entry.getKey()
                        + " must be a string: none, read-only or modify");
            }
            scopes.put(entry.getKey(), entry.getValue().asText());
        }
        return Outcome.done(scopes);
    }

    /** {@code ids}: a non-empty array of at most {@link #MAX_IDS} strings. */
    static Outcome<List<String>> ids(JsonNode body) {
        JsonNode node = body.get("ids");
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_IDS) {
            return Outcome.invalid("ids", "ids must be an array of 1-" + MAX_IDS + " account ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual()) {
                return Outcome.invalid("ids", "every id must be a string");
            }
            ids.add(id.asText());
        }
        return Outcome.done(ids);
    }
}
