package dev.storeauth.demo.panel;

import dev.storeauth.servlet.BodyOutcome;
import dev.storeauth.servlet.BoundedBodyReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * A sign-in request's fields, from a form or a JSON body. The body arrives before any credential is
 * checked, so it is read by a {@link BoundedBodyReader}: at most {@link #MAX_BYTES}, within
 * {@link #DEADLINE}, without a thread waiting for it; a form has at most {@link #MAX_FIELDS} fields.
 */
sealed interface LoginForm {

    /** The longest sign-in body; both fields at their longest, encoded, fit well within it. */
    int MAX_BYTES = 8 * 1024;

    /** The most fields a sign-in form may have. */
    int MAX_FIELDS = 16;

    /** How long the whole body may take to arrive. */
    Duration DEADLINE = Duration.ofSeconds(10);

    /** Both fields are there; the password is masked in {@link #toString()}. */
    record Filled(String email, String password) implements LoginForm {

        @Override
        public String toString() {
            return "Filled[email=" + email + ", password=***]";
        }
    }

    /** Not usable; {@code status} is 400, 408, 413 or 415. */
    record Invalid(int status, String detail) implements LoginForm {
    }

    /** What to do with the fields once the body is read; must not complete the request. */
    @FunctionalInterface
    interface Answer {
        void with(LoginForm form) throws IOException;
    }

    /** Reads the body as {@link BoundedBodyReader} does, then hands {@code answer} the fields. */
    static void read(HttpServletRequest request, HttpServletResponse response, Answer answer) throws IOException {
        LoginBodies.READER.read(request, response, outcome -> answer.with(of(request.getContentType(), outcome)));
    }

    /** The fields of a body read to {@code outcome}: JSON when {@code contentType} says so, else form fields. */
    static LoginForm of(String contentType, BodyOutcome outcome) {
        if (outcome instanceof BodyOutcome.Complete complete) {
            return parse(contentType, complete.bytes());
        }
        if (outcome instanceof BodyOutcome.TooLarge tooLarge) {
            return new Invalid(413, "the body must be at most " + tooLarge.maxBytes() + " bytes");
        }
        if (outcome instanceof BodyOutcome.TimedOut timedOut) {
            return new Invalid(408, "the body did not arrive within " + timedOut.deadline().toSeconds() + " seconds");
        }
        // The reason names the container's exception: for logs, never for the client.
        return new Invalid(400, "the body is malformed or was cut off while it was sent");
    }

    private static LoginForm parse(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            return LoginBodies.json(body);
        }
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return new Invalid(415, "send email and password as application/x-www-form-urlencoded or application/json");
        }
        return LoginBodies.form(body);
    }

    static LoginForm of(String email, String password) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return new Invalid(400, "email is required (at most 254 characters)");
        }
        if (password == null || password.isEmpty() || password.length() > 1024) {
            return new Invalid(400, "password is required (at most 1024 characters)");
        }
        return new Filled(email.trim().toLowerCase(Locale.ROOT), password);
    }
}
