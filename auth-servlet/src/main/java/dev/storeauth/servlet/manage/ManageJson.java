package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.lifecycle.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads request bodies and writes JSON and problem responses, always with {@code Cache-Control: no-store}. */
final class ManageJson {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManageJson() {
    }

    /** The body as a JSON object, or {@code INVALID} naming field {@code body}. */
    static Outcome<JsonNode> readObject(HttpServletRequest request) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return Outcome.invalid("body", "the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node != null && node.isObject() ? Outcome.done(node)
                    : Outcome.invalid("body", "the body must be a JSON object");
        } catch (JsonProcessingException e) {
            return Outcome.invalid("body", "the body is not valid JSON");
        }
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        write(response, status, "application/json", body);
    }

    static void problem(HttpServletResponse response, ManageProblem problem, String detail, String field)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title);
        body.put("status", problem.status);
        body.put("detail", detail);
        if (!field.isEmpty()) {
            body.put("field", field);
        }
        if (problem == ManageProblem.NOT_SIGNED_IN) {
            response.setHeader("WWW-Authenticate", "Session realm=\"storeauth-manage\"");
        }
        write(response, problem.status, "application/problem+json", body);
    }

    private static void write(HttpServletResponse response, int status, String type, Object body)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body);
    }
}
