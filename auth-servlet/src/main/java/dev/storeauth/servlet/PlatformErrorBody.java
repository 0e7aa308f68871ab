package dev.storeauth.servlet;

import dev.storeauth.policy.ApiVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies of {@link ErrorFormat#BIGCOMMERCE}, by API version. Stateless. */
final class PlatformErrorBody {

    /** The platform's {@code type} of every v3 error: its page of API status codes. */
    static final String TYPE = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";
    /** The media type of both shapes. */
    static final String CONTENT_TYPE = "application/json";

    private PlatformErrorBody() {
    }

    /** v2: {@code [{"status", "message"}]}; v3: {@code {"status", "title", "type", "errors": {}}}. */
    static Object of(int status, String message, ApiVersion version) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        if (version == ApiVersion.V2) {
            error.put("message", message);
            return List.of(error);
        }
        error.put("title", message);
        error.put("type", TYPE);
        error.put("errors", Map.of());
        return error;
    }
}
