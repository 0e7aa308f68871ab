package dev.storeauth.demo.panel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.demo.web.JsonBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;

/** A sign-in request's fields, from a form or a JSON body. */
sealed interface LoginForm {

    /** Both fields are there; the password is masked in {@link #toString()}. */
    record Filled(String email, String password) implements LoginForm {

        @Override
        public String toString() {
            return "Filled[email=" + email + ", password=***]";
        }
    }

    /** Not usable; {@code status} is 400, 413 or 415. */
    record Invalid(int status, String detail) implements LoginForm {
    }

    /** Reads {@code email} and {@code password}: JSON when the body says so, else form fields. */
    static LoginForm read(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonBody body = JsonBody.read(request);
            if (body instanceof JsonBody.Invalid invalid) {
                return new Invalid(invalid.status(), invalid.detail());
            }
            JsonNode json = ((JsonBody.Valid) body).json();
            return of(text(json.get("email")), text(json.get("password")));
        }
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return new Invalid(415, "send email and password as application/x-www-form-urlencoded or application/json");
        }
        return of(request.getParameter("email"), request.getParameter("password"));
    }

    private static LoginForm of(String email, String password) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return new Invalid(400, "email is required (at most 254 characters)");
        }
        if (password == null || password.isEmpty() || password.length() > 1024) {
            return new Invalid(400, "password is required (at most 1024 characters)");
        }
        return new Filled(email.trim().toLowerCase(Locale.ROOT), password);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
