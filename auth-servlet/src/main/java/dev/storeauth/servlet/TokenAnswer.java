package dev.storeauth.servlet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One token endpoint response (RFC 6749 sections 5.1 and 5.2): a JSON object, UTF-8, with
 * {@code Cache-Control: no-store} and {@code Pragma: no-cache}. Errors are
 * {@code {"error","error_description"}}. Immutable and thread-safe.
 */
record TokenAnswer(int status, Map<String, Object> body, List<Map.Entry<String, String>> headers) {

    static final String CONTENT_TYPE = "application/json;charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    TokenAnswer {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        headers = List.copyOf(headers);
    }

    /** An error answer: {@code error} a code of RFC 6749 section 5.2 (or its registry), {@code description} ASCII. */
    static TokenAnswer error(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new TokenAnswer(status, body, List.of());
    }

    /** A copy with one more header. */
    TokenAnswer withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new TokenAnswer(status, body, more);
    }

    /** Writes the answer over anything buffered, keeping headers the host set. */
    void writeTo(HttpServletResponse response) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("strings and numbers always serialise", e);
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        headers.forEach(header -> response.addHeader(header.getKey(), header.getValue()));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Tokens are secrets: the body is not shown. */
    @Override
    public String toString() {
        return "TokenAnswer[" + status + (body.containsKey("error") ? " " + body.get("error") : "") + "]";
    }
}
