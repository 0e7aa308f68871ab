package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.servlet.JsonBodyReader;
import dev.storeauth.servlet.RequestBodies;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Reads request bodies and writes JSON responses, always with {@code Cache-Control: no-store}. */
final class ManageJson {

    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The deepest a body may nest: every body is flat but for {@code scopes} and {@code ids}. */
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
        JsonBodyReader.Result read = READER.read(call.request());
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
