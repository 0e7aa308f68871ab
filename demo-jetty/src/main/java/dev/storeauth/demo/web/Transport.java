package dev.storeauth.demo.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request reached the demo over TLS, judged from the connection alone. Jetty 12 answers
 * {@link HttpServletRequest#isSecure()} and {@link HttpServletRequest#getScheme()} from the scheme
 * of the request line, which a client on the plain port may write as {@code https://} (absolute
 * form). The servlet attribute {@value #CIPHER_SUITE} instead comes from the TLS session of the
 * connection (Jetty's {@code SecureRequestCustomizer} attaches it only to requests that arrived
 * through a TLS endpoint), so nothing a client writes can set it. Thread-safe.
 */
public final class Transport {

    /** The servlet API's name for the TLS session's cipher suite. */
    static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";

    private Transport() {
    }

    /** True only if {@code request} arrived on a TLS connection. */
    public static boolean isTls(HttpServletRequest request) {
        return request.getAttribute(CIPHER_SUITE) != null;
    }

    /** {@code "https"} for a TLS connection, else {@code "http"}, whatever the request line says. */
    public static String scheme(HttpServletRequest request) {
        return isTls(request) ? "https" : "http";
    }
}
