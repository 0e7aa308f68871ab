package dev.storeauth.servlet.manage;

import java.util.Locale;

/** Why a management request failed, as an RFC 9457 problem type with its status. */
enum ManageProblem {
    NOT_SIGNED_IN(401, "Sign-in required"),
    CSRF_TOKEN_MISSING_OR_WRONG(403, "CSRF token missing or wrong"),
    NOT_OWNER(403, "Not the store owner"),
    INVALID_REQUEST(400, "Invalid request"),
    PAYLOAD_TOO_LARGE(413, "Body too large"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    LIMIT_REACHED(409, "Account limit reached"),
    DUPLICATE(409, "Already exists"),
    REPOSITORY_UNAVAILABLE(503, "Account repository unavailable");

    final int status;
    final String title;

    ManageProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    String type() {
        return "urn:storeauth:problem:" + name().toLowerCase(Locale.ROOT);
    }
}
