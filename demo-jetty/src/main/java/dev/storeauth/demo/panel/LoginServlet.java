package dev.storeauth.demo.panel;

import dev.storeauth.demo.data.ControlPanelUsers;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.throttle.FailureThrottle;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code /manage/login}: {@code GET} is the sign-in page; {@code POST} with {@code email} and
 * {@code password} (form fields or JSON) starts a new session and answers
 * {@code {"email", "role", "store_hash", "csrf_token"}}. A wrong e-mail address or password is 401
 * (the same for both); too many failures from an address, or for an e-mail address from that
 * address, are 429 with {@code Retry-After} and {@code X-Retry-After}, counting attempts still being
 * checked (failures from one address never refuse another); too many password hashes running at
 * once are 503 with {@code Retry-After} (not counted as a failure); a request from another site's
 * page ({@code Origin} not this server) is 403. The throttle and hashing flow is {@link SignIns};
 * every success, wrong password, unknown e-mail address and throttled attempt is written to the
 * audit trail by {@link SignInAudit}.
 */
public final class LoginServlet extends HttpServlet {

    static final String CHALLENGE = "Session realm=\"storeauth-manage\"";

    private final transient SignIns signIns;
    private final transient SignInAudit audit;
    private final transient Pages pages = new Pages();

    /**
     * @param users the control panel's users, whose passwords are checked
     * @param throttle the sign-in throttle
     * @param throttledEntries how often a throttled address is written to the audit trail: one place per window
     * @param repository where the audit trail is written, the accounts' repository
     * @param clock the time of each audit entry
     */
    public LoginServlet(ControlPanelUsers users, FailureThrottle throttle, FailureThrottle throttledEntries,
            AccountRepository repository, Clock clock) {
        Objects.requireNonNull(users, "users");
        this.signIns = new SignIns(throttle, users::authenticate);
        this.audit = new SignInAudit(Objects.requireNonNull(repository, "repository")::recordAudit, users::user,
                clock, throttledEntries);
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
        String address = request.getRemoteAddr();
        SignInResponses.write(request, response, audit.record(filled.email(), address,
                signIns.attempt(filled.email(), filled.password(), address)));
    }
}
