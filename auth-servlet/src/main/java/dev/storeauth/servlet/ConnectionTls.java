package dev.storeauth.servlet;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

/**
 * Whether the connection a request came on is TLS, from what the container knows of the connection,
 * never from what the client wrote nor from what a request wrapper of the host claims (the check
 * asks the container's own request object beneath any wrappers).
 *
 * <ul>
 *   <li>In every container but Tomcat: the request attribute {@value #CIPHER_SUITE}, which the Servlet
 *       specification ("SSL Attributes") has the container set on a request that came over TLS,
 *       and only then. {@code isSecure()} is not used: Jetty 12 derives it, like
 *       {@code getScheme()}, from the request-line, so {@code GET https://host/...} on a plain
 *       connector would count.
 *   <li>In Tomcat (server info {@code Apache Tomcat...}): the connector's {@code secure} flag, as
 *       {@code isSecure()} reports it; Tomcat takes it from the connector (or an admin's
 *       {@code RemoteIpValve}), never from the request-line, while its first read of a TLS
 *       attribute computes them all (peer certificates, session id, ciphers offered): 17-32 µs a
 *       request over TLS in {@code TlsCheckCost} runs, against 0.1-0.3 µs for {@code isSecure()}.
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class ConnectionTls {

    static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";

    private static final ConnectionTls ATTRIBUTE = new ConnectionTls(false);
    private static final ConnectionTls CONNECTOR = new ConnectionTls(true);

    private final boolean fromConnector;

    private ConnectionTls(boolean fromConnector) {
        this.fromConnector = fromConnector;
    }

    /** The rule for any container: the TLS attribute. */
    static ConnectionTls attribute() {
        return ATTRIBUTE;
    }

    /** The rule for the container whose {@code ServletContext.getServerInfo()} is {@code serverInfo} (may be null). */
    static ConnectionTls forServer(String serverInfo) {
        return serverInfo != null && serverInfo.startsWith("Apache Tomcat") ? CONNECTOR : ATTRIBUTE;
    }

    /** Whether {@code request} came over a TLS connection. */
    boolean isTls(ServletRequest request) {
        ServletRequest own = request;
        while (own instanceof ServletRequestWrapper wrapper) {
            own = wrapper.getRequest();
        }
        return fromConnector ? own.isSecure() : own.getAttribute(CIPHER_SUITE) != null;
    }

    @Override
    public String toString() {
        return fromConnector ? "ConnectionTls[connector]" : "ConnectionTls[" + CIPHER_SUITE + "]";
    }
}
