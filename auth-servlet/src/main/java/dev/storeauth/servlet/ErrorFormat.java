package dev.storeauth.servlet;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the filter writes its denials, chosen with the init-param {@code error-format}. Either way
 * the status, the {@code WWW-Authenticate} challenges, {@code Retry-After}, {@code X-Retry-After},
 * the {@code X-Rate-Limit-*} headers and {@code Cache-Control: no-store} are the same; only the body
 * and its media type differ.
 *
 * <ul>
 *   <li>{@link #RFC9457}, the default: {@code application/problem+json}, see {@link ProblemResponse}.
 *   <li>{@link #BIGCOMMERCE}: {@code application/json} in the platform's own shapes, so clients
 *       written for it read storeauth's denials as they read the platform's. On a v3 path
 *       {@code {"status": 401, "title": "...", "type": "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes", "errors": {}}},
 *       the members the platform's v3 OpenAPI schema for an error with errors ({@code GeneralErrorWithErrors})
 *       requires, {@code type} its API status codes page and {@code errors} empty, as no field is at fault;
 *       on a v2 path {@code [{"status": 401, "message": "..."}]}, the v2 API's list of errors with one
 *       error (unlike the v3 body, not taken from a published schema of the platform's). The
 *       {@code title} or {@code message} is the problem's {@code detail} (its {@code title} when
 *       the detail is empty). A path that is not a store API path is answered in the v3 shape.
 * </ul>
 *
 * <pre>{@code
 * new StoreAuthFilter(authenticator, "", TrustedProxies.none(), ErrorFormat.BIGCOMMERCE);
 * }</pre>
 */
public enum ErrorFormat {
    RFC9457("rfc9457"),
    BIGCOMMERCE("bigcommerce");

    private final String id;

    ErrorFormat(String id) {
        this.id = id;
    }

    /** The name used in configuration: {@code rfc9457} or {@code bigcommerce}. */
    public String id() {
        return id;
    }

    /**
     * The format named {@code id}.
     *
     * @throws IllegalArgumentException naming the formats when {@code id} is none of them
     */
    public static ErrorFormat parse(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected one of " + Arrays.stream(values())
                        .map(ErrorFormat::id).collect(Collectors.joining(", ")) + ", got '" + id + "'"));
    }
}
