package dev.storeauth.servlet.manage;

import dev.storeauth.auth.AuthResult;
import dev.storeauth.servlet.ProblemResponse;
import java.util.Locale;

/** Why a management request failed: a problem code with its status and title. */
enum ManageProblem {
    NOT_SIGNED_IN(401, "Sign-in required"),
    CSRF_TOKEN_MISSING_OR_WRONG(403, "CSRF token missing or wrong"),
    NOT_OWNER(403, "Not the store owner"),
    INVALID_REQUEST(400, "Invalid request"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    LIMIT_REACHED(409, "Account limit reached"),
    DUPLICATE(409, "Already exists"),
    CONFLICT(409, "Changed meanwhile"),
    REPOSITORY_UNAVAILABLE(AuthResult.Problem.REPOSITORY_UNAVAILABLE.defaultStatus(), AuthResult.Problem.REPOSITORY_UNAVAILABLE.title());

    /** The challenge of a 401: the caller signs in to the host application, not with HTTP auth. */
    static final String CHALLENGE = "Session realm=\"storeauth-manage\"";

    private final int status;
    private final String title;

    ManageProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** This problem with {@code detail}, naming {@code field} unless it is empty. */
    ProblemResponse response(String detail, String field) {
        ProblemResponse problem = ProblemResponse.of(status, name().toLowerCase(Locale.ROOT), title, detail);
        if (this == NOT_SIGNED_IN) {
            problem = problem.withHeader("WWW-Authenticate", CHALLENGE);
        }
        return field.isEmpty() ? problem : problem.withMember("field", field);
    }

    /** This problem with {@code detail}, naming no field. */
    ProblemResponse response(String detail) {
        return response(detail, "");
    }
}
