package dev.storeauth.servlet;

import com.fasterxml.jackson.core.JsonLocation;
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
        if (message.startsWith("Duplicate")) {
            String key = parser.getParsingContext().getCurrentName();
            return new Refused(400, field, "the key \"" + key + "\" appears twice in the same object");
        }
        if (message.startsWith("Non-standard token")) {
            return new Refused(400, field, field + " is NaN or Infinity, which is not a JSON number");
        }
        JsonLocation at = e.getLocation();
        return new Refused(400, "body", "the body is not valid JSON" + (at == null ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }

    /**
     * The first value, depth first, that would not be kept as sent: a number a {@code long} or finite
     * {@code double} cannot hold, or a key or string with a lone UTF-16 surrogate (a database would
     * store it as {@code ?}).
     */
    static Optional<Refused> values(ObjectNode body) {
        return values(body, "");
    }

    private static Optional<Refused> values(JsonNode node, String path) {
        Optional<Refused> refused = scalar(node, path);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); refused.isEmpty() && it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            refused = isUnicode(member.getKey()) ? values(member.getValue(), memberPath)
                    : Optional.of(notUnicode(memberPath, "its key"));
        }
        for (int i = 0; refused.isEmpty() && node.isArray() && i < node.size(); i++) {
            refused = values(node.get(i), path + "[" + i + "]");
        }
        return refused;
    }

    private static Optional<Refused> scalar(JsonNode node, String path) {
        if (node.isBigInteger()) {
            return Optional.of(new Refused(400, path, path + " must be an integer from " + Long.MIN_VALUE
                    + " to " + Long.MAX_VALUE));
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(new Refused(400, path, path + " must be a finite number, at most "
                    + Double.MAX_VALUE + " either side of 0"));
        }
        if (node.isTextual() && !isUnicode(node.textValue())) {
            return Optional.of(notUnicode(path, "it"));
        }
        return Optional.empty();
    }

    private static Refused notUnicode(String path, String what) {
        return new Refused(400, path, path + " is not Unicode text: " + what
                + " holds a \\u escape of half a surrogate pair");
    }

    /** Whether every surrogate in {@code text} is half of a pair. */
    static boolean isUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
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
