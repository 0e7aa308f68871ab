package dev.storeauth.demo.server;

import dev.storeauth.StoreAuth;
import dev.storeauth.demo.api.StoreApiServlet;
import dev.storeauth.demo.data.ControlPanelUsers;
import dev.storeauth.demo.data.StoreRecords;
import dev.storeauth.demo.data.StoreSettings;
import dev.storeauth.demo.panel.LoginServlet;
import dev.storeauth.demo.panel.PageServlet;
import dev.storeauth.demo.panel.PanelSession;
import dev.storeauth.demo.panel.SessionPrincipalFilter;
import dev.storeauth.demo.panel.SessionServlet;
import dev.storeauth.leak.LeakReports;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.servlet.ErrorFormat;
import dev.storeauth.servlet.StoreAuthFilter;
import dev.storeauth.servlet.TokenEndpointServlet;
import dev.storeauth.servlet.TrustedProxies;
import dev.storeauth.servlet.leak.SecretScanningKeys;
import dev.storeauth.servlet.leak.SecretScanningServlet;
import dev.storeauth.servlet.manage.AccountManagementServlet;
import dev.storeauth.throttle.FailureThrottle;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.SessionTrackingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/**
 * Wires the demo's one servlet context:
 *
 * <pre>
 * /*                      security headers; plain HTTP: pages redirected to HTTPS on the public host
 * /stores/*               StoreAuthFilter, then the store API
 * /oauth2/token           the client-credentials token endpoint (answers over HTTPS only)
 * /manage/login           sign-in page and POST
 * /manage/session         who is signed in (GET), sign out (DELETE)
 * /manage/stores/*        the session user as principal, then AccountManagementServlet
 * /manage/*               the control panel's pages and assets
 * /secret-scanning/reports GitHub secret scanning's leaked-token reports, with --leak-report-keys only
 * </pre>
 *
 * <p>and answers every error Jetty raises itself as a problem ({@link ProblemErrorHandler}).
 */
final class DemoContext {

    /** Where OAuth clients get short-lived tokens. */
    static final String TOKEN_PATH = "/oauth2/token";
    /** The realm of the store API's and the token endpoint's challenges. */
    static final String REALM = "storeauth demo";

    /** The session cookie's name. */
    static final String SESSION_COOKIE = "STOREAUTH_SESSION";

    private static final int SIGN_IN_FAILURES = 10;
    private static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(5);
    /** Addresses and (e-mail, address) pairs counted at most; each key is a fixed-size digest. */
    private static final long SIGN_IN_KEYS = 100_000;

    /** What the context is built from. */
    record Parts(DataSource dataSource, StoreAuth storeAuth, ControlPanelUsers users, String httpsBase,
            String publicHost, int httpsPort, Optional<SecretScanningKeys> leakReportKeys, ErrorFormat errorFormat) {
    }

    /** Where GitHub posts its reports. */
    static final String LEAK_REPORTS = "/secret-scanning/reports";

    private DemoContext() {
    }

    static ServletContextHandler build(Parts parts) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setErrorHandler(new ProblemErrorHandler());
        configureSessions(context.getSessionHandler());
        ControlPanelUsers users = parts.users();
        AccountLifecycle lifecycle = parts.storeAuth().lifecycle().orElseThrow();
        filter(context, new RefusedBodyFilter(), "/*");
        filter(context, new SecurityHeadersFilter(), "/*");
        filter(context, new HttpsRedirectFilter(parts.publicHost(), parts.httpsPort()), "/*");
        filter(context, new StoreAuthFilter(parts.storeAuth().authenticator(), "", TrustedProxies.none(),
                parts.errorFormat()), "/stores/*");
        filter(context, new SessionPrincipalFilter(), "/manage/stores/*");
        context.addServlet(new ServletHolder(new StoreApiServlet(new StoreRecords(parts.dataSource()),
                new StoreSettings(parts.dataSource()), parts.errorFormat())), "/stores/*");
        ServletHolder token = new ServletHolder(new TokenEndpointServlet(
                parts.storeAuth().clientCredentialsGrant().orElseThrow(), REALM, TrustedProxies.none()));
        token.setAsyncSupported(true);
        context.addServlet(token, TOKEN_PATH);
        ServletHolder login = new ServletHolder(new LoginServlet(users, signInThrottle(), throttledSignInEntries(),
                parts.storeAuth().repository(), Clock.systemUTC()));
        login.setAsyncSupported(true);
        context.addServlet(login, "/manage/login");
        context.addServlet(new ServletHolder(new SessionServlet(users, parts.httpsBase(),
                AccountLifecycle.Builder.DEFAULT_OAUTH_ACCOUNT_LIMIT, lifecycle.catalogue())), "/manage/session");
        context.addServlet(new ServletHolder(new AccountManagementServlet(lifecycle,
                PanelSession.csrfTokens())), "/manage/stores/*");
        context.addServlet(new ServletHolder(new PageServlet()), "/manage/*");
        parts.leakReportKeys().ifPresent(keys -> {
            ServletHolder reports = new ServletHolder(new SecretScanningServlet(
                    new LeakReports(lifecycle), keys));
            reports.setAsyncSupported(true);
            context.addServlet(reports, LEAK_REPORTS);
        });
        context.addServlet(new ServletHolder(new RootServlet()), "/");
        return context;
    }

    /**
     * {@value #SIGN_IN_FAILURES} failed sign-ins per address, and per e-mail address at an address,
     * in {@link #SIGN_IN_WINDOW}; never per e-mail address alone, so nobody can lock the owner out
     * from another address.
     */
    private static FailureThrottle signInThrottle() {
        return FailureThrottle.local(SIGN_IN_FAILURES, SIGN_IN_WINDOW, SIGN_IN_KEYS, System::nanoTime);
    }

    /** One audit entry per throttled address per {@link #SIGN_IN_WINDOW}, however many attempts it sends. */
    private static FailureThrottle throttledSignInEntries() {
        return FailureThrottle.local(1, SIGN_IN_WINDOW, SIGN_IN_KEYS, System::nanoTime);
    }

    /** HttpOnly, Secure, SameSite=Strict, cookie-only (never a session id in a URL). */
    private static void configureSessions(SessionHandler sessions) {
        sessions.setSessionCookie(SESSION_COOKIE);
        sessions.setHttpOnly(true);
        sessions.setSecureCookies(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }

    private static void filter(ServletContextHandler context, Filter filter, String path) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, path, EnumSet.of(DispatcherType.REQUEST));
    }
}
