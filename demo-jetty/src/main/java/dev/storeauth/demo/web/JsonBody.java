package dev.storeauth.demo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** A request body read as one JSON object: what was read, or what is wrong with it. */
public sealed interface JsonBody {

    /** The most bytes a body may have. */
    int MAX_BYTES = 64 * 1024;

    /** A JSON object. */
    record Valid(ObjectNode json) implements JsonBody {
    }

    /**
     * Not usable.
     *
     * @param status 400 (not a JSON object), 413 (too large) or 415 (not JSON)
     * @param detail what is wrong, for the problem body
     */
    record Invalid(int status, String detail) implements JsonBody {
    }

    /** Reads at most {@link #MAX_BYTES} + 1 bytes of {@code request}'s body. */
    static JsonBody read(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new Invalid(415, "the body must be application/json, not " + type);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            return new Invalid(413, "the body must be at most " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode node = JsonResponses.MAPPER.readTree(bytes);
            return node instanceof ObjectNode object ? new Valid(object)
                    : new Invalid(400, "the body must be a JSON object");
        } catch (JsonProcessingException e) {
            return new Invalid(400, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
