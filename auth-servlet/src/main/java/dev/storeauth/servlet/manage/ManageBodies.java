package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.policy.ScopeCatalogue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed fields of request bodies; a wrong or missing field is an {@code INVALID} outcome naming it. */
final class ManageBodies {

    /** The most ids one bulk delete accepts. */
    static final int MAX_IDS = 1000;
    /** RFC 3339 allows a lower-case {@code t} and {@code z}. */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    private ManageBodies() {
    }

    static Outcome<String> string(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isTextual() ? Outcome.done(node.asText())
                : Outcome.invalid(field, field + " is required and must be a string");
    }

    /**
     * {@code scopes}: an object of level strings, or an array of scope names read by
     * {@link ScopeCatalogue#scopesNamed} ({@code "store_v2_products"}, {@code "orders:read-only"});
     * absent or null means no scopes.
     */
    static Outcome<Map<String, String>> scopes(JsonNode body, ScopeCatalogue catalogue) {
        JsonNode node = body.get("scopes");
        Map<String, String> scopes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return Outcome.done(scopes);
        }
        if (node.isArray()) {
            return strings(body, "scopes").flatMap(names -> named(names, catalogue));
        }
        if (!node.isObject()) {
            return Outcome.invalid("scopes", "scopes must be an object of resource to level or an array of scope names");
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

    private static Outcome<Map<String, String>> named(List<String> names, ScopeCatalogue catalogue) {
        try {
            Map<String, String> scopes = new LinkedHashMap<>();
            catalogue.scopesNamed(names).granted().forEach((resource, level) -> scopes.put(resource, level.wireName()));
            return Outcome.done(scopes);
        } catch (IllegalArgumentException e) {
            return Outcome.invalid("scopes", e.getMessage());
        }
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

    /** An optional whole number: absent or {@code null} is empty; a fraction, string or other value is refused. */
    static Outcome<Optional<Long>> wholeNumber(JsonNode body, String field, String meaning) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Outcome.done(Optional.empty());
        }
        return node.isIntegralNumber() && node.canConvertToLong() ? Outcome.done(Optional.of(node.longValue()))
                : Outcome.invalid(field, field + " must be " + meaning);
    }

    /** An optional RFC 3339 time with an offset, e.g. {@code 2027-01-31T12:00:00Z}; absent or {@code null} is empty. */
    static Outcome<Optional<Instant>> time(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Outcome.done(Optional.empty());
        }
        String problem = field + " must be an RFC 3339 time with an offset, such as 2027-01-31T12:00:00Z";
        if (!node.isTextual()) {
            return Outcome.invalid(field, problem);
        }
        try {
            return Outcome.done(Optional.of(OffsetDateTime.parse(node.textValue(), RFC_3339).toInstant()));
        } catch (DateTimeParseException e) {
            return Outcome.invalid(field, problem);
        }
    }

    /** A required array of strings. */
    static Outcome<List<String>> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isArray()) {
            return Outcome.invalid(field, field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                return Outcome.invalid(field, "every entry of " + field + " must be a string");
            }
            values.add(value.textValue());
        }
        return Outcome.done(values);
    }

    /** An optional array of strings: absent or {@code null} is empty. */
    static Outcome<List<String>> stringsOrNone(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? Outcome.done(List.of()) : strings(body, field);
    }
}
