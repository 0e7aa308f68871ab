package dev.storeauth.demo.server;

import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.Transport;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the control panel on HTTPS: a request that did not arrive on a TLS connection (judged by
 * {@link Transport}, never by an {@code https://} the client wrote in its request line) is, for a
 * page ({@code GET}/{@code HEAD}), redirected (301) to the same path on the configured public host
 * and HTTPS port, never to the host the client named; anything else (a sign-in, say) is refused
 * with 403 rather than redirected, since its body has already crossed the network in clear. Store
 * API paths pass through untouched: the storeauth filter refuses them itself ("TLS required"); so
 * does the token endpoint, which refuses them as an OAuth error ({@code invalid_request}).
 * Thread-safe.
 */
final class HttpsRedirectFilter implements Filter {

    private final String httpsOrigin;

    /** @param publicHost a DNS name or IP literal (an IPv6 literal with or without brackets) */
    HttpsRedirectFilter(String publicHost, int httpsPort) {
        this.httpsOrigin = "https://" + PublicHost.inUrl(publicHost) + ":" + httpsPort;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (Transport.isTls(request) || isStoreApi(request) || DemoContext.TOKEN_PATH.equals(request.getServletPath())) {
            chain.doFilter(request, response);
            return;
        }
        String target = httpsOrigin + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            response.setStatus(301);
            response.setHeader("Location", target);
            return;
        }
        DemoProblem.TLS_REQUIRED.response("the control panel is served over HTTPS only: " + target).writeTo(response);
    }

    /**
     * Whether the container routes the request to the store API, whose own filter refuses plain
     * HTTP. Decided on the resolved path: the raw URI {@code /stores/../manage/login} reaches the
     * sign-in, not the store API.
     */
    private static boolean isStoreApi(HttpServletRequest request) {
        return "/stores".equals(request.getServletPath());
    }
}
