package dev.storeauth.demo.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the demo's JSON responses, always with {@code Cache-Control: no-store}; its problems are
 * {@link DemoProblem}s. Thread-safe.
 */
public final class JsonResponses {

    /**
     * The mapper every demo component shares: configured once, thread-safe. Before {@link JsonBody}
     * had its limits, records were stored as deep as Jackson reads by default (1000 levels); a
     * response wraps a record at most two levels deeper, so writing allows a little more than that.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder()
                    .maxNestingDepth(StreamReadConstraints.DEFAULT_MAX_DEPTH + 8).build())
            .build());

    private JsonResponses() {
    }

    /** Writes {@code body} (anything Jackson can write) as {@code application/json}. */
    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
