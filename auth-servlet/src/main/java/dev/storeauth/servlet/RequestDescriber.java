package dev.storeauth.servlet;

import dev.storeauth.auth.ApiRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.List;

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
        return new ApiRequest(request.getMethod(), path(request), new ServletHeaders(request),
                isSecure(request), clientAddress(request));
    }

    /**
     * The socket's address, or, when that is a trusted proxy, the right-most {@code X-Forwarded-For}
     * hop that is not one: the first address no trusted party vouches for. A client cannot spoof it
     * by sending its own {@code X-Forwarded-For}, because every trusted proxy appends to the right.
     */
    String clientAddress(HttpServletRequest request) {
        String address = String.valueOf(request.getRemoteAddr());
        if (!trustedProxies.contains(address)) {
            return address;
        }
        List<String> hops = new ServletHeaders(request).values("X-Forwarded-For");
        for (int h = hops.size() - 1; h >= 0; h--) {
            String[] parts = hops.get(h).split(",");
            for (int i = parts.length - 1; i >= 0; i--) {
                String hop = parts[i].strip();
                if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                    return hop;
                }
            }
        }
        return address;
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
        if (tls.isTls(request)) {
            return true;
        }
        // Formatting the remote address costs an allocation: skip it when no proxy is trusted.
        if (trustedProxies.isEmpty() || !trustedProxies.contains(request.getRemoteAddr())) {
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
