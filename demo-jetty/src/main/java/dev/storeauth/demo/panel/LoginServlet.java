package dev.storeauth.demo.panel;

import dev.storeauth.demo.data.ControlPanelUsers;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.throttle.FailureThrottle;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code /manage/login}: {@code GET} is the sign-in page; {@code POST} with {@code email} and
 * {@code password} (form fields or JSON) starts a new session and answers
 * {@code {"email", "role", "store_hash", "csrf_token"}}. A wrong e-mail address or password is 401
 * (the same for both); too many failures from an address, or for an e-mail address from that
 * address, are 429 with {@code Retry-After} and {@code X-Retry-After}, counting attempts still being
 * checked (failures from one address never refuse another); too many password hashes running at
 * once are 503 with {@code Retry-After} (not counted as a failure); a request from another site's
 * page ({@code Origin} not this server) is 403. The throttle and hashing flow is {@link SignIns}.
 */
public final class LoginServlet extends HttpServlet {

    static final String CHALLENGE = "Session realm=\"storeauth-manage\"";

    private final transient SignIns signIns;
    private final transient Pages pages = new Pages();

    public LoginServlet(ControlPanelUsers users, FailureThrottle throttle) {
        this.signIns = new SignIns(throttle, Objects.requireNonNull(users, "users")::authenticate);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.write(response, "login.html");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SameOrigin.allows(request)) {
            DemoProblem.CROSS_SITE_REQUEST.response("sign in from this server's own sign-in page").writeTo(response);
            return;
        }
        LoginForm.read(request, response, form -> answer(request, response, form));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, LoginForm form)
            throws IOException {
        if (form instanceof LoginForm.Invalid invalid) {
            DemoProblem.refusedBody(invalid.status()).response(invalid.detail()).writeTo(response);
            return;
        }
        LoginForm.Filled filled = (LoginForm.Filled) form;
        SignInResponses.write(request, response,
                signIns.attempt(filled.email(), filled.password(), request.getRemoteAddr()));
    }
}
