package dev.storeauth.demo.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of the demo's connectors before Jetty cuts it off. The demo's requests
 * are small JSON documents from a local or nearby client, so the bounds are tight.
 *
 * @param idleTimeout how long a connection may send and receive nothing (then Jetty closes it)
 * @param maxRequestHeaderBytes the request line and headers together; more is 414 or 431
 * @param maxConnections both connectors together; beyond it Jetty stops accepting (new
 *     connections wait in the operating system's backlog) until one closes
 * @param idleTimeoutWhenFull the idle timeout applied to every connection while the limit is reached
 */
record ConnectorLimits(Duration idleTimeout, int maxRequestHeaderBytes,
        int maxConnections, Duration idleTimeoutWhenFull) {

    /**
     * 30 s idle, 8 KiB of headers, 512 connections, 5 s idle when full. There is no floor on the
     * body's data rate: Jetty measures it from the first byte, so a small body paused for a third of
     * a second fell below any useful floor; bodies read before authentication have a deadline of
     * their own ({@code BoundedBodyReader}) and hold no thread meanwhile.
     */
    static final ConnectorLimits DEMO = new ConnectorLimits(Duration.ofSeconds(30), 8 * 1024, 512,
            Duration.ofSeconds(5));

    /** @throws IllegalArgumentException unless every bound is positive */
    ConnectorLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(idleTimeoutWhenFull, "idleTimeoutWhenFull");
        if (idleTimeout.toMillis() <= 0 || idleTimeoutWhenFull.toMillis() <= 0 || maxRequestHeaderBytes <= 0
                || maxConnections <= 0) {
            throw new IllegalArgumentException("every connector limit must be positive: " + idleTimeout + ", "
                    + maxRequestHeaderBytes + " B, " + maxConnections
                    + " connections, " + idleTimeoutWhenFull);
        }
    }
}
