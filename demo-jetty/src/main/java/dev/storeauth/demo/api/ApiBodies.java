package dev.storeauth.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeauth.demo.data.DemoSchema;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.JsonBody;
import dev.storeauth.demo.web.JsonResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON in for the store API: a request body within {@link JsonBody}'s limits, and the document it
 * becomes checked against its column before anything is written.
 */
final class ApiBodies {

    private ApiBodies() {
    }

    /** The body as a JSON object; empty after answering 400, 413 or 415 naming the field at fault. */
    static Optional<ObjectNode> read(HttpServletRequest request, HttpServletResponse response, ApiProblems problems)
            throws IOException {
        JsonBody body = JsonBody.read(request);
        if (body instanceof JsonBody.Invalid invalid) {
            problems.write(response, DemoProblem.refusedBody(invalid.status()).response(invalid.detail(), invalid.field()));
            return Optional.empty();
        }
        return Optional.of(((JsonBody.Valid) body).json());
    }

    /**
     * {@code document} as it will be stored; empty after answering 413 naming {@code body} when it is
     * longer than {@link DemoSchema#MAX_DOCUMENT_CHARS} (numbers can grow in writing: {@code 1e5}
     * becomes {@code 100000.0}; a merge adds fields).
     */
    static Optional<String> storable(HttpServletResponse response, ApiProblems problems, ObjectNode document)
            throws IOException {
        String text;
        try {
            text = JsonResponses.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document read within the limits cannot be written", e);
        }
        if (text.length() <= DemoSchema.MAX_DOCUMENT_CHARS) {
            return Optional.of(text);
        }
        problems.write(response, DemoProblem.DOCUMENT_TOO_LARGE.response("stored, the document would have "
                + text.length() + " characters; at most " + DemoSchema.MAX_DOCUMENT_CHARS + " characters fit", "body"));
        return Optional.empty();
    }
}
