package dev.storeauth.servlet.leak;

import dev.storeauth.servlet.ProblemResponse;
import java.util.Locale;

/** Why a report was refused: a problem code with its status and title. */
enum ScanningProblem {
    TLS_REQUIRED(403, "TLS required"),
    INVALID_SIGNATURE(401, "Invalid signature"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    REQUEST_TIMEOUT(408, "Request timeout"),
    INVALID_REPORT(400, "Invalid report"),
    TOO_MANY_FAILURES(429, "Too many failures"),
    REVOCATION_INCOMPLETE(503, "Revocation incomplete"),
    REPOSITORY_UNAVAILABLE(503, "Repository unavailable");

    /** The challenge of a 401: the report must be signed with one of GitHub's keys. */
    static final String CHALLENGE = "Signature realm=\"github-secret-scanning\"";

    private final int status;
    private final String title;

    ScanningProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    ProblemResponse response(String detail) {
        ProblemResponse problem = ProblemResponse.of(status, name().toLowerCase(Locale.ROOT), title, detail);
        if (status == 401) {
            return problem.withHeader("WWW-Authenticate", CHALLENGE);
        }
        return status == 503 ? problem.withHeader("Retry-After", "1") : problem;
    }
}
