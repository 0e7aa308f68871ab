package dev.storeauth.demo.panel;

import dev.storeauth.demo.data.ControlPanelUsers;
import dev.storeauth.demo.data.PanelUser;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.JsonResponses;
import dev.storeauth.policy.ScopeCatalogue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /manage/session}: {@code GET} answers who is signed in, with the CSRF token and what the
 * pages need (API path, account limit, scope resources), or 401; {@code DELETE} signs out (it needs
 * {@code X-CSRF-Token}, else 403) and answers 204.
 */
public final class SessionServlet extends HttpServlet {

    private final transient ControlPanelUsers users;
    private final transient String apiBase;
    private final int accountLimit;
    private final transient ScopeCatalogue catalogue;

    /** Shows storeauth's own scope catalogue. */
    public SessionServlet(ControlPanelUsers users, String apiBase, int accountLimit) {
        this(users, apiBase, accountLimit, ScopeCatalogue.defaults());
    }

    /**
     * @param apiBase the API's origin, e.g. {@code https://localhost:8443}
     * @param catalogue the scopes the pages offer, as the lifecycle grants them
     */
    public SessionServlet(ControlPanelUsers users, String apiBase, int accountLimit, ScopeCatalogue catalogue) {
        this.users = Objects.requireNonNull(users, "users");
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
        this.accountLimit = accountLimit;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PanelUser> user = PanelSession.user(request).flatMap(users::user);
        Optional<String> csrf = PanelSession.csrf(request);
        if (user.isEmpty() || csrf.isEmpty()) {
            notSignedIn(response);
            return;
        }
        JsonResponses.write(response, 200, SessionView.full(user.get(), csrf.get(), apiBase, accountLimit, catalogue));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> csrf = PanelSession.csrf(request);
        String presented = request.getHeader("X-CSRF-Token");
        if (csrf.isEmpty()) {
            notSignedIn(response);
        } else if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                csrf.get().getBytes(StandardCharsets.UTF_8))) {
            DemoProblem.CSRF_TOKEN_MISSING_OR_WRONG
                    .response("signing out needs the X-CSRF-Token header issued with this session").writeTo(response);
        } else {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.setStatus(204);
        }
    }

    private static void notSignedIn(HttpServletResponse response) throws IOException {
        DemoProblem.NOT_SIGNED_IN.response("sign in at /manage/login")
                .withHeader("WWW-Authenticate", LoginServlet.CHALLENGE).writeTo(response);
    }
}
