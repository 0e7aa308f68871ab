package dev.storeauth.servlet;

import dev.storeauth.auth.ApiRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * Describes a servlet request to the servlet-free core: the container-decoded, container-normalised
 * path below the API prefix; whether it arrived over TLS (decided from the connection, see
 * {@link #isSecure}; {@code X-Forwarded-Proto} counts only from a trusted proxy); its headers; and
 * the client address, which the failure throttle, address allowlists and the last-used-from address
 * all read (see {@link #clientAddress}). Immutable and thread-safe.
 */
final class RequestDescriber {

    private final String apiPrefix;
    private final TrustedProxies trustedProxies;
    private final ConnectionTls tls;

    RequestDescriber(String apiPrefix, TrustedProxies trustedProxies) {
        this(apiPrefix, trustedProxies, ConnectionTls.attribute());
    }

    private RequestDescriber(String apiPrefix, TrustedProxies trustedProxies, ConnectionTls tls) {
        this.apiPrefix = apiPrefix;
        this.trustedProxies = trustedProxies;
        this.tls = tls;
    }

    /** This describer, telling TLS connections by {@code tls}. */
    RequestDescriber with(ConnectionTls tls) {
        return new RequestDescriber(apiPrefix, trustedProxies, tls);
    }

    ApiRequest describe(HttpServletRequest request) {
        // The socket address is read and matched against the trusted proxies once, for both questions.
        String remote = String.valueOf(request.getRemoteAddr());
        boolean fromProxy = trustedProxies.contains(remote);
        return new ApiRequest(request.getMethod(), path(request), new ServletHeaders(request),
                isSecure(request, fromProxy), trustedProxies.clientAddress(request, remote, fromProxy));
    }

    /** The client address, as {@link TrustedProxies#clientAddress} works it out. */
    String clientAddress(HttpServletRequest request) {
        return trustedProxies.clientAddress(request);
    }

    /** The path the authenticator reads: {@code /stores/...}, or something it will refuse. */
    String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (apiPrefix.isEmpty()) {
            return path;
        }
        return path.startsWith(apiPrefix) && (path.length() == apiPrefix.length() || path.charAt(apiPrefix.length()) == '/')
                ? path.substring(apiPrefix.length()) : "";
    }

    /**
     * Whether the connection itself is TLS ({@link ConnectionTls}), or a trusted proxy says it took
     * TLS: never the request-line's scheme, never a header from anyone else.
     */
    boolean isSecure(HttpServletRequest request) {
        return isSecure(request, trustedProxies.contains(request.getRemoteAddr()));
    }

    private boolean isSecure(HttpServletRequest request, boolean fromProxy) {
        if (tls.isTls(request)) {
            return true;
        }
        if (!fromProxy) {
            return false;
        }
        Enumeration<String> protos = request.getHeaders("X-Forwarded-Proto");
        String last = null;
        while (protos != null && protos.hasMoreElements()) {
            last = protos.nextElement();
        }
        // With several proxies the nearest (trusted) one appends last; only its word counts.
        if (last != null && last.indexOf(',') >= 0) {
            last = last.substring(last.lastIndexOf(',') + 1);
        }
        return last != null && last.strip().equalsIgnoreCase("https");
    }
}
