package dev.storeauth.demo.panel;

import dev.storeauth.demo.data.ControlPanelUsers;
import dev.storeauth.demo.data.PanelUser;
import dev.storeauth.demo.web.JsonResponses;
import dev.storeauth.store.StoreUnavailableException;
import dev.storeauth.throttle.FailureThrottle;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /manage/login}: {@code GET} is the sign-in page; {@code POST} with {@code email} and
 * {@code password} (form fields or JSON) starts a new session and answers
 * {@code {"email", "role", "store_hash", "csrf_token"}}. A wrong e-mail address or password is 401
 * (the same for both); too many failures for an address or e-mail address are 429 with
 * {@code Retry-After}; a request from another site's page ({@code Origin} not this server) is 403.
 */
public final class LoginServlet extends HttpServlet {

    static final String CHALLENGE = "Session realm=\"storeauth-manage\"";

    private final transient ControlPanelUsers users;
    private final transient FailureThrottle throttle;
    private final transient Pages pages = new Pages();

    public LoginServlet(ControlPanelUsers users, FailureThrottle throttle) {
        this.users = Objects.requireNonNull(users, "users");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.write(response, "login.html");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SameOrigin.allows(request)) {
            JsonResponses.problem(response, 403, "cross-site", "Cross-site request refused",
                    "sign in from this server's own sign-in page");
            return;
        }
        LoginForm.read(request, response, form -> answer(request, response, form));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, LoginForm form)
            throws IOException {
        if (form instanceof LoginForm.Invalid invalid) {
            JsonResponses.problem(response, invalid.status(), "bad-login-request", "Unusable sign-in request",
                    invalid.detail());
            return;
        }
        LoginForm.Filled filled = (LoginForm.Filled) form;
        Optional<Duration> wait = throttle.blocked(request.getRemoteAddr(), filled.email());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            JsonResponses.problem(response, 429, "too-many-sign-ins", "Too many failed sign-ins",
                    "try again in " + Math.max(1, wait.get().toSeconds()) + " seconds");
            return;
        }
        signIn(request, response, filled);
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, LoginForm.Filled form)
            throws IOException {
        Optional<PanelUser> user;
        try {
            user = users.authenticate(form.email(), form.password());
        } catch (StoreUnavailableException e) {
            response.setHeader("Retry-After", "5");
            JsonResponses.problem(response, 503, "store-unavailable", "Sign-in unavailable",
                    "the user database cannot be reached right now; try again");
            return;
        }
        if (user.isEmpty()) {
            throttle.recordFailure(request.getRemoteAddr(), form.email());
            response.setHeader("WWW-Authenticate", CHALLENGE);
            JsonResponses.problem(response, 401, "bad-login", "Sign-in failed", "wrong e-mail address or password");
            return;
        }
        String csrf = PanelSession.signIn(request, user.get().email());
        JsonResponses.write(response, 200, SessionView.signedIn(user.get(), csrf));
    }
}
