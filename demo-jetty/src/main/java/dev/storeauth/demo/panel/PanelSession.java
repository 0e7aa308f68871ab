package dev.storeauth.demo.panel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import dev.storeauth.servlet.manage.CsrfTokens;
import java.util.Optional;

/** What a signed-in control-panel session holds: the user's e-mail address and its anti-CSRF token. */
public final class PanelSession {

    /** Session attribute: the signed-in user's e-mail address. */
    static final String USER = "dev.storeauth.demo.user";
    /** Session attribute: the token state-changing requests must echo in {@code X-CSRF-Token}. */
    public static final String CSRF = "dev.storeauth.demo.csrf";
    /** Sign-ins end after this much inactivity. */
    static final int MAX_INACTIVE_SECONDS = 30 * 60;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PanelSession() {
    }

    /** The session's token, for {@code AccountManagementServlet}. */
    public static CsrfTokens csrfTokens() {
        return CsrfTokens.sessionAttribute(CSRF);
    }

    /**
     * Ends any session of this request and starts a new one for {@code email}, so a session id fixed
     * by an attacker before sign-in is worthless after it. Returns the new CSRF token.
     */
    static String signIn(HttpServletRequest request, String email) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(MAX_INACTIVE_SECONDS);
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        session.setAttribute(USER, email);
        session.setAttribute(CSRF, csrf);
        return csrf;
    }

    /** The signed-in user's e-mail address; empty without a signed-in session. */
    static Optional<String> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(USER) instanceof String email
                ? Optional.of(email) : Optional.empty();
    }

    /** The session's CSRF token; empty without a signed-in session. */
    static Optional<String> csrf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CSRF) instanceof String token
                ? Optional.of(token) : Optional.empty();
    }
}
