package dev.storeauth.servlet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a request body as one JSON object under fixed limits, for handlers that take JSON. A body is
 * {@link Refused} with the status and the field at fault when it
 *
 * <ul>
 *   <li>declares a {@code Content-Length} over {@code maxBytes} (413, before a byte is read; the
 *       caller should answer {@code Connection: close}, see {@link RequestBodies}), or sends more
 *       than {@code maxBytes} (413, after reading {@code maxBytes + 1} bytes);
 *   <li>is not exactly one JSON object, nests deeper than {@code maxDepth} objects and arrays (the
 *       body object is level 1), repeats a key within an object, or writes {@code NaN} or
 *       {@code Infinity} (400);
 *   <li>holds a number of more than {@value #MAX_NUMBER_CHARS} characters, a floating-point number
 *       a {@code double} cannot hold ({@code 1e400}), an integer a {@code long} cannot hold, or a
 *       key or string with half a surrogate pair (an escape from D800 to DFFF without its other
 *       half: not Unicode, and not kept as sent) (400).
 * </ul>
 *
 * Fields are named as paths from the body: {@code scopes.products}, {@code variants[1].sku};
 * {@code body} is the body as a whole. No detail names a parser or exception. Immutable and
 * thread-safe.
 */
public final class JsonBodyReader {

    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 100;

    /** What was read. */
    public sealed interface Result permits Read, Refused {
    }

    /** @param json the body, a JSON object within the limits */
    public record Read(ObjectNode json) implements Result {

        public Read {
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * @param status 400 or 413
     * @param field the path of the value at fault, or {@code body}
     * @param detail what is wrong, for a problem body
     * @throws IllegalArgumentException if {@code status} is not 400 or 413
     */
    public record Refused(int status, String field, String detail) implements Result {

        public Refused {
            if (status != 400 && status != 413) {
                throw new IllegalArgumentException("a refused body is 400 or 413, not " + status);
            }
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }

    private final int maxBytes;
    private final int maxDepth;
    private final ObjectMapper mapper;

    /**
     * @param maxBytes the largest body, in bytes, at least 2
     * @param maxDepth how deep objects and arrays may nest, the body object counting 1
     * @throws IllegalArgumentException if a limit is below its minimum
     */
    public JsonBodyReader(int maxBytes, int maxDepth) {
        if (maxBytes < 2 || maxBytes == Integer.MAX_VALUE || maxDepth < 1) {
            throw new IllegalArgumentException("maxBytes must be 2 to 2^31-2 and maxDepth at least 1");
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth)
                        .maxNumberLength(MAX_NUMBER_CHARS).maxStringLength(maxBytes).maxNameLength(maxBytes)
                        .maxDocumentLength(maxBytes).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /**
     * Reads {@code request}'s body: at most {@code maxBytes + 1} bytes, none when its declared length
     * is already too large.
     *
     * @throws IOException if reading the body fails
     */
    public Result read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        return parse(bytes);
    }

    /**
     * Checks {@code body}, the bytes of a request body already read (for instance by
     * {@code BoundedBodyReader}), as {@link #read} does.
     */
    public Result parse(byte[] body) {
        if (body.length > maxBytes) {
            return tooLarge();
        }
        try (JsonParser parser = mapper.createParser(body)) {
            return parse(parser);
        } catch (IOException e) {
            return new Refused(400, "body", "the body is not valid JSON");
        }
    }

    private Result parse(JsonParser parser) throws IOException {
        JsonNode node;
        try {
            node = mapper.readTree(parser);
            if (node instanceof ObjectNode && parser.nextToken() != null) {
                return new Refused(400, "body", "the body must be one JSON object, with nothing after it");
            }
        } catch (StreamConstraintsException e) {
            return JsonBodyChecks.overLimit(e, parser, maxDepth);
        } catch (JsonProcessingException e) {
            return JsonBodyChecks.malformed(e, parser);
        }
        if (!(node instanceof ObjectNode object)) {
            return new Refused(400, "body", "the body must be a JSON object");
        }
        return JsonBodyChecks.values(object).<Result>map(r -> r).orElse(new Read(object));
    }

    private Refused tooLarge() {
        return new Refused(413, "body", "the body must be at most " + maxBytes + " bytes");
    }
}
