package dev.storeauth.demo.server;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;

/**
 * Jetty's TLS request customizer (TLS session attributes, {@code isSecure}) with the demo's own host
 * check in place of Jetty's SNI host check. Jetty's check refuses ("400 Invalid SNI") every host
 * name missing from the certificate, so a demo reached by another name, or a certificate made
 * before {@code --public-host} changed, is unusable. This check compares the request's host with
 * {@link ServedNames} instead, whatever the certificate holds and whatever SNI the client sent, and
 * refuses any other name with 421 Misdirected Request (RFC 9110, 15.5.20): that still stops a page
 * on another site from reaching the demo by rebinding its own DNS name to this address.
 * Thread-safe.
 */
final class ServedHostCustomizer extends SecureRequestCustomizer {

    private final ServedNames names;

    ServedHostCustomizer(ServedNames names) {
        super(false, false, -1, false);
        this.names = names;
    }

    /** @throws BadMessageException 421 if the request names a host this server does not answer for */
    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        Request customized = super.customize(request, responseHeaders);
        if (!names.contains(Request.getServerName(request))) {
            throw new BadMessageException(HttpStatus.MISDIRECTED_REQUEST_421,
                    "this server answers for " + names.describe() + " only");
        }
        return customized;
    }
}
