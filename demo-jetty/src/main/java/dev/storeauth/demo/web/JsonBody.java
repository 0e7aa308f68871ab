package dev.storeauth.demo.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeauth.servlet.JsonBodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;

/**
 * A request body read as one JSON object: what was read, or what is wrong with it. Read with
 * {@link JsonBodyReader}'s rules: at most {@link #MAX_BYTES} bytes, {@link #MAX_DEPTH} levels, no key
 * twice in an object, no number a {@code long} or finite {@code double} cannot hold.
 */
public sealed interface JsonBody {

    /** The most bytes a body may have. */
    int MAX_BYTES = 64 * 1024;

    /** The deepest objects and arrays may nest, the body object counting 1. */
    int MAX_DEPTH = 32;

    /** A JSON object. */
    record Valid(ObjectNode json) implements JsonBody {
    }

    /**
     * Not usable.
     *
     * @param status 400 (not a JSON object, or outside the limits), 413 (too large) or 415 (not JSON)
     * @param field the path of the value at fault ({@code price}, {@code variants[1].sku}), or
     *     {@code body}
     * @param detail what is wrong, for the problem body
     */
    record Invalid(int status, String field, String detail) implements JsonBody {
    }

    /** Reads at most {@link #MAX_BYTES} + 1 bytes of {@code request}'s body, none if it declares more. */
    static JsonBody read(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new Invalid(415, "body", "the body must be application/json, not " + type);
        }
        JsonBodyReader.Result read = JsonReading.READER.read(request);
        if (read instanceof JsonBodyReader.Refused refused) {
            return new Invalid(refused.status(), refused.field(), refused.detail());
        }
        return new Valid(((JsonBodyReader.Read) read).json());
    }
}
