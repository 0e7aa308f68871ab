package dev.storeauth.servlet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeauth.servlet.JsonBodyReader.Refused;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link JsonBodyReader} says about a body it refuses, in its own words: Jackson's messages
 * name its classes and settings, which are no business of a client's.
 */
final class JsonBodyChecks {

    private JsonBodyChecks() {
    }

    /** A limit of the parser was crossed where {@code parser} stands. */
    static Refused overLimit(StreamConstraintsException e, JsonParser parser, int maxDepth) {
        String message = String.valueOf(e.getOriginalMessage());
        String field = field(parser.getParsingContext());
        if (message.startsWith("Document nesting depth")) {
            return new Refused(400, field, "the body nests deeper than " + maxDepth + " levels of objects and arrays");
        }
        if (message.startsWith("Number value length")) {
            return new Refused(400, field, field + " has more than " + JsonBodyReader.MAX_NUMBER_CHARS
                    + " characters; it must be a number a 64-bit integer or double can hold");
        }
        return new Refused(413, field, "the body or one of its values is too long");
    }

    /** Not JSON, or JSON that says one thing twice. */
    static Refused malformed(JsonProcessingException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        String field = field(parser.getParsingContext());
        if (message.startsWith("Duplicate field")) {
            String key = parser.getParsingContext().getCurrentName();
            return new Refused(400, field, "the key \"" + key + "\" appears twice in the same object");
        }
        if (message.startsWith("Non-standard token")) {
            return new Refused(400, field, field + " is NaN or Infinity, which is not a JSON number");
        }
        return new Refused(400, "body", "the body is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")");
    }

    /** The first number, depth first, that a {@code long} or finite {@code double} cannot hold. */
    static Optional<Refused> numbers(ObjectNode body) {
        return numbers(body, "");
    }

    private static Optional<Refused> numbers(JsonNode node, String path) {
        if (node.isBigInteger()) {
            return Optional.of(new Refused(400, path, path + " must be an integer from " + Long.MIN_VALUE
                    + " to " + Long.MAX_VALUE));
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(new Refused(400, path, path + " must be a finite number, at most "
                    + Double.MAX_VALUE + " either side of 0"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            Optional<Refused> refused = numbers(member.getValue(), path.isEmpty() ? member.getKey()
                    : path + "." + member.getKey());
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            Optional<Refused> refused = numbers(node.get(i), path + "[" + i + "]");
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** {@code context} as a path from the body ({@code a.b[2].c}), or {@code body} at its top. */
    static String field(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                segments.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }
}
