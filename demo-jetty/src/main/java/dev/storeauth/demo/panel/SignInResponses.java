package dev.storeauth.demo.panel;

import dev.storeauth.auth.RateLimitAnswers;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.JsonResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a {@link SignInOutcome}: 200 with a new session, 401, 429 (with {@code Retry-After} and the
 * store API's {@code X-Retry-After}, both whole seconds) or 503 problems with their headers.
 */
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
            long seconds = RateLimitAnswers.retryAfterSeconds(throttled.retryAfter());
            DemoProblem.TOO_MANY_FAILURES.response("too many failed sign-ins; try again in " + seconds + " seconds")
                    .withHeader("Retry-After", Long.toString(seconds))
                    .withHeader("X-Retry-After", Long.toString(seconds)).writeTo(response);
        } else if (outcome instanceof SignInOutcome.Busy) {
            DemoProblem.SIGN_IN_BUSY.response("too many sign-ins are being checked right now; try again in a second")
                    .withHeader("Retry-After", Long.toString(BUSY_RETRY_SECONDS)).writeTo(response);
        } else if (outcome instanceof SignInOutcome.Unavailable) {
            DemoProblem.PANEL_USERS_UNAVAILABLE
                    .response("the control panel's users cannot be read right now; try again")
                    .withHeader("Retry-After", Long.toString(UNAVAILABLE_RETRY_SECONDS)).writeTo(response);
        } else {
            DemoProblem.INVALID_CREDENTIALS.response("wrong e-mail address or password")
                    .withHeader("WWW-Authenticate", LoginServlet.CHALLENGE).writeTo(response);
        }
    }
}
