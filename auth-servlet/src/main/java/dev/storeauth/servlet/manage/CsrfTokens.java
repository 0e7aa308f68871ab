package dev.storeauth.servlet.manage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies the anti-CSRF token a state-changing management request must echo in its
 * {@code X-CSRF-Token} header. The host application issues the token (e.g. stores a random value in
 * the session at sign-in and renders it into the page); a cross-site form cannot read it, so it
 * cannot send the header. Must be thread-safe.
 *
 * <pre>{@code
 * CsrfTokens tokens = CsrfTokens.sessionAttribute("csrf");   // token kept in the HTTP session
 * }</pre>
 */
@FunctionalInterface
public interface CsrfTokens {

    /**
     * The token expected from this request's caller; empty when none was issued, which refuses
     * every state-changing request.
     */
    Optional<String> expectedToken(HttpServletRequest request);

    /**
     * Reads the expected token from the existing session's attribute {@code name} (never creates a
     * session); empty without a session or a non-empty string attribute.
     */
    static CsrfTokens sessionAttribute(String name) {
        Objects.requireNonNull(name, "name");
        return request -> {
            HttpSession session = request.getSession(false);
            return session != null && session.getAttribute(name) instanceof String token && !token.isEmpty()
                    ? Optional.of(token) : Optional.empty();
        };
    }
}
