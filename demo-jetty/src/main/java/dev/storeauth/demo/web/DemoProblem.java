package dev.storeauth.demo.web;

import dev.storeauth.auth.AuthResult;
import dev.storeauth.servlet.ProblemResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every problem the demo's own servlets answer, in storeauth's one scheme ({@link ProblemResponse}):
 * the code is the lower-case name, and a code the filter or the management endpoints also use has
 * their title and status (those of auth-core's {@link AuthResult.Problem} are taken from it).
 *
 * <pre>{@code
 * DemoProblem.NOT_FOUND.response("no products record 7 in this store").writeTo(response);
 * }</pre>
 */
public enum DemoProblem {
    INVALID_REQUEST(400, "Invalid request"),
    NOT_SIGNED_IN(401, "Sign-in required"),
    INVALID_CREDENTIALS(AuthResult.Problem.INVALID_CREDENTIALS),
    TLS_REQUIRED(AuthResult.Problem.TLS_REQUIRED),
    CSRF_TOKEN_MISSING_OR_WRONG(403, "CSRF token missing or wrong"),
    CROSS_SITE_REQUEST(403, "Cross-site request refused"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    /** A v2 path asked for XML ({@code .xml}); the demo writes JSON only. */
    NOT_ACCEPTABLE(406, "Not acceptable"),
    REQUEST_TIMEOUT(408, "Request timeout"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    DOCUMENT_TOO_LARGE(413, "Document too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    TOO_MANY_FAILURES(AuthResult.Problem.TOO_MANY_FAILURES),
    SERVER_ERROR(500, "Server error"),
    /** The store API's records (its products, orders...) cannot be read or written. */
    RECORDS_UNAVAILABLE(503, "Store records unavailable"),
    /** The control panel's users cannot be read, so nobody can sign in. */
    PANEL_USERS_UNAVAILABLE(503, "Control-panel users unavailable"),
    SIGN_IN_BUSY(503, "Too many sign-ins at once");

    private final int status;
    private final String title;

    DemoProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    DemoProblem(AuthResult.Problem shared) {
        this(shared.defaultStatus(), shared.title());
    }

    /** The problem code, e.g. {@code not_found}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** This problem with {@code detail}. */
    public ProblemResponse response(String detail) {
        return ProblemResponse.of(status, code(), title, detail);
    }

    /** This problem with {@code detail}, naming {@code field} unless it is empty. */
    public ProblemResponse response(String detail, String field) {
        return field.isEmpty() ? response(detail) : response(detail).withMember("field", field);
    }

    /** The problem whose code is {@code code}, if the demo has one. */
    public static Optional<DemoProblem> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }

    /**
     * The problem of a refused request body by its status.
     *
     * @throws IllegalArgumentException unless {@code status} is 400, 408, 413 or 415
     */
    public static DemoProblem refusedBody(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> throw new IllegalArgumentException("a refused body is 400, 408, 413 or 415, not " + status);
        };
    }
}
