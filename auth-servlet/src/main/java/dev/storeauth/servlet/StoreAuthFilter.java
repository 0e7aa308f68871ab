package dev.storeauth.servlet;

import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.policy.ApiVersion;
import dev.storeauth.policy.internal.StorePath;
import dev.storeauth.repository.RepositoryUnavailableException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a store API: every request is authenticated and authorized by an {@link Authenticator}
 * before the rest of the chain sees it.
 *
 * <ul>
 *   <li>Allowed requests continue wrapped: {@code getUserPrincipal()} is an
 *       {@link dev.storeauth.auth.ApiPrincipal}, {@code getAuthType()} is {@code BASIC} or
 *       {@code BEARER}, {@code isUserInRole("products:read-only")} checks scopes, and the account
 *       is the request attribute {@link #ACCOUNT_ATTRIBUTE}. The result's
 *       {@linkplain AuthResult.Authenticated#headers() headers} (a store quota's
 *       {@code X-Rate-Limit-*}; for a Basic credential under a legacy deprecation {@code Deprecation},
 *       {@code Sunset} and {@code Link}) are set on the response before the chain runs, so the
 *       application's answer carries them unless it resets the response.
 *   <li>Denied requests get the status, every {@code WWW-Authenticate} challenge, the denial's
 *       headers (on 429 {@code Retry-After} and {@code X-Retry-After}; with a store quota the
 *       {@code X-Rate-Limit-*} ones), {@code Cache-Control: no-store} and a {@link ProblemResponse}
 *       body in the filter's {@link ErrorFormat} (RFC 9457 unless {@code error-format} or the
 *       constructor says otherwise); the chain is not called.
 *   <li>An unavailable account repository is 503 with {@code Retry-After}, never 401 or 500.
 * </ul>
 *
 * <p>From code:
 * <pre>{@code
 * context.addFilter("storeauth", new StoreAuthFilter(authenticator)).addMappingForUrlPatterns(null, false, "/stores/*");
 * }</pre>
 * From {@code web.xml}: the no-argument constructor and the init-params of {@link FilterSettings}.
 * Thread-safe once initialised.
 */
public final class StoreAuthFilter implements Filter {

    /** Request attribute holding the authenticated {@link dev.storeauth.accounts.Account}. */
    public static final String ACCOUNT_ATTRIBUTE = "dev.storeauth.account";
    /** Request attribute holding the whole {@link AuthResult.Authenticated}. */
    public static final String RESULT_ATTRIBUTE = "dev.storeauth.authenticated";

    private static final Logger LOG = LoggerFactory.getLogger(StoreAuthFilter.class);

    private volatile Authenticator authenticator;
    private volatile RequestDescriber describer;
    private volatile ProblemResponse unavailable;
    private volatile AutoCloseable owned;
    private volatile ErrorFormat errorFormat = ErrorFormat.RFC9457;

    /** For {@code web.xml}: everything comes from init-params in {@link #init(FilterConfig)}. */
    public StoreAuthFilter() {
    }

    /** For code: guards with {@code authenticator}, API prefix empty, no trusted proxies. */
    public StoreAuthFilter(Authenticator authenticator) {
        this(authenticator, "", TrustedProxies.none());
    }

    /**
     * For code, behind proxies or under a prefix.
     *
     * @param apiPrefix the servlet-relative prefix before {@code /stores/...}, e.g. {@code /api}, or empty
     * @param trustedProxies whose {@code X-Forwarded-Proto} and {@code X-Forwarded-For} are believed: the
     *     client address (for the failure throttle, allowlists and last-used-from) is the socket's, or
     *     behind these the right-most {@code X-Forwarded-For} hop that is not one of them
     */
    public StoreAuthFilter(Authenticator authenticator, String apiPrefix, TrustedProxies trustedProxies) {
        this(authenticator, apiPrefix, trustedProxies, ErrorFormat.RFC9457);
    }

    /**
     * For code, writing denials in {@code errorFormat}.
     *
     * @see #StoreAuthFilter(Authenticator, String, TrustedProxies)
     */
    public StoreAuthFilter(Authenticator authenticator, String apiPrefix, TrustedProxies trustedProxies,
            ErrorFormat errorFormat) {
        this.errorFormat = Objects.requireNonNull(errorFormat, "errorFormat");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.describer = new RequestDescriber(FilterSettings.requirePrefix(apiPrefix), trustedProxies);
        this.unavailable = FilterProblems.unavailable(FilterSettings.DEFAULT_RETRY_AFTER_SECONDS);
    }

    /**
     * Learns from the container how it tells a TLS connection, and reads init-params unless
     * constructed with an authenticator.
     *
     * @throws ServletException naming the parameter when one is unknown or invalid
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        ConnectionTls tls = ConnectionTls.forServer(config.getServletContext() == null ? null
                : config.getServletContext().getServerInfo());
        if (authenticator != null) {
            this.describer = describer.with(tls);
            return;
        }
        FilterSettings settings = FilterSettings.from(config);
        this.owned = settings.storeAuth();
        this.authenticator = settings.storeAuth().authenticator();
        this.describer = new RequestDescriber(settings.apiPrefix(), settings.trustedProxies()).with(tls);
        this.unavailable = FilterProblems.unavailable(settings.retryAfterSeconds());
        this.errorFormat = settings.errorFormat();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("StoreAuthFilter guards HTTP requests only");
        }
        AuthResult result;
        try {
            result = authenticator.authenticate(describer.describe(request));
        } catch (RepositoryUnavailableException e) {
            LOG.warn("account repository unavailable, answering 503: {}", e.getMessage());
            refuse(request, response, unavailable);
            return;
        }
        if (result instanceof AuthResult.Authenticated authenticated) {
            request.setAttribute(ACCOUNT_ATTRIBUTE, authenticated.account());
            request.setAttribute(RESULT_ATTRIBUTE, authenticated);
            Map<String, String> headers = authenticated.headers();
            if (!headers.isEmpty()) {
                setHeaders(response, headers);
            }
            chain.doFilter(new AuthenticatedRequest(request, authenticated), response);
            return;
        }
        refuse(request, response, FilterProblems.denial((AuthResult.Denied) result));
    }

    private static void setHeaders(HttpServletResponse response, Map<String, String> headers) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
    }

    /** The request's body goes unread: see {@link RequestBodies}. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemResponse problem)
            throws IOException {
        RequestBodies.closeIfUnread(request, response);
        ErrorFormat format = errorFormat;
        if (format == ErrorFormat.RFC9457) {
            problem.writeTo(response);
        } else {
            StorePath path = StorePath.read(describer.path(request));
            problem.writeTo(response, format, path == null ? ApiVersion.V3 : path.version());
        }
    }

    /** Closes the account repository if init-params created it. */
    @Override
    public void destroy() {
        AutoCloseable store = owned;
        if (store != null) {
            try {
                store.close();
            } catch (Exception e) {
                LOG.warn("closing the account repository failed: {}", e.toString());
            }
        }
    }
}
