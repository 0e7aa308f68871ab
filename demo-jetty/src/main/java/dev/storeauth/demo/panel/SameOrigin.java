package dev.storeauth.demo.panel;

import dev.storeauth.demo.web.Transport;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a request came from this server's own pages, judged by its {@code Origin} header: absent
 * (not a browser, or a same-origin GET) or equal to this server's scheme, host and port. The
 * scheme is the connection's ({@link Transport}), never the one written in the request line.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean allows(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        int port = uri.getPort() == -1 ? (uri.getScheme().equals("https") ? 443 : 80) : uri.getPort();
        return uri.getScheme().equals(Transport.scheme(request))
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port == request.getServerPort();
    }
}
