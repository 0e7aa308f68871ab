package dev.storeauth.demo.server;

import dev.storeauth.demo.web.JsonResponses;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the control panel on HTTPS: over plain HTTP a page ({@code GET}/{@code HEAD}) is redirected
 * (301) to the same URL on the HTTPS port, and anything else (a sign-in, say) is refused with 403
 * rather than redirected, since its body has already crossed the network in clear. Store API paths
 * pass through untouched: the storeauth filter refuses them itself ("TLS required").
 */
final class HttpsRedirectFilter implements Filter {

    private final int httpsPort;

    HttpsRedirectFilter(int httpsPort) {
        this.httpsPort = httpsPort;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.isSecure() || request.getRequestURI().startsWith("/stores/")) {
            chain.doFilter(request, response);
            return;
        }
        String target = "https://" + host(request.getServerName()) + ":" + httpsPort + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            response.setStatus(301);
            response.setHeader("Location", target);
            return;
        }
        JsonResponses.problem(response, 403, "tls-required", "TLS required",
                "the control panel is served over HTTPS only: " + target);
    }

    /** IPv6 literals go in brackets in a URL. */
    private static String host(String serverName) {
        return serverName.contains(":") && !serverName.startsWith("[") ? "[" + serverName + "]" : serverName;
    }
}
