package dev.storeauth.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A host filter of the kind some frameworks ship: when the request carries {@code X-Forwarded-Ssl: on},
 * from anyone, it wraps the request so that {@code isSecure()}, {@code getScheme()} and the TLS
 * attribute say https. It runs before storeauth in the test webapp.
 */
public final class ForwardedSslFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        chain.doFilter("on".equals(http.getHeader("X-Forwarded-Ssl")) ? new ClaimsTls(http) : request, response);
    }

    /** The wrapper that claims TLS. */
    static final class ClaimsTls extends HttpServletRequestWrapper {

        ClaimsTls(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public Object getAttribute(String name) {
            return ConnectionTls.CIPHER_SUITE.equals(name) ? "TLS_AES_128_GCM_SHA256" : super.getAttribute(name);
        }
    }
}
