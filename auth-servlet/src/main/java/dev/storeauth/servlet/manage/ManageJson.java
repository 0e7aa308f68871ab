package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.servlet.JsonBodyReader;
import dev.storeauth.servlet.RequestBodies;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads request bodies and writes JSON responses, always with {@code Cache-Control: no-store}. */
final class ManageJson {

    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The deepest a body may nest: every body is flat but for {@code scopes}, {@code ids} and {@code allowed_ips}. */
    static final int MAX_DEPTH = 4;
    private static final JsonBodyReader READER = new JsonBodyReader(MAX_BODY_BYTES, MAX_DEPTH);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManageJson() {
    }

    /**
     * The body as a JSON object within {@link JsonBodyReader}'s limits; empty once a problem naming the
     * field at fault has been answered: 413 over {@link #MAX_BODY_BYTES} (closing the connection,
     * as the rest of the body goes unread), else 400.
     */
    static Optional<JsonNode> readObject(ManageCall call) throws IOException {
        return answered(call, READER.read(call.request()));
    }

    /**
     * As {@link #readObject}, but a request without a body, or with one of only JSON whitespace, reads as
     * {@code {}}: for endpoints whose body is optional.
     */
    static Optional<JsonNode> readObjectOrEmpty(ManageCall call) throws IOException {
        if (call.request().getContentLengthLong() > MAX_BODY_BYTES) {
            return readObject(call);
        }
        byte[] bytes;
        try (InputStream in = call.request().getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (onlyWhitespace(bytes)) {
            return Optional.of(MAPPER.createObjectNode());
        }
        return answered(call, READER.parse(bytes));
    }

    /** Whether {@code bytes} are only JSON whitespace: space, tab, line feed, carriage return. */
    private static boolean onlyWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Optional<JsonNode> answered(ManageCall call, JsonBodyReader.Result read) throws IOException {
        if (read instanceof JsonBodyReader.Refused refused) {
            boolean tooLarge = refused.status() == 413;
            if (tooLarge) {
                RequestBodies.closeIfUnread(call.request(), call.response());
            }
            (tooLarge ? ManageProblem.PAYLOAD_TOO_LARGE : ManageProblem.INVALID_REQUEST)
                    .response(refused.detail(), refused.field()).writeTo(call.response());
            return Optional.empty();
        }
        return Optional.of(((JsonBodyReader.Read) read).json());
    }

    /** Writes {@code body} (anything Jackson can write) as {@code application/json}. */
    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body);
    }
}
