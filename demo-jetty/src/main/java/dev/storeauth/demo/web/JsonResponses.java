package dev.storeauth.demo.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the demo's JSON responses and RFC 9457 problems, always with {@code Cache-Control: no-store}.
 * Thread-safe.
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

    /** Every demo problem type is a slug under this. */
    public static final String TYPE_PREFIX = "https://storeauth.dev/problems/demo/";

    private JsonResponses() {
    }

    /** Writes {@code body} (anything Jackson can write) as {@code application/json}. */
    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        send(response, status, "application/json", MAPPER.writeValueAsBytes(body));
    }

    /**
     * Writes a problem: {@code type} is a slug under {@code https://storeauth.dev/problems/demo/}.
     *
     * <pre>{@code
     * JsonResponses.problem(response, 400, "bad-json", "Bad JSON", "line 1: unexpected character");
     * }</pre>
     */
    public static void problem(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        problem(response, status, type, title, detail, "");
    }

    /** As {@link #problem(HttpServletResponse, int, String, String, String)}, naming {@code field} unless empty. */
    public static void problem(HttpServletResponse response, int status, String type, String title, String detail,
            String field) throws IOException {
        Map<String, Object> body = problemBody(status, type, title, detail);
        if (!field.isEmpty()) {
            body.put("field", field);
        }
        send(response, status, "application/problem+json", MAPPER.writeValueAsBytes(body));
    }

    /**
     * The members of a problem, in the demo's type scheme, for writers that do not hold a servlet
     * response (Jetty's error handler); a new mutable map.
     */
    public static Map<String, Object> problemBody(int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    private static void send(HttpServletResponse response, int status, String type, byte[] bytes)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
