package dev.storeauth.demo.panel;

import dev.storeauth.demo.web.JsonResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/** Writes a {@link SignInOutcome}: 200 with a new session, 401, 429 or 503 problems with their headers. */
final class SignInResponses {

    /** Retry-After for a busy hashing gate: a hash takes a fraction of a second. */
    static final long BUSY_RETRY_SECONDS = 1;
    private static final long UNAVAILABLE_RETRY_SECONDS = 5;

    private SignInResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, SignInOutcome outcome)
            throws IOException {
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            String csrf = PanelSession.signIn(request, signedIn.user().email());
            JsonResponses.write(response, 200, SessionView.signedIn(signedIn.user(), csrf));
        } else if (outcome instanceof SignInOutcome.Throttled throttled) {
            long seconds = seconds(throttled.retryAfter());
            response.setHeader("Retry-After", Long.toString(seconds));
            JsonResponses.problem(response, 429, "too-many-sign-ins", "Too many failed sign-ins",
                    "try again in " + seconds + " seconds");
        } else if (outcome instanceof SignInOutcome.Busy) {
            response.setHeader("Retry-After", Long.toString(BUSY_RETRY_SECONDS));
            JsonResponses.problem(response, 503, "sign-in-busy", "Too many sign-ins at once",
                    "too many sign-ins are being checked right now; try again in a second");
        } else if (outcome instanceof SignInOutcome.Unavailable) {
            response.setHeader("Retry-After", Long.toString(UNAVAILABLE_RETRY_SECONDS));
            JsonResponses.problem(response, 503, "store-unavailable", "Sign-in unavailable",
                    "the user database cannot be reached right now; try again");
        } else {
            response.setHeader("WWW-Authenticate", LoginServlet.CHALLENGE);
            JsonResponses.problem(response, 401, "bad-login", "Sign-in failed", "wrong e-mail address or password");
        }
    }

    /** Whole seconds, rounded up, at least 1. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
